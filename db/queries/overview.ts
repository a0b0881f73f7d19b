/**
 * Reads for the overview page: per-cohort summary, views over time by cohort, top posts.
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

export interface PostNumbers {
  id: number;
  title: string;
  cohort: Cohort;
  publishedDay: string | null;
  lifetimeViews: number;
  first30Views: number;
  /** True when the data reaches at least 30 days past the publish day (else first-30 is not comparable). */
  first30Complete: boolean;
}

/** Per-post numbers for every published post (for cohort medians and the top-posts chart). */
export function listPostNumbers(db: Db): PostNumbers[] {
  const rows = db.$client
    .prepare(`select p.id, p.title, coalesce(a.label, 'unlabelled') as cohort, p.published_day as publishedDay,
        coalesce(s.lifetime_views, 0) as lifetimeViews, coalesce(s.first30_views, 0) as first30Views,
        p.published_day is not null and date(p.published_day, '+29 days') <= (select max(day) from daily_views)
          as first30Complete
      from posts p left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
      where p.status = 'publish'`)
    .all() as (Omit<PostNumbers, 'first30Complete'> & { first30Complete: number })[];
  return rows.map((r) => ({ ...r, first30Complete: r.first30Complete === 1 }));
}

/** Human page views per month (`YYYY-MM`) per cohort, oldest first. */
export function listMonthlyViewsByCohort(db: Db): { month: string; cohort: Cohort; pageViews: number }[] {
  return db.$client
    .prepare(`select substr(v.day, 1, 7) as month, coalesce(a.label, 'unlabelled') as cohort, sum(v.page_views) as pageViews
      from counted_daily_views v left join authorship a on a.post_id = v.post_id
      group by month, cohort order by month`)
    .all() as never;
}

/** Totals shown in the header: posts, page views, bot hits, unmatched page views, data period, last import. */
export function getTotals(db: Db): {
  posts: number;
  pageViews: number;
  botHits: number;
  unmatchedPageViews: number;
  firstDay: string | null;
  lastDay: string | null;
  lastImport: string | null;
} {
  const c = db.$client;
  const posts = (c.prepare('select count(*) as n from posts').get() as { n: number }).n;
  const s = c
    .prepare('select coalesce(sum(lifetime_views),0) as pv, coalesce(sum(bot_hits),0) as bh from post_stats')
    .get() as { pv: number; bh: number };
  const u = c.prepare("select coalesce(sum(page_views),0) as n from unmatched_paths where kind = 'page'").get() as {
    n: number;
  };
  const d = c.prepare('select min(day) as f, max(day) as l from daily_views').get() as {
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
    firstDay: d.f,
    lastDay: d.l,
    lastImport: li.t,
  };
}

/** True when the database was made by `npm run demo` (shown as a "demo data" note on every page). */
export function isDemo(db: Db): boolean {
  return db.$client.prepare("select 1 from settings where key = 'demo' and value = '1'").get() !== undefined;
}
