/**
 * overview_post_list (db/schema.ts): every published post as the overview lists it, in one JSON row of columns, so a
 * request reads one value and parses it natively instead of 70,000 values from four tables (at 5,000 posts: about
 * 1.5 ms against 6). Written at the end of every summary recompute, full or incremental (./range-summaries.ts);
 * triggers delete it on any other write to posts, post_stats or post_metrics, and ensureOverviewPostList rebuilds it.
 * Labels are not in it: they change without an import and are read per request.
 */
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

/**
 * The list's columns in order, with the SQL of each: raw sums as lib/metrics.ts PostSums (human page views).
 * db/queries/overview-reads.ts names them.
 */
export const OVERVIEW_COLUMNS = [
  ['ids', 'p.id'],
  ['titles', 'p.title'],
  ['publishedDays', 'p.published_day'],
  ['wordCounts', 'p.word_count'],
  ['lifetimeViews', 'coalesce(s.lifetime_views, 0)'],
  ['botHits', 'coalesce(s.bot_hits, 0)'],
  ['first7Views', 'coalesce(m.first7_views, 0)'],
  ['first30Views', 'coalesce(m.first30_views, 0)'],
  ['first90Views', 'coalesce(m.first90_views, 0)'],
  ['last30Views', 'coalesce(m.last30_views, 0)'],
  ['last90Views', 'coalesce(m.last90_views, 0)'],
  ['sincePublishViews', 'coalesce(m.since_publish_views, 0)'],
  ['peakDays', 'm.peak_day'],
  ['peakViews', 'coalesce(m.peak_views, 0)'],
] as const;

/**
 * The list as JSON, computed from posts, post_stats and post_metrics. The rows are ordered once in a subquery; the
 * aggregates take them in that order (the reader checks it). About 10 ms at 5,000 posts, once per import.
 */
function computeList(tx: Tx): string {
  const names = OVERVIEW_COLUMNS.map((_, i) => `c${i}`);
  return tx.$client
    .prepare(`select json_array(${names.map((n) => `json_group_array(${n})`).join(', ')}) from (
      select ${OVERVIEW_COLUMNS.map(([, sql], i) => `${sql} as ${names[i]}`).join(', ')}
      from posts p left join post_stats s on s.post_id = p.id left join post_metrics m on m.post_id = p.id
      where p.status = 'publish' order by p.published_day, p.id)`)
    .pluck()
    .get() as string;
}

/** Rebuild the list (the summaries it is made of are current). */
export function writeOverviewPostList(tx: Tx): void {
  tx.$client.prepare('insert or replace into overview_post_list (id, columns) values (1, ?)').run(computeList(tx));
}

/** The list's JSON: the stored one, or (when a write made it stale) rebuilt and stored. */
export function ensureOverviewPostList(tx: Tx): string {
  const c = tx.$client;
  const stored = c.prepare('select columns from overview_post_list where id = 1').pluck().get() as string | undefined;
  if (stored !== undefined) return stored;
  return c.transaction(() => {
    const json = computeList(tx);
    c.prepare('insert or replace into overview_post_list (id, columns) values (1, ?)').run(json);
    return json;
  })();
}
