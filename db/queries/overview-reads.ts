/**
 * The overview's reads, all from summary tables kept current by the importer (db/mutations/range-summaries.ts and
 * ./metrics.ts's sources): every published post's sums, the views of any range of days per post (post_month_cum:
 * two lookups per post), per day and label (label_day_views) and the publish-aligned curves (post_curve_rows). Rows
 * come back as plain arrays: the overview reads thousands of them per request, and objects would cost more than the
 * reads. daily_views and post_day_views are never read here.
 */
import { addDays, CURVE_AGES, daysBetween } from '../../lib/metrics';
import type { DayRange } from '../../lib/overview-params';
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';
import { OVERVIEW_COLUMNS } from '../mutations/overview-post-list';
import { curveAgeColumn, monthDayColumn } from '../schema';

/** Ranges up to this many days are charted day by day; longer ones month by month. */
export const DAILY_MAX_DAYS = 92;

/**
 * Every published post's label and raw sums, column by column: `ids[i]`, `titles[i]`, ... describe the same post,
 * oldest first (by publish day, then id; undated posts first). Sums as lib/metrics.ts PostSums (human page views);
 * `labels` are the author's, or null.
 */
export interface OverviewColumns {
  ids: number[];
  titles: string[];
  publishedDays: (string | null)[];
  wordCounts: number[];
  labels: (AuthorshipLabel | null)[];
  lifetimeViews: number[];
  botHits: number[];
  first7Views: number[];
  first30Views: number[];
  first90Views: number[];
  last30Views: number[];
  last90Views: number[];
  sincePublishViews: number[];
  peakDays: (string | null)[];
  peakViews: number[];
}

/**
 * The published posts from overview_post_list's JSON (db/mutations/overview-post-list.ts ensureOverviewPostList
 * gives it), with each post's label read now (authorship_label_idx, one JSON object).
 */
export function overviewColumns(db: Db, listJson: string): OverviewColumns {
  const arrays = JSON.parse(listJson) as unknown[][];
  const out = Object.fromEntries(OVERVIEW_COLUMNS.map(([key], i) => [key, arrays[i]])) as unknown as OverviewColumns;
  const labels = JSON.parse(
    db.$client
      .prepare('select json_group_object(post_id, label) from authorship where label is not null')
      .pluck()
      .get() as string,
  ) as Record<number, AuthorshipLabel>;
  out.labels = out.ids.map((id) => labels[id] ?? null);
  // The list is written in this order; checked, since the order comes from a subquery the aggregate reads in turn.
  const { ids, publishedDays: days } = out;
  for (let i = 1; i < ids.length; i++) {
    const a = days[i - 1];
    const b = days[i];
    if (a === b ? ids[i - 1] > ids[i] : b === null || (a !== null && a > b)) return sortColumns(out);
  }
  return out;
}

/** The columns reordered by publish day (null first, as SQLite orders it), then id. */
function sortColumns(c: OverviewColumns): OverviewColumns {
  const order = c.ids.map((_, i) => i);
  const days = c.publishedDays;
  order.sort((i, j) =>
    days[i] === days[j]
      ? c.ids[i] - c.ids[j]
      : days[i] === null
        ? -1
        : days[j] === null
          ? 1
          : (days[i] as string) < (days[j] as string)
            ? -1
            : 1,
  );
  const out = {} as Record<string, unknown[]>;
  for (const key of Object.keys(c)) out[key] = order.map((i) => (c[key as keyof OverviewColumns] as unknown[])[i]);
  return out as unknown as OverviewColumns;
}

/** Where post_month_cum holds the cumulative views through `day`: its month and day column. */
function cumCell(day: string): { month: string; column: string } {
  return { month: day.slice(0, 7), column: monthDayColumn(Number(day.slice(8, 10))) };
}

/**
 * Human page views per post over `range` (both ends included): cumulative views through `to` less those through
 * the day before `from`, one row of post_month_cum each, as `[postId, views]`. Any status (callers keep the posts
 * they show). Posts without views in the range may be missing or 0.
 * @param opts.ids only these posts (e.g. the top posts' previous period).
 * @param opts.top only the `top` posts with the most views (more than 0), most first: sorted and cut in SQL.
 */
export function rangeViewsByPost(
  db: Db,
  range: DayRange,
  opts: { ids?: readonly number[]; top?: number } = {},
): [number, number][] {
  const c = db.$client;
  const newest = c.prepare('select max(month) from post_month_cum').pluck().get() as string | null;
  const before = addDays(range.from, -1);
  if (newest === null || before.slice(0, 7) > newest) return [];
  // Past the newest month every total stays where it ended: its last day column.
  const end = range.to.slice(0, 7) > newest ? { month: newest, column: 'd31' } : cumCell(range.to);
  const start = cumCell(before);
  const args: unknown[] = [start.month, end.month];
  let tail = '';
  if (opts.ids) {
    tail += ' and a.post_id in (select value from json_each(?))';
    args.push(JSON.stringify(opts.ids));
  }
  if (opts.top !== undefined) {
    tail += ' and views > 0 order by views desc limit ?';
    args.push(opts.top);
  }
  return c
    .prepare(`select a.post_id, a.${end.column} - coalesce(b.${start.column}, 0) as views from post_month_cum a
      left join post_month_cum b on b.month = ? and b.post_id = a.post_id where a.month = ?${tail}`)
    .raw()
    .all(...args) as [number, number][];
}

/** Human page views of published posts in one bucket (a day or a month) with one authorship label. */
export interface BucketViews {
  bucket: string;
  /** The author's label, or null for unlabelled posts. */
  label: AuthorshipLabel | null;
  pageViews: number;
}

/**
 * Human page views of published posts by bucket and label over `range` (all data when null), from label_day_views:
 * per day when the range has at most DAILY_MAX_DAYS days, else per month. Summed in SQL: at most a few thousand
 * rows are read, and a few hundred reach JavaScript.
 */
export function viewsByBucket(db: Db, range: DayRange | null): { unit: 'day' | 'month'; rows: BucketViews[] } {
  const c = db.$client;
  const from = range?.from ?? '0000-00-00';
  const to = range?.to ?? '9999-99-99';
  if (range && daysBetween(range.from, range.to) + 1 <= DAILY_MAX_DAYS) {
    const rows = c
      .prepare(`select day as bucket, nullif(label, 'unlabelled') as label, page_views as pageViews
        from label_day_views where day between ? and ? and page_views != 0`)
      .all(from, to) as BucketViews[];
    return { unit: 'day', rows };
  }
  const rows = c
    .prepare(`select substr(day, 1, 7) as bucket, nullif(label, 'unlabelled') as label, sum(page_views) as pageViews
      from label_day_views where day between ? and ? group by 1, 2 having sum(page_views) != 0`)
    .all(from, to) as BucketViews[];
  return { unit: 'month', rows };
}

/**
 * The publish-aligned curves of posts published from `from` to `to` (any status): `[postId, cum at CURVE_AGES[0],
 * cum at CURVE_AGES[1], ...]`, cumulative human page views in the first N days.
 */
export function listCurveRows(db: Db, from: string, to: string): number[][] {
  // As columns in one JSON string (see listOverviewColumns), turned into rows here.
  const json = db.$client
    .prepare(`select json_array(json_group_array(post_id), ${CURVE_AGES.map((a) => `json_group_array(${curveAgeColumn(a)})`).join(', ')})
      from post_curve_rows where published_day between ? and ?`)
    .pluck()
    .get(from, to) as string;
  const cols = JSON.parse(json) as number[][];
  const rows: number[][] = [];
  for (let i = 0; i < cols[0].length; i++) rows.push(cols.map((col) => col[i]));
  return rows;
}
