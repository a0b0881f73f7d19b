/**
 * Incremental recompute of the per-post summaries (post_stats, post_day_views, post_metrics, post_curve,
 * post_month_views) for the posts an import touched (./traffic-touched.ts), with the same numbers a full recompute
 * (./traffic.ts recomputePostStats) gives: post_day_views rows of the touched (post, day) pairs are regrouped from
 * counted_daily_views, then each touched post's rows come from the same PostAccumulator pass over post_day_views. The "last N days" sums of every other post change
 * only when the newest day of data moves; they are then re-summed from post_day_views' last 30 days per post (one
 * short clustered range each). Falls back to the full recompute when most posts are touched or a summary is missing.
 */
import { addDays } from '../../lib/metrics';
import { PostAccumulator } from '../../lib/metrics-sums';
import type { Db } from '../client';
import { addPostDays, writePostSummaries } from './metrics';
import { postDaysReader } from './post-day-rows';
import { updateRangeSummaries } from './range-summaries';
import { newestCountedDay, newestCoveredDay, type Touched, takeTouched } from './traffic-touched';

type Tx = Pick<Db, '$client'>;

/** More winner-changed days than this, or more than this share of posts touched: the full recompute is cheaper. */
const MAX_DAYS = 31;
export const MAX_POST_SHARE = 0.5;

/**
 * Bring the summaries up to date after traffic writes, touching only what changed. Call inside the import's
 * transaction, where a full recompute would be called.
 * @param full the full recompute (passed in to avoid an import cycle with ./traffic.ts).
 * @param limits when to fall back to the full recompute (tests lift them to check the incremental path everywhere).
 */
export function recomputeTouchedSummaries(
  tx: Tx,
  full: (tx: Tx) => void,
  limits = { maxDays: MAX_DAYS, maxPostShare: MAX_POST_SHARE },
): void {
  const c = tx.$client;
  const t = takeTouched(tx);
  const counts = c
    .prepare(`select (select count(*) from posts) as p, (select count(*) from post_stats) as s,
      (select count(*) from post_metrics) as m`)
    .get() as { p: number; s: number; m: number };
  if (counts.p !== counts.s || counts.p !== counts.m) {
    full(tx);
    return;
  }
  if (!t) return;
  if (t.all || t.days.size > limits.maxDays) {
    full(tx);
    return;
  }
  const byDay = c.prepare('select post_id, day from daily_views where day = ?').raw();
  for (const day of t.days) {
    for (const [postId] of byDay.iterate(day) as Iterable<[number, string]>) addPair(t, postId, day);
  }
  // Rows of posts that no longer exist (deleted since) have no summary to update.
  const exists = c.prepare('select 1 from posts where id = ?').pluck();
  for (const id of [...t.pairs.keys()]) if (!exists.get(id)) t.pairs.delete(id);
  if (t.pairs.size > counts.p * limits.maxPostShare) {
    full(tx);
    return;
  }

  const coverageLast = newestCoveredDay(tx);
  const countedLast = newestCountedDay(tx);
  rebuildDayViews(tx, t);
  const ids = [...t.pairs.keys()].sort((a, b) => a - b);
  writeSummaries(tx, ids, coverageLast, countedLast);
  if (coverageLast !== t.coverageLast || countedLast !== t.countedLast) resumLast(tx, coverageLast, countedLast);
  updateRangeSummaries(tx, t);
}

function addPair(t: Touched, postId: number, day: string): void {
  let days = t.pairs.get(postId);
  if (!days) {
    days = new Set();
    t.pairs.set(postId, days);
  }
  days.add(day);
}

/** post_day_views for the touched (post, day) pairs, from counted_daily_views, as the full rebuild groups them. */
function rebuildDayViews(tx: Tx, t: Touched): void {
  const c = tx.$client;
  const del = c.prepare('delete from post_day_views where post_id = ? and day = ?');
  const ins = c.prepare(`insert into post_day_views (post_id, day, page_views, bot_hits)
    select post_id, day, sum(page_views), sum(bot_hits) from counted_daily_views where post_id = ? and day = ?
    group by post_id, day`);
  for (const [postId, days] of [...t.pairs].sort((a, b) => a[0] - b[0])) {
    for (const day of [...days].sort()) {
      del.run(postId, day);
      ins.run(postId, day);
    }
  }
}

/**
 * post_stats, post_metrics, post_curve and post_month_views of these posts, from their post_day_views rows (counted
 * rows summed per day, so sums, maxima and "a human view that day" are the same as over counted_daily_views).
 * post_stats' "last 30 days" end on the newest counted day, post_metrics' on the newest covered day.
 */
function writeSummaries(tx: Tx, ids: number[], lastDay: string | null, countedLast: string | null): void {
  const c = tx.$client;
  const pub = c.prepare('select published_day from posts where id = ?').pluck();
  const daysOf = postDaysReader(tx);
  const stats = c.prepare(`insert or replace into post_stats (post_id, lifetime_views, first30_views, last30_views,
      bot_hits, last_view_day) values (?,?,?,?,?,?)`);
  // SQL's `day > date(last, '-30 days')` on YYYY-MM-DD strings.
  const last30From = countedLast === null ? null : addDays(countedLast, -30);
  const delMetric = c.prepare('delete from post_metrics where post_id = ?');
  const delCurve = c.prepare('delete from post_curve where post_id = ?');
  const delMonth = c.prepare('delete from post_month_views where post_id = ?');
  const metric = c.prepare(`insert into post_metrics (post_id, first7_views, first30_views, first90_views,
      last30_views, last90_views, since_publish_views, peak_day, peak_views) values (?,?,?,?,?,?,?,?,?)`);
  const curve = c.prepare('insert into post_curve (post_id, age, cum_views) values (?,?,?)');
  const month = c.prepare('insert into post_month_views (post_id, month, page_views, bot_hits) values (?,?,?,?)');
  for (const id of ids) {
    const pd = (pub.get(id) as string | null) ?? null;
    const acc = new PostAccumulator(pd, lastDay);
    const { last30, lastViewDay } = addPostDays(acc, daysOf(id), last30From);
    const s = acc.sums;
    stats.run(id, s.lifetimeViews, s.first30Views, last30, s.botHits, lastViewDay);
    delMetric.run(id);
    delCurve.run(id);
    delMonth.run(id);
    writePostSummaries({ metric, curve, month }, id, pd, acc);
  }
}

/**
 * Every post's "last N days" sums for a new newest day: post_metrics' last30/last90 (PostAccumulator counts a day
 * when `lastDay - day < N`, i.e. `day > lastDay - N days`) and post_stats' last30 (from the newest counted day).
 * One short clustered range of post_day_views per post; rows are rewritten only where a number changed.
 */
function resumLast(tx: Tx, lastDay: string | null, countedLast: string | null): void {
  const c = tx.$client;
  const m30 = lastDay === null ? null : addDays(lastDay, -30);
  const m90 = lastDay === null ? null : addDays(lastDay, -90);
  const s30 = countedLast === null ? null : addDays(countedLast, -30);
  const from = [m90, s30].filter((d): d is string => d !== null).sort()[0] ?? '9999-12-31';
  const rows = c
    .prepare(`select m.post_id, m.last30_views, m.last90_views, s.last30_views from post_metrics m
      join post_stats s on s.post_id = m.post_id`)
    .raw()
    .all() as [number, number, number, number][];
  // The three sums per post in SQL, over one short clustered range: one row per post instead of one per day.
  const sums = c
    .prepare(`select coalesce(sum(case when day > @m30 then page_views end), 0),
        coalesce(sum(case when day > @m90 then page_views end), 0),
        coalesce(sum(case when day > @s30 then page_views end), 0)
      from post_day_views where post_id = @id and day > @from`)
    .raw();
  const setMetric = c.prepare('update post_metrics set last30_views = ?, last90_views = ? where post_id = ?');
  const setStat = c.prepare('update post_stats set last30_views = ? where post_id = ?');
  // A window with no end day counts nothing: compare with a day after every real one.
  const never = '9999-12-31';
  for (const [id, old30, old90, oldS30] of rows) {
    const [l30, l90, ls30] = sums.get({ m30: m30 ?? never, m90: m90 ?? never, s30: s30 ?? never, id, from }) as [
      number,
      number,
      number,
    ];
    if (l30 !== old30 || l90 !== old90) setMetric.run(l30, l90, id);
    if (ls30 !== oldS30) setStat.run(ls30, id);
  }
}
