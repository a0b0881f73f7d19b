/**
 * What a traffic import touched, so the summaries can be recomputed for those posts only
 * (db/mutations/summaries-incremental.ts) instead of for every post over all of daily_views.
 *
 * Writers of daily_views and of the coverage/winners (./traffic.ts, ./traffic-coverage.ts) mark here the
 * (post, day) pairs whose rows they add or delete, and the days whose winning source changes. Marks are kept per
 * connection until a recompute consumes them. Marking too much is always safe (a post recomputed needlessly gives
 * the same numbers); a missed mark would leave a summary stale, so every write to daily_views goes through a marker.
 */
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

/** Marks since the last recompute, with the newest days of data as they were before the first mark. */
export interface Touched {
  /** post id -> days whose daily rows were added, changed or deleted. */
  pairs: Map<number, Set<string>>;
  /** Days whose winning source may have changed: every post with rows on them is touched. */
  days: Set<string>;
  /** `max(day)` of traffic_coverage before the first mark (end of post_metrics' "last N days"). */
  coverageLast: string | null;
  /** Newest counted day before the first mark (end of post_stats' "last 30 days"). */
  countedLast: string | null;
  /** Set by {@link markAll}: so much changed that every summary is recomputed; pairs are no longer recorded. */
  all: boolean;
}

const touchedBy = new WeakMap<object, Touched>();

/** Newest day any traffic input covers, or null. Uses the coverage day index: cheap. */
export function newestCoveredDay(tx: Tx): string | null {
  return (tx.$client.prepare('select max(day) as d from traffic_coverage').get() as { d: string | null }).d;
}

/** Newest day with a counted daily row, or null. Walks the daily_views day index from the end: cheap. */
export function newestCountedDay(tx: Tx): string | null {
  const r = tx.$client.prepare('select day from counted_daily_views order by day desc limit 1').get() as
    | { day: string }
    | undefined;
  return r?.day ?? null;
}

/** The marks of this connection, started (with the current newest days) when there are none. */
function current(tx: Tx): Touched {
  let t = touchedBy.get(tx.$client);
  if (!t) {
    t = {
      pairs: new Map(),
      days: new Set(),
      coverageLast: newestCoveredDay(tx),
      countedLast: newestCountedDay(tx),
      all: false,
    };
    touchedBy.set(tx.$client, t);
  }
  return t;
}

/** Mark one (post, day) pair whose daily rows change. */
export function markPair(tx: Tx, postId: number, day: string): void {
  const t = current(tx);
  if (t.all) return;
  const pairs = t.pairs;
  let days = pairs.get(postId);
  if (!days) {
    days = new Set();
    pairs.set(postId, days);
  }
  days.add(day);
}

/** Mark the (post, day) pairs of the daily rows a query selects (`post_id`, `day` columns), before they are deleted. */
export function markRows(tx: Tx, sql: string, ...params: unknown[]): void {
  const rows = tx.$client
    .prepare(sql)
    .raw()
    .iterate(...params) as Iterable<[number, string]>;
  for (const [postId, day] of rows) markPair(tx, postId, day);
}

/**
 * Mark everything: the writes touch most posts, so the recompute will be the full one (a large log's first
 * import); recording each (post, day) pair would be wasted work.
 */
export function markAll(tx: Tx): void {
  const t = current(tx);
  t.all = true;
  t.pairs.clear();
}

/** Mark days whose winning source changed. */
export function markDays(tx: Tx, days: Iterable<string>): void {
  const t = current(tx);
  for (const d of days) t.days.add(d);
}

/** Make sure the newest days are snapshotted before coverage changes (a day may move without any daily row). */
export function startTracking(tx: Tx): void {
  current(tx);
}

/** Take (and forget) this connection's marks; undefined when nothing was marked since the last recompute. */
export function takeTouched(tx: Tx): Touched | undefined {
  const t = touchedBy.get(tx.$client);
  touchedBy.delete(tx.$client);
  return t;
}

/** Forget the marks (a full recompute made every summary current). */
export function clearTouched(tx: Tx): void {
  touchedBy.delete(tx.$client);
}
