/**
 * Reads behind the metrics: the data's coverage, every post's raw sums (post_stats + post_metrics), the
 * publish-aligned curve points (post_curve), and views over calendar time. Only summary tables: post_month_views
 * for whole months, post_day_views (counted views per post per day, clustered by post) for the days of a range that
 * do not fill a month. daily_views itself is never read here.
 */
import { addDays, type Coverage, daysBetween, type PostSums } from '../../lib/metrics';
import type { DayRange } from '../../lib/overview-params';
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';

/** Ranges up to this many days are charted day by day; longer ones month by month. */
export const DAILY_MAX_DAYS = 92;

/** First and last day any traffic input covers (`traffic_coverage`, via its day index). */
export function getCoverage(db: Db): Coverage {
  const r = db.$client
    .prepare('select min(day) as firstDay, max(day) as lastDay from traffic_coverage')
    .get() as Coverage;
  return { firstDay: r.firstDay ?? null, lastDay: r.lastDay ?? null };
}

/** One published post with what the metrics need. */
export interface PostMetricRow {
  id: number;
  title: string;
  label: AuthorshipLabel | null;
  publishedDay: string | null;
  wordCount: number;
  sums: PostSums;
}

const SELECT_SUMS = `select p.id, p.title, a.label, p.published_day as publishedDay, p.word_count as wordCount,
    coalesce(s.lifetime_views, 0) as lifetimeViews, coalesce(s.bot_hits, 0) as botHits,
    coalesce(m.first7_views, 0) as first7Views, coalesce(m.first30_views, 0) as first30Views,
    coalesce(m.first90_views, 0) as first90Views, coalesce(m.last30_views, 0) as last30Views,
    coalesce(m.last90_views, 0) as last90Views, coalesce(m.since_publish_views, 0) as sincePublishViews,
    m.peak_day as peakDay, coalesce(m.peak_views, 0) as peakViews
  from posts p left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
  left join post_metrics m on m.post_id = p.id`;

type FlatRow = Omit<PostMetricRow, 'sums'> & PostSums;

function unflatten(r: FlatRow): PostMetricRow {
  const { id, title, label, publishedDay, wordCount, ...sums } = r;
  return { id, title, label, publishedDay, wordCount, sums };
}

/** Every published post with its raw sums (one indexed read of summary tables). */
export function listPostMetricRows(db: Db): PostMetricRow[] {
  return (db.$client.prepare(`${SELECT_SUMS} where p.status = 'publish'`).all() as FlatRow[]).map(unflatten);
}

/** One post's row (any status), or null when it does not exist. */
export function getPostMetricRow(db: Db, postId: number): PostMetricRow | null {
  const r = db.$client.prepare(`${SELECT_SUMS} where p.id = ?`).get(postId) as FlatRow | undefined;
  return r ? unflatten(r) : null;
}

/** Lifetime human page views of all posts (the denominator of "share of all traffic"). */
export function siteTotalViews(db: Db): number {
  return (db.$client.prepare('select coalesce(sum(lifetime_views), 0) as n from post_stats').get() as { n: number }).n;
}

/**
 * Curve points `[postId, age, cumViews]` (cumulative views at CURVE_AGES) of published posts published in `range`
 * (all when null), as raw arrays: up to 18 per post.
 */
export function listCurvePoints(db: Db, range: DayRange | null): [number, number, number][] {
  return db.$client
    .prepare(`select c.post_id, c.age, c.cum_views from post_curve c join posts p on p.id = c.post_id
      where p.status = 'publish' and p.published_day between ? and ?`)
    .raw()
    .all(range?.from ?? '0000-00-00', range?.to ?? '9999-99-99') as [number, number, number][];
}

/** Human page views of published posts in one bucket (a day or a month) with one authorship label. */
export interface BucketViews {
  bucket: string;
  /** The author's label, or null for unlabelled posts. */
  label: AuthorshipLabel | null;
  pageViews: number;
}

/** Split a range into whole months (served by post_month_views) and the leftover day spans at either end. */
export function splitRange(r: DayRange): { months: [string, string] | null; days: DayRange[] } {
  const firstFull = r.from.endsWith('-01') ? r.from : `${addDays(`${r.from.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  const afterTo = addDays(r.to, 1);
  const lastFullEnd = afterTo.endsWith('-01') ? r.to : addDays(`${r.to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFullEnd) return { months: null, days: [r] };
  const days: DayRange[] = [];
  if (r.from < firstFull) days.push({ from: r.from, to: addDays(firstFull, -1) });
  if (lastFullEnd < r.to) days.push({ from: addDays(lastFullEnd, 1), to: r.to });
  return { months: [firstFull.slice(0, 7), lastFullEnd.slice(0, 7)], days };
}

// Day spans are read post by post from post_day_views (clustered by post, day): CROSS JOIN keeps posts the outer
// loop, so each post costs one seek and a short run, never a scan of every post's every day.
const DAY_SPAN = `from posts p cross join post_day_views v left join authorship a on a.post_id = p.id
  where p.status = 'publish' and v.post_id = p.id and v.day between ? and ?`;

/**
 * Human page views of published posts by bucket and label over `range` (all data when null): per day when the
 * range has at most DAILY_MAX_DAYS days, else per month (whole months from post_month_views, the partial months at
 * the ends from post_day_views). Summed in SQL: a few hundred rows reach JavaScript whatever the blog's size.
 */
export function viewsByBucket(db: Db, range: DayRange | null): { unit: 'day' | 'month'; rows: BucketViews[] } {
  const c = db.$client;
  if (range && daysBetween(range.from, range.to) + 1 <= DAILY_MAX_DAYS) {
    const rows = c
      .prepare(`select v.day as bucket, a.label, sum(v.page_views) as pageViews ${DAY_SPAN} group by v.day, a.label`)
      .all(range.from, range.to) as BucketViews[];
    return { unit: 'day', rows };
  }
  // Posts as the outer loop (CROSS JOIN fixes the order), as in DAY_SPAN: one seek per post into post_month_views'
  // primary key, instead of a month-index walk with a posts lookup per row (232 -> 67 ms at 5,000 posts × 24 months).
  const monthSql = `select m.month as bucket, a.label, sum(m.page_views) as pageViews from posts p
    cross join post_month_views m left join authorship a on a.post_id = p.id
    where p.status = 'publish' and m.post_id = p.id and m.month between ? and ? group by m.month, a.label`;
  if (!range) return { unit: 'month', rows: c.prepare(monthSql).all('0000-00', '9999-99') as BucketViews[] };
  const { months, days } = splitRange(range);
  const rows: BucketViews[] = months ? (c.prepare(monthSql).all(months[0], months[1]) as BucketViews[]) : [];
  const partial = c.prepare(
    `select substr(v.day, 1, 7) as bucket, a.label, sum(v.page_views) as pageViews ${DAY_SPAN} group by a.label`,
  );
  for (const d of days) rows.push(...(partial.all(d.from, d.to) as BucketViews[]));
  return { unit: 'month', rows };
}

/** Human page views per post over a range (all data when null), for top posts and shares within the range. */
export function viewsByPost(db: Db, range: DayRange | null): Map<number, number> {
  const c = db.$client;
  const out = new Map<number, number>();
  const add = (rows: { id: number; v: number }[]) => {
    for (const r of rows) out.set(r.id, (out.get(r.id) ?? 0) + r.v);
  };
  if (!range) {
    add(c.prepare('select post_id as id, lifetime_views as v from post_stats').all() as { id: number; v: number }[]);
    return out;
  }
  const { months, days } =
    daysBetween(range.from, range.to) + 1 <= DAILY_MAX_DAYS ? { months: null, days: [range] } : splitRange(range);
  if (months)
    add(
      c
        .prepare(`select post_id as id, sum(page_views) as v from post_month_views where month between ? and ?
          group by post_id`)
        .all(months[0], months[1]) as { id: number; v: number }[],
    );
  const span = c.prepare(`select p.id, sum(v.page_views) as v ${DAY_SPAN} group by p.id`);
  for (const d of days) add(span.all(d.from, d.to) as { id: number; v: number }[]);
  return out;
}

/** The author's timeline notes, oldest first. */
export function listAnnotations(db: Db): { id: number; day: string; text: string }[] {
  return db.$client.prepare('select id, day, text from annotations order by day, id').all() as {
    id: number;
    day: string;
    text: string;
  }[];
}
