/**
 * Writes of traffic: daily views per post, period totals, referrers, unmatched paths, coverage, and the post_stats
 * summary. Call inside a transaction (each import is one).
 *
 * Idempotence: every row carries its input's `origin`. `replaceTraffic` deletes the origin's rows (and, for exports,
 * the source's rows on the days the export states) before adding, so re-importing changes nothing; `addTraffic`
 * only adds, for the nightly sync's new bytes of a log, whose offset is saved in the same transaction.
 */

import { normalizePath } from '../../lib/paths';
import { daysOf, type Period } from '../../lib/traffic/period';
import type { PathReferrer } from '../../lib/traffic/traffic-aggregator';
import type { DailyPathViews } from '../../lib/types';
import type { Db } from '../client';
import { batchedUpsert } from './batched-upsert';
import { recomputePostMetrics } from './metrics';
import { MAX_POST_SHARE, recomputeTouchedSummaries } from './summaries-incremental';
import { addCoverage, deleteCoverage, deleteCoverageDays, recomputeWinners } from './traffic-coverage';
import { clearTouched, markAll, markPair, markRows, startTracking } from './traffic-touched';

export { periodOrigin, replacePeriodTraffic } from './traffic-period';

type Tx = Pick<Db, '$client'>;

export interface TrafficScope {
  /** Source kind: `access-log`, `views-csv`, `plausible`, `goatcounter`, `matomo`, ... */
  source: string;
  /** Identity of the input. Rows of the same origin are replaced on re-import, never added to. */
  origin: string;
  /**
   * For exports (which state the numbers of whole days): also replace this source's rows for these days whatever
   * their origin, so a re-exported period replaces its days instead of adding to them. Every day of it is covered.
   */
  replaceDays?: Period;
}

export interface WriteTrafficResult {
  matchedRows: number;
  unmatchedRows: number;
  pageViews: number;
  unmatchedPageViews: number;
  botHits: number;
  referrerRows: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether rows come grouped by day in ascending order (the log reader's order). */
function isSortedByDay(rows: DailyPathViews[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1].day > rows[i].day) return false;
  return true;
}

/**
 * Sort `idx` (row indexes) by dayPosts[idx], as numbers: post id * 2^21 + position, sorted natively without a
 * comparator call per comparison. Post ids outside 0..2^31 or more than 2^21 rows fall back to a comparator.
 */
function sortByPost(idx: number[], dayPosts: ArrayLike<number>): void {
  const n = idx.length;
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const post = dayPosts[idx[k]];
    if (n > 2 ** 21 || post < 0 || post >= 2 ** 31) {
      idx.sort((a, b) => dayPosts[a] - dayPosts[b]);
      return;
    }
    keys[k] = post * 2 ** 21 + k;
  }
  keys.sort();
  const copy = idx.slice();
  for (let k = 0; k < n; k++) idx[k] = copy[keys[k] % 2 ** 21];
}

/** Path kinds in the order SQLite sorts them (text, binary). */
const KIND_RANK = new Map(['admin', 'api', 'asset', 'feed', 'page'].map((k, i) => [k, i]));

/**
 * Unmatched rows in unmatched_paths' key order (path, kind, day), so they append to its B-tree. Rows in day order
 * (addTraffic collects them so) are bucketed by (path, kind) with a stable counting sort, which keeps each bucket's
 * days in order: one string sort of the distinct paths instead of one of every row (45 ms instead of 70 ms for a
 * 1M-line log's 73k rows). Rows in any other order are sorted by all three keys.
 */
function inUnmatchedKeyOrder(rows: DailyPathViews[]): DailyPathViews[] {
  const KINDS = KIND_RANK.size;
  const ids = new Map<string, number>();
  const paths: string[] = [];
  const pathOf = new Int32Array(rows.length);
  const kindOf = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const kind = KIND_RANK.get(r.kind);
    if (kind === undefined || (i > 0 && rows[i - 1].day > r.day))
      return [...rows].sort((a, b) => cmp(a.path, b.path) || cmp(a.kind, b.kind) || cmp(a.day, b.day));
    let id = ids.get(r.path);
    if (id === undefined) {
      id = paths.length;
      ids.set(r.path, id);
      paths.push(r.path);
    }
    pathOf[i] = id;
    kindOf[i] = kind;
  }
  const rank = new Int32Array(paths.length);
  const byPath = paths.map((_, i) => i).sort((a, b) => cmp(paths[a], paths[b]));
  for (let i = 0; i < byPath.length; i++) rank[byPath[i]] = i;
  const keys = new Int32Array(rows.length);
  const starts = new Int32Array(paths.length * KINDS + 1);
  for (let i = 0; i < rows.length; i++) {
    const k = rank[pathOf[i]] * KINDS + kindOf[i];
    keys[i] = k;
    starts[k + 1]++;
  }
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const out = new Array<DailyPathViews>(rows.length);
  for (let i = 0; i < rows.length; i++) out[starts[keys[i]]++] = rows[i];
  return out;
}

/** Map of every path that leads to a post (canonical paths and aliases) to its id. Case-sensitive, like the paths. */
export function loadPathIndex(tx: Tx): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of tx.$client.prepare('select path, post_id as id from post_aliases').all() as {
    path: string;
    id: number;
  }[])
    m.set(r.path, r.id);
  for (const r of tx.$client.prepare('select path, id from posts').all() as { path: string; id: number }[])
    m.set(r.path, r.id);
  return m;
}

/**
 * Delete everything one input wrote (daily rows, unmatched rows, referrers, coverage). Its daily rows are found
 * day by day through the days its coverage lists (every writer records the days of the rows it adds), since
 * daily_views is clustered by day.
 */
export function deleteOrigin(tx: Tx, source: string, origin: string): void {
  const c = tx.$client;
  startTracking(tx);
  const days = c
    .prepare('select day from traffic_coverage where source = ? and origin = ? order by day')
    .pluck()
    .all(source, origin) as string[];
  const del = c.prepare('delete from daily_views where day = ? and source = ? and origin = ?');
  for (const day of days) {
    markRows(
      tx,
      'select post_id, day from daily_views where day = ? and source = ? and origin = ?',
      day,
      source,
      origin,
    );
    del.run(day, source, origin);
  }
  for (const t of ['unmatched_paths', 'post_referrers']) {
    c.prepare(`delete from ${t} where origin = ? and source = ?`).run(origin, source);
  }
  deleteCoverage(tx, source, origin);
}

/**
 * Delete the rows of a W3C (CloudFront, IIS) log that Tend stored, before 2026-11-29, under the hash of the file's
 * `#Version` header line: every such file had that one identity, so each import replaced the previous file's rows.
 * Their identity is now the first data line; the old origin holds one file's rows, which the re-import replaces.
 * @returns the daily rows deleted (0 when there were none).
 */
export function dropLegacyLogOrigin(tx: Tx, legacyOrigin: string): number {
  const n = (
    tx.$client
      .prepare(`select count(*) as n from daily_views where day in
        (select day from traffic_coverage where source = 'access-log' and origin = ?) and origin = ?`)
      .get(legacyOrigin, legacyOrigin) as { n: number }
  ).n;
  const covered = tx.$client
    .prepare(`select 1 from traffic_coverage where source = 'access-log' and origin = ? limit 1`)
    .get(legacyOrigin);
  if (covered) deleteOrigin(tx, 'access-log', legacyOrigin);
  return n;
}

/**
 * Replace the traffic of one input: delete its origin's rows (a log), or the source's rows on `scope.replaceDays`
 * (an export: the days it states), then
 * {@link addTraffic}. Winners are recomputed.
 */
export function replaceTraffic(
  tx: Tx,
  rows: DailyPathViews[],
  scope: TrafficScope,
  referrers: PathReferrer[] = [],
): WriteTrafficResult {
  if (!scope.replaceDays) deleteOrigin(tx, scope.source, scope.origin);
  else {
    // An export or an API answer states whole days: it replaces its source's rows on those days, and only those.
    // Deleting by origin as well would wipe the days that an earlier export (or last night's API call) of the same
    // source covered and this one does not.
    startTracking(tx);
    const { firstDay, lastDay } = scope.replaceDays;
    markRows(
      tx,
      'select post_id, day from daily_views where source = ? and day between ? and ?',
      scope.source,
      firstDay,
      lastDay,
    );
    for (const t of ['daily_views', 'unmatched_paths']) {
      tx.$client
        .prepare(`delete from ${t} where source = ? and day between ? and ?`)
        .run(scope.source, firstDay, lastDay);
    }
    deleteCoverageDays(tx, scope.source, firstDay, lastDay);
    addCoverage(tx, scope.source, scope.origin, daysOf(scope.replaceDays));
  }
  return addTraffic(tx, rows, scope, referrers);
}

/**
 * Add rows to an input's existing counts (upsert-add). Rows whose path leads to a post go to daily_views (several
 * paths of one post are summed); the rest go to unmatched_paths with their kind. Only `page` paths can match a post:
 * a feed or asset at a post's path is never a page view of it. Referrers of matched paths go to post_referrers.
 * Every day of the rows is recorded as covered, and the per-day winners are recomputed.
 */
export function addTraffic(
  tx: Tx,
  rows: DailyPathViews[],
  scope: TrafficScope,
  referrers: PathReferrer[] = [],
): WriteTrafficResult {
  const c = tx.$client;
  startTracking(tx);
  const index = loadPathIndex(tx);
  const shared = { source: scope.source, origin: scope.origin };
  const addDaily = batchedUpsert(
    c,
    'daily_views (post_id, day, source, origin, page_views, visitors, bot_hits)',
    5,
    `on conflict (post_id, day, source, origin) do update set
    page_views = page_views + excluded.page_views, bot_hits = bot_hits + excluded.bot_hits,
    visitors = case when visitors is null and excluded.visitors is null then null
                    else coalesce(visitors, 0) + coalesce(excluded.visitors, 0) end`,
    { tuple: '(?,?,@source,@origin,?,?,?)', values: shared },
  );
  const addUnmatched = batchedUpsert(
    c,
    'unmatched_paths (path, day, source, origin, kind, page_views, bot_hits)',
    5,
    `on conflict (path, kind, day, source, origin) do update set
    page_views = page_views + excluded.page_views, bot_hits = bot_hits + excluded.bot_hits`,
    { tuple: '(?,?,@source,@origin,?,?,?)', values: shared },
  );
  const res: WriteTrafficResult = {
    matchedRows: 0,
    unmatchedRows: 0,
    pageViews: 0,
    unmatchedPageViews: 0,
    botHits: 0,
    referrerRows: 0,
  };
  // Rows grouped by day (the log reader sorts them so; exports may not), so daily_views (clustered by day, post) is
  // written in key order: appending to the B-tree instead of touching pages all over it, much faster in bulk.
  const byDay = isSortedByDay(rows) ? rows : [...rows].sort((a, b) => cmp(a.day, b.day));
  const days = new Set<string>();
  const unmatched: DailyPathViews[] = [];
  // First pass: each row's post (-1: unmatched) and the posts touched, to know before writing whether the summary
  // recompute will be the full one (then the (post, day) pairs need not be recorded one by one).
  const postOf = new Float64Array(byDay.length);
  const touched = new Set<number>();
  for (let i = 0; i < byDay.length; i++) {
    const r = byDay[i];
    const postId = r.kind === 'page' ? index.get(r.path) : undefined;
    res.botHits += r.botHits;
    if (postId === undefined) {
      postOf[i] = -1;
      unmatched.push(r);
      res.unmatchedPageViews += r.pageViews;
      continue;
    }
    postOf[i] = postId;
    touched.add(postId);
    res.pageViews += r.pageViews;
    res.matchedRows++;
  }
  res.unmatchedRows = unmatched.length;
  const posts = (c.prepare('select count(*) as n from posts').get() as { n: number }).n;
  const all = touched.size > posts * MAX_POST_SHARE;
  if (all) markAll(tx);
  // Second pass, day by day: the day's rows by post; rows of one post (several paths of it) are summed, as the
  // upsert would, and written as one row.
  const dayRows: number[] = [];
  for (let i = 0; i < byDay.length; ) {
    const day = byDay[i].day;
    days.add(day);
    dayRows.length = 0;
    for (; i < byDay.length && byDay[i].day === day; i++) if (postOf[i] >= 0) dayRows.push(i);
    sortByPost(dayRows, postOf);
    for (let k = 0; k < dayRows.length; ) {
      const postId = postOf[dayRows[k]];
      let { pageViews, visitors, botHits } = byDay[dayRows[k]];
      for (k++; k < dayRows.length && postOf[dayRows[k]] === postId; k++) {
        const o = byDay[dayRows[k]];
        pageViews += o.pageViews;
        botHits += o.botHits;
        visitors = visitors === null && o.visitors === null ? null : (visitors ?? 0) + (o.visitors ?? 0);
      }
      if (!all) markPair(tx, postId, day);
      addDaily.push(postId, day, pageViews, visitors, botHits);
    }
  }
  addDaily.flush();
  const unmatchedInOrder = inUnmatchedKeyOrder(unmatched);
  for (const r of unmatchedInOrder) addUnmatched.push(r.path, r.day, r.kind, r.pageViews, r.botHits);
  addUnmatched.flush();
  const addRef = batchedUpsert(
    c,
    'post_referrers (post_id, source, origin, referrer, page_views)',
    3,
    'on conflict (post_id, source, origin, referrer) do update set page_views = page_views + excluded.page_views',
    { tuple: '(?,@source,@origin,?,?)', values: shared },
  );
  for (const r of referrers) {
    const postId = index.get(r.path);
    if (postId === undefined) continue;
    addRef.push(postId, r.referrer, r.pageViews);
    res.referrerRows++;
  }
  addRef.flush();
  addCoverage(tx, scope.source, scope.origin, days);
  recomputeWinners(tx);
  return res;
}

/**
 * Move unmatched `page` rows whose path now leads to a post (after a post import or a new alias): daily rows into
 * daily_views, period rows (origin `period:...`) into period_views.
 * @returns the number of unmatched rows moved.
 */
export function rematchUnmatched(tx: Tx): number {
  const c = tx.$client;
  startTracking(tx);
  const index = loadPathIndex(tx);
  const rows = c
    .prepare("select path, day, source, origin, page_views, bot_hits from unmatched_paths where kind = 'page'")
    .all() as {
    path: string;
    day: string;
    source: string;
    origin: string;
    page_views: number;
    bot_hits: number;
  }[];
  const add = c.prepare(`insert into daily_views (post_id, day, source, origin, page_views, visitors, bot_hits)
    values (?,?,?,?,?,null,?) on conflict (post_id, day, source, origin) do update set
    page_views = page_views + excluded.page_views, bot_hits = bot_hits + excluded.bot_hits`);
  const addPeriod = c.prepare(`insert into period_views (post_id, source, first_day, last_day, page_views, visitors)
    values (?,?,?,?,?,null) on conflict (post_id, source, first_day, last_day) do update set
    page_views = coalesce(page_views, 0) + excluded.page_views`);
  const del = c.prepare(
    "delete from unmatched_paths where path = ? and kind = 'page' and day = ? and source = ? and origin = ?",
  );
  let moved = 0;
  for (const r of rows) {
    const postId = index.get(normalizePath(r.path)) ?? index.get(r.path);
    if (postId === undefined) continue;
    const period = /^period:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(r.origin);
    if (period) addPeriod.run(postId, r.source, period[1], period[2], r.page_views);
    else {
      markPair(tx, postId, r.day);
      add.run(postId, r.day, r.source, r.origin, r.page_views, r.bot_hits);
    }
    del.run(r.path, r.day, r.source, r.origin);
    moved++;
  }
  return moved;
}

/**
 * Map an unmatched path to a post (the author's choice on /imports): the path becomes an alias of the post (kind
 * `mapped`, replacing an older alias of the same path), its unmatched rows re-apply, and post_stats is recomputed.
 * @param path the path as listed (normalized again here; `/?p=ID` short links are kept as they are).
 * @returns rows moved from unmatched_paths.
 * @throws Error when the post does not exist, or the path is already a post's canonical path.
 */
export function mapPathToPost(tx: Tx, path: string, postId: number): { moved: number; path: string } {
  const c = tx.$client;
  const p = path.startsWith('/?p=') ? path : normalizePath(path);
  const post = c.prepare('select id from posts where id = ?').get(postId);
  if (!post) throw new Error(`no post with id ${postId}`);
  const owner = c.prepare('select id from posts where path = ?').get(p) as { id: number } | undefined;
  if (owner) throw new Error(`${p} is already the path of post ${owner.id}`);
  c.prepare(`insert into post_aliases (path, post_id, kind) values (?, ?, 'mapped')
    on conflict (path) do update set post_id = excluded.post_id, kind = 'mapped'`).run(p, postId);
  const moved = rematchUnmatched(tx);
  recomputePostStats(tx);
  return { moved, path: p };
}

/**
 * Recompute post_stats for every post from `counted_daily_views` (one source per day where sources overlap, see
 * ./traffic-coverage.ts): lifetime page views, page views in the first 30 days after publishing (publish day
 * included, site time zone), in the last 30 days of the data (ending on the newest counted day), bot hits, and the
 * last day with a human page view; with the metric summaries. One GROUP BY into post_day_views and one pass over it
 * (./metrics.ts).
 */
export function recomputePostStats(tx: Tx): void {
  // One pass writes post_stats with the metric summaries (post_metrics, post_curve, post_month_views).
  recomputePostMetrics(tx);
  clearTouched(tx);
}

/**
 * The same summaries as {@link recomputePostStats}, recomputed only for the posts whose daily rows (or whose days'
 * winning source) changed since the last recompute (see ./summaries-incremental.ts); the "last N days" numbers of
 * every post are re-summed only when the newest day of data moved. For traffic imports, whose writes go through this
 * file. After a post import (publish days, new posts) call the full recompute.
 */
export function recomputeTouchedPostStats(tx: Tx): void {
  recomputeTouchedSummaries(tx, recomputePostStats);
}
