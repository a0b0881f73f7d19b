/**
 * Everything the overview page shows, as plain data, for one set of URL params: cohort statistics of the posts
 * published in the range (and in the previous period when asked), and every chart's series. Reads summary tables
 * (db/queries/metrics.ts); the statistics are lib/cohorts.ts, the chart shapes lib/cohort-charts.ts.
 */
import {
  bucketsOf,
  type CalendarRow,
  type CurvePoint,
  calendarSeries,
  curveSeries,
  publishedPerMonth,
} from '../../lib/cohort-charts';
import {
  type CohortKey,
  type CohortPost,
  type CohortStats,
  type Comparison,
  cohortOf,
  cohortOrder,
  compareWithHuman,
  summarizeCohorts,
} from '../../lib/cohorts';
import { type Coverage, METRIC_KEYS, type MetricKey, metricsFromSums, type PostMetrics } from '../../lib/metrics';
import { type DayRange, type OverviewParams, previousRange } from '../../lib/overview-params';
import type { Db } from '../client';
import { ensurePostMetrics } from '../mutations/metrics';
import {
  getCoverage,
  listAnnotations,
  listCurvePoints,
  listPostMetricRows,
  siteTotalViews,
  viewsByBucket,
  viewsByPost,
} from './metrics';

/** One published post with its cohort and metrics. */
export interface OverviewPost extends CohortPost {
  id: number;
  title: string;
  publishedDay: string | null;
  wordCount: number;
  metrics: PostMetrics;
}

/** The cohort numbers of one period (the range, or the previous period). */
export interface PeriodStats {
  range: DayRange | null;
  posts: number;
  stats: CohortStats[];
  /** The metric in focus, each AI cohort against human, with the bootstrap interval. */
  focus: Comparison[];
  /** Every metric, each AI cohort against human, test only (no interval: it is costly). */
  tests: Record<MetricKey, Comparison[]>;
}

export interface OverviewModel {
  coverage: Coverage;
  cohorts: CohortKey[];
  aiCohorts: CohortKey[];
  posts: OverviewPost[];
  current: PeriodStats;
  previous: PeriodStats | null;
  curve: CurvePoint[];
  /** Views over calendar time; `range` is the range shown (all data when no range was picked). */
  calendar: { unit: 'day' | 'month'; rows: CalendarRow[]; previousRange: DayRange | null; range: DayRange | null };
  annotations: { id: number; day: string; text: string; bucket: string }[];
  published: ({ month: string } & Record<string, number | string>)[];
  top: { id: number; title: string; cohort: CohortKey; views: number; previousViews: number | null }[];
  /** Human page views of posts in the range (all data when no range). */
  rangeViews: number;
  previousRangeViews: number | null;
}

const inRange = (day: string | null, r: DayRange | null) =>
  r === null || (day !== null && day >= r.from && day <= r.to);

function periodStats(posts: OverviewPost[], range: DayRange | null, p: OverviewParams, ai: CohortKey[]): PeriodStats {
  const members = posts.filter((x) => inRange(x.publishedDay, range));
  const tests = {} as Record<MetricKey, Comparison[]>;
  for (const m of METRIC_KEYS) tests[m] = ai.map((c) => compareWithHuman(members, c, m, false));
  return {
    range,
    posts: members.length,
    stats: summarizeCohorts(members, cohortOrder(p.split)),
    focus: ai.map((c) => compareWithHuman(members, c, p.metric, true)),
    tests,
  };
}

const TOP_N = 10;

/** Build the overview for `p`. Posts are the published ones; "in the range" means published in it. */
export function buildOverview(db: Db, p: OverviewParams): OverviewModel {
  ensurePostMetrics(db);
  const key = JSON.stringify([dataVersion(db), p]);
  let model = cache.get(key);
  if (model)
    cache.delete(key); // re-inserted below: most recently used last
  else model = computeOverview(db, p);
  cache.set(key, model);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  // Notes change without an import: always read fresh.
  const range = model.calendar.range;
  const annotations = listAnnotations(db)
    .filter((a) => inRange(a.day, range))
    .map((a) => ({ ...a, bucket: model.calendar.unit === 'day' ? a.day : a.day.slice(0, 7) }));
  return { ...model, annotations };
}

// The statistics (bootstrap included) and chart series only change when an import or a label changes: recent
// results are kept per process, keyed by a fingerprint of the data and the URL params.
const CACHE_SIZE = 8;
const cache = new Map<string, OverviewModel>();

/**
 * A fingerprint that changes whenever the overview's inputs can have changed: an import or sync run, a label
 * change (the labels themselves, summed by post and label), or a post added or removed.
 */
function dataVersion(db: Db): string {
  const r = db.$client
    .prepare(`select (select coalesce(max(id), 0) from import_runs) as runs,
      (select coalesce(max(id), 0) from sync_runs) as syncs,
      (select count(*) from posts) as posts,
      (select coalesce(max(id), 0) from authorship_events) as events,
      (select total(post_id * (case label when 'human' then 1 when 'ai-assisted' then 2 else 3 end))
         || '/' || count(*) from authorship where label is not null) as labels`)
    .get();
  return JSON.stringify(r);
}

function computeOverview(db: Db, p: OverviewParams): OverviewModel {
  const coverage = getCoverage(db);
  const siteTotal = siteTotalViews(db);
  const cohorts = cohortOrder(p.split);
  const ai = cohorts.filter((c) => c !== 'human' && c !== 'unlabelled');
  const posts: OverviewPost[] = listPostMetricRows(db).map((r) => ({
    id: r.id,
    title: r.title,
    publishedDay: r.publishedDay,
    wordCount: r.wordCount,
    cohort: cohortOf(r.label, p.split),
    metrics: metricsFromSums(r.sums, r.publishedDay, coverage, siteTotal),
  }));
  const prevRange = p.compare && p.range ? previousRange(p.range) : null;
  const current = periodStats(posts, p.range, p, ai);
  const previous = prevRange ? periodStats(posts, prevRange, p, ai) : null;
  const inCurrent = posts.filter((x) => inRange(x.publishedDay, p.range));

  const calRange: DayRange | null =
    p.range ?? (coverage.firstDay && coverage.lastDay ? { from: coverage.firstDay, to: coverage.lastDay } : null);
  const cal = viewsByBucket(db, p.range);
  const buckets = calRange ? bucketsOf(calRange, cal.unit) : [];
  let prevCal: { rows: { bucket: string; pageViews: number }[]; buckets: string[] } | undefined;
  if (prevRange) {
    const pv = viewsByBucket(db, prevRange);
    prevCal = { rows: pv.rows, buckets: bucketsOf(prevRange, pv.unit) };
  }
  const calendarRows = calendarSeries(cal.rows, (label) => cohortOf(label, p.split), cohorts, buckets, prevCal);

  const views = viewsByPost(db, p.range);
  const prevViews = prevRange ? viewsByPost(db, prevRange) : null;
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
    .slice(0, TOP_N);
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, v) => a + v, 0);

  return {
    coverage,
    cohorts,
    aiCohorts: ai,
    posts,
    current,
    previous,
    curve: curveSeries(inCurrent, listCurvePoints(db, p.range), cohorts, coverage),
    calendar: { unit: cal.unit, rows: calendarRows, previousRange: prevRange, range: calRange },
    annotations: [],
    published: publishedPerMonth(inCurrent, cohorts),
    top,
    rangeViews: sum(views),
    previousRangeViews: prevViews ? sum(prevViews) : null,
  };
}
