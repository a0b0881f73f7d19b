/**
 * Incremental recompute of the per-post summaries (post_stats, post_day_views, post_metrics, post_curve,
 * post_month_views) for the posts an import touched (./traffic-touched.ts), with the same numbers a full recompute
 * (./traffic.ts recomputePostStats) gives: post_stats rows come from the same SQL restricted to those posts, the
 * metric rows from the same PostAccumulator over post_day_views. The "last N days" sums of every other post change
 * only when the newest day of data moves; they are then re-summed from post_day_views' last 30 days per post (one
 * short clustered range each). Falls back to the full recompute when most posts are touched or a summary is missing.
 */
import { addDays, CURVE_AGES } from '../../lib/metrics';
import { PostAccumulator } from '../../lib/metrics-sums';
import type { Db } from '../client';
import { newestCountedDay, newestCoveredDay, type Touched, takeTouched } from './traffic-touched';

type Tx = Pick<Db, '$client'>;

/** More winner-changed days than this, or more than this share of posts touched: the full recompute is cheaper. */
const MAX_DAYS = 31;
const MAX_POST_SHARE = 0.5;

/**
 * Bring the summaries up to date after traffic writes, touching only what changed. Call inside the import's
 * transaction, where a full recompute would be called.
 * @param full the full recompute (passed in to avoid an import cycle with ./traffic.ts).
 */
export function recomputeTouchedSummaries(tx: Tx, full: (tx: Tx) => void): void {
  const c = tx.$client;
  let T = performance.now(); const L=(l:string)=>{const n=performance.now(); console.error(l,(n-T).toFixed(0)); T=n;};
  const t = takeTouched(tx);
  const counts = c
    .prepare(`select (select count(*) from posts) as p, (select count(*) from post_stats) as s,
      (select count(*) from post_metrics) as m`)
    .get() as { p: number; s: number; m: number };
  if (counts.p !== counts.s || counts.p !== counts.m) return full(tx);
  if (!t) return;
  if (t.days.size > MAX_DAYS) return full(tx);
  const byDay = c.prepare('select post_id, day from daily_views where day = ?').raw();
  for (const day of t.days) {
    for (const [postId] of byDay.iterate(day) as Iterable<[number, string]>) addPair(t, postId, day);
  }
  // Rows of posts that no longer exist (deleted since) have no summary to update.
  const exists = c.prepare('select 1 from posts where id = ?').pluck();
  for (const id of [...t.pairs.keys()]) if (!exists.get(id)) t.pairs.delete(id);
  if (t.pairs.size > counts.p * MAX_POST_SHARE) return full(tx);

  L('before const coverageLast =');
  const coverageLast = newestCoveredDay(tx);
  const countedLast = newestCountedDay(tx);
  rebuildDayViews(tx, t);
  L('before const ids = [');
  const ids = [...t.pairs.keys()].sort((a, b) => a - b);
  writePostStats(tx, ids, countedLast);
  L('before writeMetrics(');
  writeMetrics(tx, ids, coverageLast);
  L('before if (coverageLast !==');
  if (coverageLast !== t.coverageLast) resumLastMetrics(tx, coverageLast);
  L('before if (countedLast !== ');
  if (countedLast !== t.countedLast) resumLastStats(tx, countedLast);
  L('end '+t.pairs.size);
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

/** post_stats rows of these posts: the full recompute's statement, for these ids, with the newest counted day. */
function writePostStats(tx: Tx, ids: number[], countedLast: string | null): void {
  const c = tx.$client;
  const json = JSON.stringify(ids);
  c.prepare('delete from post_stats where post_id in (select value from json_each(?))').run(json);
  c.prepare(`insert into post_stats (post_id, lifetime_views, first30_views, last30_views, bot_hits, last_view_day)
    select p.id,
      coalesce(sum(v.page_views), 0),
      coalesce(sum(case when p.published_day is not null and v.day >= p.published_day
                        and v.day < date(p.published_day, '+30 days') then v.page_views end), 0),
      coalesce(sum(case when v.day > date(?, '-30 days') then v.page_views end), 0),
      coalesce(sum(v.bot_hits), 0),
      max(case when v.page_views > 0 then v.day end)
    from posts p left join counted_daily_views v on v.post_id = p.id
    where p.id in (select value from json_each(?))
    group by p.id`).run(countedLast, json);
}

/** post_metrics, post_curve and post_month_views of these posts, from their post_day_views rows. */
function writeMetrics(tx: Tx, ids: number[], lastDay: string | null): void {
  const c = tx.$client;
  const pub = c.prepare('select published_day from posts where id = ?').pluck();
  const days = c.prepare('select day, page_views, bot_hits from post_day_views where post_id = ? order by day').raw();
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
    for (const [day, pv, bh] of days.iterate(id) as Iterable<[string, number, number]>) acc.add(day, pv, bh);
    const s = acc.sums;
    delMetric.run(id);
    delCurve.run(id);
    delMonth.run(id);
    metric.run(
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
    if (pd) {
      const cum = acc.curve();
      for (let i = 0; i < cum.length; i++) curve.run(id, CURVE_AGES[i], cum[i]);
    }
    for (const [m, v] of acc.months) month.run(id, m, v.pageViews, v.botHits);
  }
}

/**
 * Every post's last30/last90 in post_metrics for a new newest day: PostAccumulator counts a day when
 * `lastDay - day < N`, i.e. `day > lastDay - N days`; one clustered range of post_day_views per post.
 */
function resumLastMetrics(tx: Tx, lastDay: string | null): void {
  const c = tx.$client;
  if (lastDay === null) {
    c.exec('update post_metrics set last30_views = 0, last90_views = 0');
    return;
  }
  c.prepare(`update post_metrics set
      last30_views = (select coalesce(sum(page_views), 0) from post_day_views d
                      where d.post_id = post_metrics.post_id and d.day > ?),
      last90_views = (select coalesce(sum(page_views), 0) from post_day_views d
                      where d.post_id = post_metrics.post_id and d.day > ?)`).run(
    addDays(lastDay, -30),
    addDays(lastDay, -90),
  );
}

/** Every post's last30 in post_stats for a new newest counted day (post_day_views sums the counted rows per day). */
function resumLastStats(tx: Tx, countedLast: string | null): void {
  const c = tx.$client;
  if (countedLast === null) {
    c.exec('update post_stats set last30_views = 0');
    return;
  }
  c.prepare(`update post_stats set last30_views = (select coalesce(sum(page_views), 0) from post_day_views d
      where d.post_id = post_stats.post_id and d.day > date(?, '-30 days'))`).run(countedLast);
}
