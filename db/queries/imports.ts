/**
 * Reads for the imports page: recent import runs, the unmatched paths with their counts, the posts they can be
 * mapped to, the nightly sync's runs, and the coverage timeline per source.
 */
import type { Db } from '../client';
import type { SyncSourceResult } from '../sync/types';

export interface ImportRunRow {
  id: number;
  kind: string;
  format: string | null;
  file: string;
  finishedAt: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsBot: number;
  rowsUnmatched: number;
  rowsRejected: number;
  firstDay: string | null;
  lastDay: string | null;
  status: string;
  error: string | null;
}

/** The newest `limit` import runs, newest first. */
export function listImportRuns(db: Db, limit = 50): ImportRunRow[] {
  return db.$client
    .prepare(`select id, kind, format, file, finished_at as finishedAt, rows_read as rowsRead, rows_imported as rowsImported,
      rows_bot as rowsBot, rows_unmatched as rowsUnmatched, rows_rejected as rowsRejected, first_day as firstDay,
      last_day as lastDay, status, error from import_runs order by id desc limit ?`)
    .all(limit) as ImportRunRow[];
}

export interface UnmatchedRow {
  path: string;
  kind: string;
  pageViews: number;
  botHits: number;
  /** Days with daily rows (0 when only period totals name the path). */
  days: number;
  /** Sources that reported it, comma-separated (`access-log,ga4`). */
  sources: string;
}

/**
 * Unmatched paths of one kind, most page views (then bot hits) first; the home page `/` is left out (it is never a
 * post; the overview shows its page views apart). Daily rows count only on days their source is
 * the one counted (no double counting where sources overlap); period totals (GA4, Umami...) are added as they are.
 */
export function listUnmatchedPaths(db: Db, kind = 'page', limit = 100): UnmatchedRow[] {
  return db.$client
    .prepare(`select path, kind, sum(page_views) as pageViews, sum(bot_hits) as botHits,
        count(distinct case when origin not like 'period:%' then day end) as days,
        group_concat(distinct source) as sources
      from unmatched_paths u
      where kind = ? and path <> '/' and (origin like 'period:%' or not exists
        (select 1 from traffic_winners w where w.day = u.day and w.source <> u.source))
      group by path order by pageViews desc, botHits desc, path limit ?`)
    .all(kind, limit) as UnmatchedRow[];
}

/** Totals of unmatched traffic by kind (page, feed, asset, api, admin). */
export function countUnmatchedByKind(db: Db): { kind: string; paths: number; pageViews: number; botHits: number }[] {
  return db.$client
    .prepare(`select kind, count(distinct path) as paths, sum(page_views) as pageViews, sum(bot_hits) as botHits
      from unmatched_paths group by kind order by kind`)
    .all() as never;
}

/** A post for the "map this path to a post" choice. */
export interface PostChoice {
  id: number;
  title: string;
  path: string;
}

/** Every post (id, title, path), by title, for the mapping form. */
export function listPostChoices(db: Db): PostChoice[] {
  return db.$client
    .prepare(
      "select id, case when title = '' then path else title end as title, path from posts order by title collate nocase, id",
    )
    .all() as PostChoice[];
}

/**
 * The post an unmatched path most likely meant: one whose path ends with the same last segment (an old permalink
 * structure such as `/2019/05/hello-world` for `/posts/hello-world`), when exactly one does. Null otherwise.
 */
export function suggestPostFor(path: string, posts: PostChoice[]): number | null {
  const last = (p: string) =>
    p
      .replace(/\.html?$/, '')
      .split('/')
      .filter(Boolean)
      .pop()
      ?.toLowerCase() ?? '';
  const seg = last(path);
  if (!seg) return null;
  const hits = posts.filter((p) => last(p.path) === seg);
  return hits.length === 1 ? hits[0].id : null;
}

/** One sync run as the dashboard shows it. */
export interface SyncRunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  results: SyncSourceResult[];
}

/** The newest `limit` sync runs, newest first, with their per-source results parsed. */
export function listSyncRuns(db: Db, limit = 5): SyncRunRow[] {
  const rows = db.$client
    .prepare(`select id, started_at as startedAt, finished_at as finishedAt, status, results from sync_runs
      order by id desc limit ?`)
    .all(limit) as (Omit<SyncRunRow, 'results'> & { results: string })[];
  return rows.map((r) => {
    let results: SyncSourceResult[] = [];
    try {
      results = JSON.parse(r.results) as SyncSourceResult[];
    } catch {
      results = [];
    }
    return { ...r, results };
  });
}

/** A run of consecutive covered days. */
export interface DayRange {
  firstDay: string;
  lastDay: string;
  days: number;
}

/** One row of the coverage timeline: which days a source covers and how much of it counts. */
export interface CoverageRow {
  source: string;
  /** `daily`: per-day rows; `period`: totals over ranges (GA4, Umami, ...); `site`: site totals only. */
  kind: 'daily' | 'period' | 'site';
  ranges: DayRange[];
  /** Days covered (daily/site), or days spanned by the periods. */
  days: number;
  /** Days on which this source is the one counted (daily sources). */
  winningDays: number;
  /** Page views it holds for posts (all of them, counted or not), or visitors for visitor-only periods. */
  pageViews: number;
}

const DAY_MS = 86_400_000;
const dayNum = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);

/** Group sorted days into runs of consecutive days. */
export function toRanges(days: string[]): DayRange[] {
  const out: DayRange[] = [];
  for (const d of days) {
    const last = out.at(-1);
    if (last && dayNum(d) === dayNum(last.lastDay) + 1) {
      last.lastDay = d;
      last.days++;
    } else if (!last || d !== last.lastDay) out.push({ firstDay: d, lastDay: d, days: 1 });
  }
  return out;
}

/**
 * The coverage timeline: for each source, the ranges of days it covers (gaps between them), the days it wins when
 * sources overlap, and its page views; period sources by their stated ranges; site-total sources by their days.
 * Ordered daily sources first (by first day), then periods, then site totals.
 */
export function getCoverage(db: Db): CoverageRow[] {
  const c = db.$client;
  const rows: CoverageRow[] = [];
  const wins = new Map(
    (
      c.prepare('select source, count(*) as n from traffic_winners group by source').all() as {
        source: string;
        n: number;
      }[]
    ).map((r) => [r.source, r.n]),
  );
  const views = new Map(
    (
      c.prepare('select source, sum(page_views) as n from daily_views group by source').all() as {
        source: string;
        n: number;
      }[]
    ).map((r) => [r.source, r.n]),
  );
  const byDaily = new Map<string, string[]>();
  for (const r of c.prepare('select distinct source, day from traffic_coverage order by source, day').all() as {
    source: string;
    day: string;
  }[]) {
    const list = byDaily.get(r.source) ?? [];
    list.push(r.day);
    byDaily.set(r.source, list);
  }
  for (const [source, days] of byDaily) {
    rows.push({
      source,
      kind: 'daily',
      ranges: toRanges(days),
      days: days.length,
      winningDays: wins.get(source) ?? 0,
      pageViews: views.get(source) ?? 0,
    });
  }
  rows.sort((a, b) => (a.ranges[0]?.firstDay ?? '').localeCompare(b.ranges[0]?.firstDay ?? ''));
  const periods = c
    .prepare(`select source, first_day as firstDay, last_day as lastDay, coalesce(sum(page_views), sum(visitors), 0) as n
      from period_views group by source, first_day, last_day order by source, first_day`)
    .all() as { source: string; firstDay: string; lastDay: string; n: number }[];
  const bySource = new Map<string, typeof periods>();
  for (const p of periods) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
  for (const [source, ps] of bySource) {
    const ranges = ps.map((p) => ({
      firstDay: p.firstDay,
      lastDay: p.lastDay,
      days: dayNum(p.lastDay) - dayNum(p.firstDay) + 1,
    }));
    rows.push({
      source,
      kind: 'period',
      ranges,
      days: ranges.reduce((a, r) => a + r.days, 0),
      winningDays: 0,
      pageViews: ps.reduce((a, p) => a + p.n, 0),
    });
  }
  const site = new Map<string, string[]>();
  for (const r of c.prepare('select source, day from site_daily_totals order by source, day').all() as {
    source: string;
    day: string;
  }[]) {
    site.set(r.source, [...(site.get(r.source) ?? []), r.day]);
  }
  for (const [source, days] of site) {
    const n = (
      c.prepare('select sum(page_views) as n from site_daily_totals where source = ?').get(source) as { n: number }
    ).n;
    rows.push({ source, kind: 'site', ranges: toRanges(days), days: days.length, winningDays: 0, pageViews: n });
  }
  return rows;
}
