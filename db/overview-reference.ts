/**
 * The overview computed the plain way, for tests only: every number from a scan of counted_daily_views with posts,
 * authorship and traffic_coverage, no summary table read. Tests hold db/queries/metrics-overview.ts buildOverview
 * (which reads the summaries) to exactly these numbers. Statistics and chart shapes use the same lib/ functions: what
 * is checked here is where the data comes from.
 */
import { bucketsOf, calendarSeries, curveSeries, publishedPerMonth } from '../lib/cohort-charts';
import { cohortOf, cohortOrder, compareWithHuman, summarizeCohorts } from '../lib/cohorts';
import { CURVE_AGES, type DayViews, daysBetween, METRIC_KEYS, type MetricKey, metricsFromSums } from '../lib/metrics';
import { curveFromDaily, sumsFromDaily } from '../lib/metrics-sums';
import { type DayRange, type OverviewParams, previousRange } from '../lib/overview-params';
import type { AuthorshipLabel } from '../lib/types';
import type { Db } from './client';
import { getCoverage } from './queries/metrics';
import type { OverviewModel, OverviewPost, PeriodStats } from './queries/metrics-overview';

/** Human page views per post over `range` (all days when null), any status, from counted_daily_views. */
export function scanViewsByPost(db: Db, range: DayRange | null): Map<number, number> {
  const rows = db.$client
    .prepare(`select post_id, sum(page_views) from counted_daily_views where day between ? and ?
      group by post_id having sum(page_views) != 0`)
    .raw()
    .all(range?.from ?? '0000-00-00', range?.to ?? '9999-99-99') as [number, number][];
  return new Map(rows);
}

/** Human page views of published posts per day and label (`unlabelled` for none), days with views only. */
export function scanLabelDays(db: Db): { day: string; label: string; pageViews: number }[] {
  return db.$client
    .prepare(`select v.day, coalesce(a.label, 'unlabelled') as label, sum(v.page_views) as pageViews
      from counted_daily_views v join posts p on p.id = v.post_id left join authorship a on a.post_id = p.id
      where p.status = 'publish' group by 1, 2 having sum(v.page_views) != 0 order by 1, 2`)
    .all() as { day: string; label: string; pageViews: number }[];
}

/** Every post's counted days (summed over the winning source), by post id. */
function dailyByPost(db: Db): Map<number, DayViews[]> {
  const out = new Map<number, DayViews[]>();
  const rows = db.$client
    .prepare(`select post_id, day, sum(page_views), sum(bot_hits) from counted_daily_views group by post_id, day
      order by post_id, day`)
    .raw()
    .all() as [number, string, number, number][];
  for (const [id, day, pageViews, botHits] of rows) {
    const list = out.get(id) ?? [];
    list.push({ day, pageViews, botHits });
    out.set(id, list);
  }
  return out;
}

function period(posts: OverviewPost[], range: DayRange | null, p: OverviewParams, ai: ReturnType<typeof cohortOrder>) {
  const members = posts.filter(
    (x) => range === null || (x.publishedDay !== null && x.publishedDay >= range.from && x.publishedDay <= range.to),
  );
  const tests = {} as Record<MetricKey, ReturnType<typeof compareWithHuman>[]>;
  for (const m of METRIC_KEYS) tests[m] = ai.map((c) => compareWithHuman(members, c, m, false));
  const out: PeriodStats = {
    range,
    posts: members.length,
    stats: summarizeCohorts(members, cohortOrder(p.split)),
    focus: ai.map((c) => compareWithHuman(members, c, p.metric, true)),
    tests,
  };
  return { out, members };
}

/** Views per bucket (day, or month when the range is long or all data) and label of published posts, by scan. */
function scanBuckets(db: Db, range: DayRange | null) {
  const unit: 'day' | 'month' = range && daysBetween(range.from, range.to) + 1 <= 92 ? 'day' : 'month';
  const bucket = unit === 'day' ? 'v.day' : 'substr(v.day, 1, 7)';
  const rows = db.$client
    .prepare(`select ${bucket} as bucket, a.label as label, sum(v.page_views) as pageViews
      from counted_daily_views v join posts p on p.id = v.post_id left join authorship a on a.post_id = p.id
      where p.status = 'publish' and v.day between ? and ? group by 1, 2`)
    .all(range?.from ?? '0000-00-00', range?.to ?? '9999-99-99') as {
    bucket: string;
    label: AuthorshipLabel | null;
    pageViews: number;
  }[];
  return { unit, rows };
}

/** The overview model of `p` (annotations left empty), every number from scans. */
export function scanOverview(db: Db, p: OverviewParams): Omit<OverviewModel, 'annotations'> {
  const c = db.$client;
  const coverage = getCoverage(db);
  const daily = dailyByPost(db);
  const siteTotal = [...daily.values()].flat().reduce((a, d) => a + d.pageViews, 0);
  const cohorts = cohortOrder(p.split);
  const ai = cohorts.filter((x) => x !== 'human' && x !== 'unlabelled');
  const rows = c
    .prepare(`select p.id, p.title, p.published_day as pd, p.word_count as words, a.label from posts p
      left join authorship a on a.post_id = p.id where p.status = 'publish' order by p.published_day, p.id`)
    .all() as { id: number; title: string; pd: string | null; words: number; label: AuthorshipLabel | null }[];
  const posts: OverviewPost[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    publishedDay: r.pd,
    wordCount: r.words,
    cohort: cohortOf(r.label, p.split),
    metrics: metricsFromSums(sumsFromDaily(daily.get(r.id) ?? [], r.pd, coverage), r.pd, coverage, siteTotal),
  }));
  const prevRange = p.compare && p.range ? previousRange(p.range) : null;
  const current = period(posts, p.range, p, ai);
  const previous = prevRange ? period(posts, prevRange, p, ai).out : null;

  const calRange =
    p.range ?? (coverage.firstDay && coverage.lastDay ? { from: coverage.firstDay, to: coverage.lastDay } : null);
  const cal = scanBuckets(db, p.range);
  const prev = prevRange ? scanBuckets(db, prevRange) : null;
  const calendarRows = calendarSeries(
    cal.rows,
    (label) => cohortOf(label, p.split),
    cohorts,
    calRange ? bucketsOf(calRange, cal.unit) : [],
    prev && prevRange ? { rows: prev.rows, buckets: bucketsOf(prevRange, prev.unit) } : undefined,
  );

  const views = scanViewsByPost(db, p.range);
  const prevViews = prevRange ? scanViewsByPost(db, prevRange) : null;
  const top = posts
    .map((x) => ({
      id: x.id,
      title: x.title,
      cohort: x.cohort,
      views: views.get(x.id) ?? 0,
      previousViews: prevViews ? (prevViews.get(x.id) ?? 0) : null,
    }))
    .filter((x) => x.views > 0)
    .sort((a, b) => b.views - a.views || a.title.localeCompare(b.title))
    .slice(0, 10);
  const published = (m: Map<number, number>) => posts.reduce((a, x) => a + (m.get(x.id) ?? 0), 0);

  const points: [number, number, number][] = [];
  for (const x of current.members) {
    if (!x.publishedDay) continue;
    for (const [age, cum] of curveFromDaily(daily.get(x.id) ?? [], x.publishedDay)) points.push([x.id, age, cum]);
  }
  if (points.length % CURVE_AGES.length !== 0) throw new Error('scanOverview: a curve lacks an age');
  return {
    coverage,
    cohorts,
    aiCohorts: ai,
    posts,
    current: current.out,
    previous,
    curve: curveSeries(current.members, points, cohorts, coverage),
    calendar: { unit: cal.unit, rows: calendarRows, previousRange: prevRange, range: calRange },
    published: publishedPerMonth(current.members, cohorts),
    top,
    rangeViews: published(views),
    previousRangeViews: prevViews ? published(prevViews) : null,
  };
}
