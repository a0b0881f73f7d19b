/**
 * Keeps the metric summaries current: post_day_views (counted views per post per day, clustered by post), and from
 * it post_metrics (window sums, peak day), post_curve (cumulative views at fixed days since publishing) and
 * post_month_views. Called at the end of recomputePostStats, inside the import's transaction, so pages never scan
 * daily_views for these numbers. The sums are lib/metrics-sums.ts's PostAccumulator: one implementation, one definition.
 * Daily rows come from `counted_daily_views` (one source per day where sources overlap, so nothing counts twice);
 * "the last N days" end on the newest day any traffic input covers (`traffic_coverage`).
 */
import { addDays, CURVE_AGES } from '../../lib/metrics';
import { PostAccumulator } from '../../lib/metrics-sums';
import type { Db } from '../client';
import { type BatchedWriter, batchedInsert } from './batched-upsert';
import { forEachPostDays, type PostDays } from './post-day-rows';
import { writeRangeSummaries } from './range-summaries';
import { newestCountedDay } from './traffic-touched';

type Tx = Pick<Db, '$client'>;

/**
 * Recompute every post's summaries: one GROUP BY of counted daily traffic into post_day_views, then one ordered pass
 * over it in JS (one row of JSON arrays per post, ./post-day-rows.ts), then the writes. post_stats comes from the same pass (its
 * "last 30 days" end on the newest counted day; a "last view" is the newest day with a human page view), so
 * daily_views is scanned once.
 */
export function recomputePostMetrics(tx: Tx): void {
  const c = tx.$client;
  c.transaction(() => {
    // The ORDER BY matters: SQLite may group in daily_views' own (day, post) order, and post_day_views is clustered by
    // (post, day); rows in its key order append to the B-tree (3 s at 3.65M rows) instead of landing at random (22 s).
    c.exec(`delete from post_day_views;
      insert into post_day_views (post_id, day, page_views, bot_hits)
      select * from (select post_id, day, sum(page_views), sum(bot_hits) from counted_daily_views group by post_id, day)
      order by post_id, day;`);
    const lastDay = (c.prepare('select max(day) as d from traffic_coverage').get() as { d: string | null }).d;
    const published = new Map(
      (c.prepare('select id, published_day as pd from posts').all() as { id: number; pd: string | null }[]).map((p) => [
        p.id,
        p.pd,
      ]),
    );
    const countedLast = newestCountedDay(tx);
    // SQL's `day > date(last, '-30 days')` on YYYY-MM-DD strings.
    const last30From = countedLast === null ? null : addDays(countedLast, -30);
    const done = new Map<number, PostAccumulator>();
    const extra = new Map<number, { last30: number; lastViewDay: string | null }>();
    forEachPostDays(tx, (id, d) => {
      const acc = new PostAccumulator(published.get(id) ?? null, lastDay);
      done.set(id, acc);
      extra.set(id, addPostDays(acc, d, last30From));
    });
    c.exec('delete from post_stats; delete from post_metrics; delete from post_curve; delete from post_month_views;');
    const stats = batchedInsert(
      c,
      'post_stats (post_id, lifetime_views, first30_views, last30_views, bot_hits, last_view_day)',
      6,
    );
    const st = summaryWriters(c);
    for (const [id, pd] of published) {
      const acc = done.get(id) ?? new PostAccumulator(pd, lastDay);
      const s = acc.sums;
      const e = extra.get(id);
      stats.push(id, s.lifetimeViews, s.first30Views, e?.last30 ?? 0, s.botHits, e?.lastViewDay ?? null);
      writePostSummaries(st, id, pd, acc);
    }
    stats.flush();
    for (const w of [st.metric, st.curve, st.month]) w.flush();
    writeRangeSummaries(tx, published, done);
  })();
}

/**
 * Feed one post's days (ascending) to its accumulator, and return what post_stats needs beside the sums: page views
 * after `last30From` (the start of the "last 30 days" before the newest counted day; null: none) and the newest day
 * with a human page view. Shared by the full and the incremental recompute.
 */
export function addPostDays(
  acc: PostAccumulator,
  { days, pageViews, botHits }: PostDays,
  last30From: string | null,
): { last30: number; lastViewDay: string | null } {
  let last30 = 0;
  let lastViewDay: string | null = null;
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    const pv = pageViews[i];
    acc.add(day, pv, botHits[i]);
    if (last30From !== null && day > last30From) last30 += pv;
    if (pv > 0) lastViewDay = day;
  }
  return { last30, lastViewDay };
}

/** Inserts into post_metrics, post_curve and post_month_views: prepared statements, or batched writers. */
export interface SummaryStatements {
  metric: { run: (...args: unknown[]) => unknown } | BatchedWriter;
  curve: { run: (...args: unknown[]) => unknown } | BatchedWriter;
  month: { run: (...args: unknown[]) => unknown } | BatchedWriter;
}

/** Batched inserts into the emptied post_metrics, post_curve and post_month_views (flush each at the end). */
function summaryWriters(c: Tx['$client']): { metric: BatchedWriter; curve: BatchedWriter; month: BatchedWriter } {
  return {
    metric: batchedInsert(
      c,
      `post_metrics (post_id, first7_views, first30_views, first90_views, last30_views, last90_views,
      since_publish_views, peak_day, peak_views)`,
      9,
    ),
    curve: batchedInsert(c, 'post_curve (post_id, age, cum_views)', 3),
    month: batchedInsert(c, 'post_month_views (post_id, month, page_views, bot_hits)', 4),
  };
}

/** One row written through either kind of {@link SummaryStatements} member. */
function put(w: SummaryStatements['metric'], ...values: unknown[]): void {
  if ('push' in w) w.push(...values);
  else w.run(...values);
}

/**
 * Write one post's metric row, publish-aligned curve and monthly views from its accumulated sums. Shared by the full
 * and the incremental recompute, so both write exactly the same rows.
 */
export function writePostSummaries(st: SummaryStatements, id: number, pd: string | null, acc: PostAccumulator): void {
  const s = acc.sums;
  put(
    st.metric,
    id,
    s.first7Views,
    s.first30Views,
    s.first90Views,
    s.last30Views,
    s.last90Views,
    s.sincePublishViews,
    s.peakDay,
    s.peakViews,
  );
  // Without a publish day there is nothing to align on: no curve.
  if (pd) {
    const cum = acc.curve();
    for (let i = 0; i < cum.length; i++) put(st.curve, id, CURVE_AGES[i], cum[i]);
  }
  for (const [m, v] of acc.months) put(st.month, id, m, v.pageViews, v.botHits);
}

/**
 * Rebuild the summaries when they are missing (a database that had traffic before they existed). Cheap when they
 * are current: two counts over small tables.
 */
export function ensurePostMetrics(tx: Tx): void {
  const c = tx.$client;
  const r = c
    .prepare('select (select count(*) from posts) as posts, (select count(*) from post_metrics) as metrics')
    .get() as { posts: number; metrics: number };
  if (r.posts !== r.metrics) recomputePostMetrics(tx);
}
