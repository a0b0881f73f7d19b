/**
 * Reading post_day_views a post at a time as one row of JSON arrays: for the full summary recompute (./metrics.ts),
 * the range-summary rebuild (./range-summaries.ts) and the incremental recompute after a nightly import
 * (./summaries-incremental.ts).
 */
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

/** One post's counted days: parallel arrays, days (`YYYY-MM-DD`, site time zone) ascending. */
export interface PostDays {
  days: string[];
  pageViews: number[];
  botHits: number[];
}

/**
 * Call `fn` for every post with rows in post_day_views, post ids ascending, with its days in ascending order.
 *
 * The rows come as one row of JSON arrays per post rather than one row per day: better-sqlite3's cost is mostly per
 * row, so 266k days read in about 50 ms instead of 160 ms (`npm run bench`'s import). SQLite adds values to an
 * aggregate in scan order, which for this table (clustered by post, day) is day order; asking for it with
 * `order by day` inside the aggregate costs another sort per post, so the order is checked here instead and a post
 * whose days come out of order is sorted.
 */
export function forEachPostDays(tx: Tx, fn: (postId: number, d: PostDays) => void): void {
  const rows = tx.$client
    .prepare(`select post_id, json_group_array(day), json_group_array(page_views), json_group_array(bot_hits)
      from post_day_views group by post_id order by post_id`)
    .raw()
    .iterate() as Iterable<[number, string, string, string]>;
  for (const [id, days, pv, bh] of rows) {
    const d: PostDays = { days: JSON.parse(days), pageViews: JSON.parse(pv), botHits: JSON.parse(bh) };
    fn(id, inDayOrder(d));
  }
}

/**
 * A reader of one post's days from `fromDay` on (inclusive; all of them when omitted), ascending, as
 * {@link forEachPostDays} gives them: one row per call instead of one per day (a nightly import re-reads the whole
 * history of every post it touched, 0.5 s at 5,000 posts × 730 days when read day by day).
 */
export function postDaysReader(tx: Tx): (postId: number, fromDay?: string) => PostDays {
  const st = tx.$client
    .prepare(`select json_group_array(day), json_group_array(page_views), json_group_array(bot_hits)
      from post_day_views where post_id = ? and day >= ?`)
    .raw();
  return (postId, fromDay = '') => {
    const [days, pv, bh] = st.get(postId, fromDay) as [string, string, string];
    return inDayOrder({ days: JSON.parse(days), pageViews: JSON.parse(pv), botHits: JSON.parse(bh) });
  };
}

/** `d` itself when its days ascend, else its rows sorted by day (exported for its test). */
export function inDayOrder(d: PostDays): PostDays {
  const { days } = d;
  let sorted = true;
  for (let i = 1; i < days.length && sorted; i++) sorted = days[i - 1] < days[i];
  if (sorted) return d;
  const order = days.map((_, i) => i).sort((a, b) => (days[a] < days[b] ? -1 : days[a] > days[b] ? 1 : 0));
  return {
    days: order.map((i) => days[i]),
    pageViews: order.map((i) => d.pageViews[i]),
    botHits: order.map((i) => d.botHits[i]),
  };
}
