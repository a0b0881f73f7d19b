/**
 * Reads shared by several pages: the header totals, the demo flag, the cohort keys of the author's labels. The
 * overview's cohort statistics and charts are in ./metrics-overview.ts.
 */
import type { Db } from '../client';
import type { Cohort } from './posts';

export const COHORTS: Cohort[] = ['human', 'ai-assisted', 'ai-generated', 'unlabelled'];

export const COHORT_NAMES: Record<Cohort, string> = {
  human: 'Human-written',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
  unlabelled: 'Unlabelled',
};

/** Totals shown in the header: posts, page views, bot hits, unmatched page views, data period, last import. */
export function getTotals(db: Db): {
  posts: number;
  pageViews: number;
  botHits: number;
  /** Human page views of page paths that match no post, the home page `/` left out (it is not a post). */
  unmatchedPageViews: number;
  /** Human page views of the home page `/`. */
  homePageViews: number;
  firstDay: string | null;
  lastDay: string | null;
  lastImport: string | null;
} {
  const c = db.$client;
  const posts = (c.prepare('select count(*) as n from posts').get() as { n: number }).n;
  const s = c
    .prepare('select coalesce(sum(lifetime_views),0) as pv, coalesce(sum(bot_hits),0) as bh from post_stats')
    .get() as { pv: number; bh: number };
  const u = c
    .prepare(`select coalesce(sum(case when path <> '/' then page_views end), 0) as n,
      coalesce(sum(case when path = '/' then page_views end), 0) as home from unmatched_paths where kind = 'page'`)
    .get() as { n: number; home: number };
  // The days the traffic sources cover (as lib/metrics counts windows), not only the days with a post's page view.
  // Two subqueries, not `select min(day), max(day)`: SQLite answers a lone min() or max() with one index probe, but
  // both in one select scan the whole day index (180 ms at 3.65M rows, npm run bench).
  const d = c
    .prepare('select (select min(day) from traffic_coverage) as f, (select max(day) from traffic_coverage) as l')
    .get() as {
    f: string | null;
    l: string | null;
  };
  const li = c.prepare("select max(finished_at) as t from import_runs where status = 'ok'").get() as {
    t: string | null;
  };
  return {
    posts,
    pageViews: s.pv,
    botHits: s.bh,
    unmatchedPageViews: u.n,
    homePageViews: u.home,
    firstDay: d.f,
    lastDay: d.l,
    lastImport: li.t,
  };
}

/** True when the database was made by `npm run demo` (shown as a "demo data" note on every page). */
export function isDemo(db: Db): boolean {
  return db.$client.prepare("select 1 from settings where key = 'demo' and value = '1'").get() !== undefined;
}
