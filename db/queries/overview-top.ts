/**
 * The overview's top posts: the TOP_N published posts with the most human page views in the range (lifetime views
 * for all data), most first, ties by title, then by the posts' order. Pure selection over rows already read, plus
 * ./overview-reads.ts rangeViewsByPost sorting a range's views in SQL.
 */
import type { DayRange } from '../../lib/overview-params';
import type { Db } from '../client';
import type { OverviewModel, OverviewPost } from './metrics-overview';
import { rangeViewsByPost } from './overview-reads';

const TOP_N = 10;

type TopPost = OverviewModel['top'][number];

/**
 * The TOP_N posts with the most views (more than 0), most first, ties by title: the order of sorting every post,
 * found by sorting only those at or above the TOP_N-th highest count.
 */
export function topByViews(posts: readonly OverviewPost[], viewsOf: (x: OverviewPost) => number): TopPost[] {
  const counts = new Float64Array(posts.length);
  for (let i = 0; i < posts.length; i++) counts[i] = viewsOf(posts[i]);
  // The TOP_N highest counts so far, ascending (insertion into a short list: one pass over the posts).
  const best: number[] = [];
  for (const v of counts) {
    if (v <= 0 || (best.length === TOP_N && v <= best[0])) continue;
    if (best.length === TOP_N) best.shift();
    let i = 0;
    while (i < best.length && best[i] < v) i++;
    best.splice(i, 0, v);
  }
  const cut = best.length === TOP_N ? best[0] : Number.MIN_VALUE;
  return posts
    .flatMap((x, i) => (counts[i] >= cut ? [{ x, views: counts[i] }] : []))
    .sort((a, b) => b.views - a.views || a.x.title.localeCompare(b.x.title))
    .slice(0, TOP_N)
    .map(({ x, views }) => ({ id: x.id, title: x.title, cohort: x.cohort, views, previousViews: null }));
}

/**
 * {@link topByViews} over a range: SQL sorts the posts' range views and returns the first few; more are asked for
 * while the published ones among them do not settle the TOP_N-th place (ties at the cut are all needed).
 */
export function topInRange(db: Db, posts: readonly OverviewPost[], range: DayRange): TopPost[] {
  const byId = new Map(posts.map((x) => [x.id, x] as [number, OverviewPost]));
  for (let k = 4 * TOP_N; ; k *= 8) {
    const rows = rangeViewsByPost(db, range, { top: k });
    const shown = rows.filter(([id]) => byId.has(id));
    const complete = rows.length < k;
    const cut = shown[TOP_N - 1]?.[1];
    if (complete || (cut !== undefined && rows[rows.length - 1][1] < cut)) {
      // Every post at or above the cut is among `shown`: the rest count as 0, below it. Posts keep their order, so
      // equal views and titles tie as in a sort of every post.
      const views = new Map(shown);
      return topByViews(posts, (x) => views.get(x.id) ?? 0);
    }
  }
}
