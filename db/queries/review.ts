/**
 * Reads for the review queue (/review): today's worklist in the chosen order, the progress line, and one post with
 * the numbers the author decides on.
 *
 * Today's worklist = posts still to decide (undecided, or kept with a re-review day that has come) plus the posts
 * decided today, so "41 of 230 decided today" stays meaningful through the day and an undo puts a post back.
 * "Today" is the calendar day in the site time zone; event times are UTC.
 */
import { DateTime } from 'luxon';
import type { AuthorshipLabel, Decision } from '../../lib/types';
import type { Db } from '../client';

/** Queue orders, as `?order=` values. */
export const REVIEW_ORDERS = {
  oldest: { label: 'Oldest first', sql: 'p.published_at is null, p.published_at, p.id' },
  'least-read': {
    label: 'Least read first',
    sql: 'coalesce(s.lifetime_views, 0), p.published_at is null, p.published_at, p.id',
  },
  'ai-first': {
    label: 'AI-generated first',
    // The author's label wins; an unlabelled post sorts by its suggestion, then by the suggestion's score.
    sql: `case coalesce(a.label, a.suggested_label) when 'ai-generated' then 0 when 'ai-assisted' then 1 else 2 end,
      case when a.label is null then 1 else 0 end, coalesce(a.score_pct, 0) desc, p.published_at is null, p.published_at, p.id`,
  },
} as const;
export type ReviewOrder = keyof typeof REVIEW_ORDERS;

/** Parse `?order=`; anything unknown is the default (oldest first). */
export function parseReviewOrder(v: unknown): ReviewOrder {
  return typeof v === 'string' && v in REVIEW_ORDERS ? (v as ReviewOrder) : 'oldest';
}

/** A calendar day in the site time zone and its bounds as UTC ISO strings (`start` inclusive, `end` exclusive). */
export interface SiteDay {
  day: string;
  startUtc: string;
  endUtc: string;
}

/**
 * Today (or the day of `now`) in `timeZone` (IANA), with its UTC bounds comparable to `decision_events.at`.
 * @throws Error when the zone is unknown.
 */
export function siteDay(timeZone: string, now: Date = new Date()): SiteDay {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`unknown time zone "${timeZone}"`);
  const start = local.startOf('day');
  const iso = (d: DateTime) => d.toUTC().toISO() as string;
  return { day: start.toISODate() as string, startUtc: iso(start), endUtc: iso(start.plus({ days: 1 })) };
}

export interface ReviewItem {
  id: number;
  title: string;
  decision: Decision;
  rereviewOn: string | null;
  /** Still to decide: undecided, or kept with a re-review day on or before today. */
  pending: boolean;
  /** Decided (or changed) today. */
  touchedToday: boolean;
}

/** Today's worklist (published posts only: drafts are not on the blog), in the chosen order. */
export function listReviewWorklist(db: Db, order: ReviewOrder, today: SiteDay): ReviewItem[] {
  const rows = db.$client
    .prepare(`with touched as (select distinct post_id from decision_events where at >= @start and at < @end)
      select p.id, p.title, coalesce(d.decision, 'undecided') as decision, d.rereview_on as rereviewOn,
        (coalesce(d.decision, 'undecided') = 'undecided'
          or (d.decision = 'keep' and d.rereview_on is not null and d.rereview_on <= @day)) as pending,
        (t.post_id is not null) as touchedToday
      from posts p left join decisions d on d.post_id = p.id left join post_stats s on s.post_id = p.id
        left join authorship a on a.post_id = p.id left join touched t on t.post_id = p.id
      where p.status = 'publish' and (t.post_id is not null or coalesce(d.decision, 'undecided') = 'undecided'
        or (d.decision = 'keep' and d.rereview_on is not null and d.rereview_on <= @day))
      order by ${REVIEW_ORDERS[order].sql}`)
    .all({ start: today.startUtc, end: today.endUtc, day: today.day }) as (Omit<
    ReviewItem,
    'pending' | 'touchedToday'
  > & { pending: number; touchedToday: number })[];
  return rows.map((r) => ({ ...r, pending: r.pending === 1, touchedToday: r.touchedToday === 1 }));
}

export interface ReviewProgress {
  /** Posts of today's worklist decided today. */
  decidedToday: number;
  /** Size of today's worklist (decided today + still to decide). */
  total: number;
  /** Still to decide. */
  remaining: number;
}

/** Progress numbers of a worklist. */
export function reviewProgress(items: readonly ReviewItem[]): ReviewProgress {
  const remaining = items.filter((i) => i.pending).length;
  return { decidedToday: items.length - remaining, total: items.length, remaining };
}

/**
 * Where the keys lead from post `id` in the worklist: `next`/`prev` step through the list (decided ones included, to
 * look back), `nextPending` is the next post still to decide after it (wrapping around), the landing spot after a
 * decision or a skip. Ids not in the list step from the start.
 */
export function reviewNeighbours(
  items: readonly ReviewItem[],
  id: number | null,
): { index: number; next: number | null; prev: number | null; nextPending: number | null } {
  const index = id === null ? -1 : items.findIndex((i) => i.id === id);
  const next = items[index + 1]?.id ?? null;
  const prev = index > 0 ? items[index - 1].id : null;
  const after = [...items.slice(index + 1), ...items.slice(0, Math.max(index, 0))];
  const nextPending = after.find((i) => i.pending && i.id !== id)?.id ?? null;
  return { index, next, prev, nextPending };
}

export interface ReviewPost {
  id: number;
  path: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  wordCount: number;
  content: string;
  tags: string[];
  label: AuthorshipLabel | null;
  suggestedLabel: AuthorshipLabel | null;
  decision: Decision;
  note: string;
  rereviewOn: string | null;
  lifetimeViews: number;
  first30Views: number;
  last90Views: number;
  botHits: number;
  lastViewDay: string | null;
  /** Last day of traffic data in the whole database (the end of "last 90 days"), or null. */
  dataEnd: string | null;
  /** Human page views per month (`YYYY-MM`), months without views filled with 0, publish month to data end. */
  months: { month: string; pageViews: number }[];
}

/** One post as the review card shows it, or undefined when it does not exist. */
export function getReviewPost(db: Db, id: number): ReviewPost | undefined {
  const c = db.$client;
  const row = c
    .prepare(`select p.id, p.path, p.url, p.title, p.published_at as publishedAt, p.published_day as publishedDay,
        p.word_count as wordCount, p.content, p.tags, a.label, a.suggested_label as suggestedLabel,
        coalesce(d.decision, 'undecided') as decision, coalesce(d.note, '') as note, d.rereview_on as rereviewOn,
        coalesce(s.lifetime_views, 0) as lifetimeViews, coalesce(s.first30_views, 0) as first30Views,
        coalesce(s.bot_hits, 0) as botHits, s.last_view_day as lastViewDay
      from posts p left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
        left join decisions d on d.post_id = p.id where p.id = ?`)
    .get(id) as
    | (Omit<ReviewPost, 'tags' | 'months' | 'last90Views' | 'dataEnd'> & { tags: string; publishedDay: string | null })
    | undefined;
  if (!row) return undefined;
  const dataEnd = (c.prepare('select max(day) as d from daily_views').get() as { d: string | null }).d;
  const last90 = dataEnd
    ? (
        c
          .prepare(`select coalesce(sum(page_views), 0) as n from post_day_views where post_id = ? and day > date(?, '-90 days')
            and day <= ?`)
          .get(id, dataEnd, dataEnd) as { n: number }
      ).n
    : 0;
  const monthly = c
    .prepare(`select substr(day, 1, 7) as month, sum(page_views) as pageViews from post_day_views where post_id = ?
      group by month order by month`)
    .all(id) as { month: string; pageViews: number }[];
  const { publishedDay, tags, ...rest } = row;
  const first = [publishedDay?.slice(0, 7), monthly[0]?.month].filter(Boolean).sort()[0];
  const last = dataEnd?.slice(0, 7) ?? monthly.at(-1)?.month;
  return {
    ...rest,
    tags: parseTags(tags),
    last90Views: last90,
    dataEnd,
    months: first && last ? fillMonths(monthly, first, last) : [],
  };
}

function parseTags(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Every month from `first` to `last` (`YYYY-MM`, inclusive) with its views or 0. */
export function fillMonths(
  rows: readonly { month: string; pageViews: number }[],
  first: string,
  last: string,
): { month: string; pageViews: number }[] {
  const by = new Map(rows.map((r) => [r.month, r.pageViews]));
  const out: { month: string; pageViews: number }[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, pageViews: by.get(month) ?? 0 });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The re-review day (`YYYY-MM-DD`) of a post, or null (none, or not kept). */
export function getRereviewOn(db: Db, postId: number): string | null {
  const r = db.$client
    .prepare("select rereview_on as d from decisions where post_id = ? and decision = 'keep'")
    .get(postId) as { d: string | null } | undefined;
  return r?.d ?? null;
}
