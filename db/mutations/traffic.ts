/**
 * Writes of traffic: daily views per post, unmatched paths, and the post_stats summary. Call inside a transaction.
 */

import { normalizePath } from '../../lib/paths';
import type { DailyPathViews } from '../../lib/types';
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

export interface TrafficScope {
  /** Source kind: `access-log`, `views-csv`, `plausible`, `goatcounter`. */
  source: string;
  /** Identity of the input. Rows of the same origin are replaced on re-import, never added to. */
  origin: string;
  /**
   * For exports (which state the numbers of whole days): also replace this source's rows for these days whatever
   * their origin, so a re-exported period replaces its days instead of adding to them.
   */
  replaceDays?: { firstDay: string; lastDay: string };
}

export interface WriteTrafficResult {
  matchedRows: number;
  unmatchedRows: number;
  pageViews: number;
  unmatchedPageViews: number;
  botHits: number;
}

/**
 * Map of every path that leads to a post (canonical paths and aliases) to its id. Case-sensitive, like the paths.
 */
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
 * Replace the traffic of one input. Rows whose path leads to a post go to daily_views (several paths of one post
 * are summed); the rest go to unmatched_paths with their kind. Only `page` paths can match a post: a feed or
 * asset at a post's path is never a page view of it.
 */
export function replaceTraffic(tx: Tx, rows: DailyPathViews[], scope: TrafficScope): WriteTrafficResult {
  const c = tx.$client;
  c.prepare('delete from daily_views where origin = ? and source = ?').run(scope.origin, scope.source);
  c.prepare('delete from unmatched_paths where origin = ? and source = ?').run(scope.origin, scope.source);
  if (scope.replaceDays) {
    const { firstDay, lastDay } = scope.replaceDays;
    c.prepare('delete from daily_views where source = ? and day between ? and ?').run(scope.source, firstDay, lastDay);
    c.prepare('delete from unmatched_paths where source = ? and day between ? and ?').run(
      scope.source,
      firstDay,
      lastDay,
    );
  }
  const index = loadPathIndex(tx);
  const addDaily = c.prepare(`insert into daily_views (post_id, day, source, origin, page_views, visitors, bot_hits)
    values (?,?,?,?,?,?,?) on conflict (post_id, day, source, origin) do update set
    page_views = page_views + excluded.page_views, bot_hits = bot_hits + excluded.bot_hits,
    visitors = case when visitors is null and excluded.visitors is null then null
                    else coalesce(visitors, 0) + coalesce(excluded.visitors, 0) end`);
  const addUnmatched = c.prepare(`insert into unmatched_paths (path, day, source, origin, kind, page_views, bot_hits)
    values (?,?,?,?,?,?,?) on conflict (path, kind, day, source, origin) do update set
    page_views = page_views + excluded.page_views, bot_hits = bot_hits + excluded.bot_hits`);
  const res: WriteTrafficResult = { matchedRows: 0, unmatchedRows: 0, pageViews: 0, unmatchedPageViews: 0, botHits: 0 };
  for (const r of rows) {
    const postId = r.kind === 'page' ? index.get(r.path) : undefined;
    res.botHits += r.botHits;
    if (postId !== undefined) {
      addDaily.run(postId, r.day, scope.source, scope.origin, r.pageViews, r.visitors, r.botHits);
      res.matchedRows++;
      res.pageViews += r.pageViews;
    } else {
      addUnmatched.run(r.path, r.day, scope.source, scope.origin, r.kind, r.pageViews, r.botHits);
      res.unmatchedRows++;
      res.unmatchedPageViews += r.pageViews;
    }
  }
  return res;
}

/**
 * Move unmatched `page` rows whose path now leads to a post (after a post import or a new alias) into daily_views.
 * @returns the number of unmatched rows moved.
 */
export function rematchUnmatched(tx: Tx): number {
  const c = tx.$client;
  const index = loadPathIndex(tx);
  const rows = c
    .prepare("select rowid, path, day, source, origin, page_views, bot_hits from unmatched_paths where kind = 'page'")
    .all() as {
    rowid: number;
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
  const del = c.prepare('delete from unmatched_paths where rowid = ?');
  let moved = 0;
  for (const r of rows) {
    const postId = index.get(normalizePath(r.path)) ?? index.get(r.path);
    if (postId === undefined) continue;
    add.run(postId, r.day, r.source, r.origin, r.page_views, r.bot_hits);
    del.run(r.rowid);
    moved++;
  }
  return moved;
}

/**
 * Recompute post_stats for every post: lifetime page views, page views in the first 30 days after publishing
 * (publish day included, site time zone), in the last 30 days of the data (ending on the newest day any source
 * covers), bot hits, and the last day with a human page view. One GROUP BY over daily_views.
 */
export function recomputePostStats(tx: Tx): void {
  tx.$client.exec(`
    delete from post_stats;
    insert into post_stats (post_id, lifetime_views, first30_views, last30_views, bot_hits, last_view_day)
    select p.id,
      coalesce(sum(v.page_views), 0),
      coalesce(sum(case when p.published_day is not null and v.day >= p.published_day
                        and v.day < date(p.published_day, '+30 days') then v.page_views end), 0),
      coalesce(sum(case when v.day > date((select max(day) from daily_views), '-30 days') then v.page_views end), 0),
      coalesce(sum(v.bot_hits), 0),
      max(case when v.page_views > 0 then v.day end)
    from posts p left join daily_views v on v.post_id = p.id
    group by p.id;`);
}
