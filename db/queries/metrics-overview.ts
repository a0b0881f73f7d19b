/**
 * Everything the overview page shows, as plain data, for one set of URL params: cohort statistics of the posts
 * published in the range (and in the previous period when asked), and every chart's series. Reads summary tables
 * (./overview-reads.ts): no read grows with the number of daily rows. The statistics are lib/cohorts.ts, the chart
 * shapes lib/cohort-charts.ts.
 */
import {
  bucketsOf,
  type CalendarRow,
  type CurvePoint,
  calendarSeries,
  curveSeriesFromRows,
  publishedPerMonth,
} from '../../lib/cohort-charts';
import { CohortValues } from '../../lib/cohort-values';
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
import { ensureOverviewPostList } from '../mutations/overview-post-list';
import { ensureRangeSummaries } from '../mutations/range-summaries';
import { getCoverage, listAnnotations, siteTotalViews } from './metrics';
import { type BucketViews, listCurveRows, overviewColumns, rangeViewsByPost, viewsByBucket } from './overview-reads';
import { topByViews, topInRange } from './overview-top';

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
  /** Human page views of the published posts on the days of the range (all data when no range), as charted. */
  rangeViews: number;
  previousRangeViews: number | null;
}

const inRange = (day: string | null, r: DayRange | null) =>
  r === null || (day !== null && day >= r.from && day <= r.to);

function periodStats(posts: OverviewPost[], range: DayRange | null, p: OverviewParams, ai: CohortKey[]): PeriodStats {
  const members = posts.filter((x) => inRange(x.publishedDay, range));
  // Each cohort's values, gathered and sorted once for every statistic below.
  const values = new CohortValues(members);
  // The tests sort the AI and human values first; the quartiles then reuse those (unlabelled ones are selected).
  const tests = {} as Record<MetricKey, Comparison[]>;
  for (const m of METRIC_KEYS) tests[m] = ai.map((c) => compareWithHuman(members, c, m, false, values));
  const stats = summarizeCohorts(members, cohortOrder(p.split), values);
  return {
    range,
    posts: members.length,
    stats,
    focus: ai.map((c) => compareWithHuman(members, c, p.metric, true, values)),
    tests,
  };
}

/** Build the overview for `p`. Posts are the published ones; "in the range" means published in it. */
export function buildOverview(db: Db, p: OverviewParams): OverviewModel {
  ensurePostMetrics(db);
  ensureRangeSummaries(db);
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
  const col = overviewColumns(db, ensureOverviewPostList(db));
  const posts: OverviewPost[] = col.ids.map((id, i) => ({
    id,
    title: col.titles[i],
    publishedDay: col.publishedDays[i],
    wordCount: col.wordCounts[i],
    cohort: cohortOf(col.labels[i], p.split),
    metrics: metricsFromSums(
      {
        lifetimeViews: col.lifetimeViews[i],
        botHits: col.botHits[i],
        first7Views: col.first7Views[i],
        first30Views: col.first30Views[i],
        first90Views: col.first90Views[i],
        last30Views: col.last30Views[i],
        last90Views: col.last90Views[i],
        sincePublishViews: col.sincePublishViews[i],
        peakDay: col.peakDays[i],
        peakViews: col.peakViews[i],
      },
      col.publishedDays[i],
      coverage,
      siteTotal,
    ),
  }));
  const prevRange = p.compare && p.range ? previousRange(p.range) : null;
  const current = periodStats(posts, p.range, p, ai);
  const previous = prevRange ? periodStats(posts, prevRange, p, ai) : null;
  const inCurrent = posts.filter((x) => inRange(x.publishedDay, p.range));

  const calRange: DayRange | null =
    p.range ?? (coverage.firstDay && coverage.lastDay ? { from: coverage.firstDay, to: coverage.lastDay } : null);
  const cal = viewsByBucket(db, p.range);
  const buckets = calRange ? bucketsOf(calRange, cal.unit) : [];
  let prevCal: { rows: BucketViews[]; buckets: string[] } | undefined;
  if (prevRange) {
    const pv = viewsByBucket(db, prevRange);
    prevCal = { rows: pv.rows, buckets: bucketsOf(prevRange, pv.unit) };
  }
  const calendarRows = calendarSeries(cal.rows, (label) => cohortOf(label, p.split), cohorts, buckets, prevCal);

  // The posts with the most views in the range (lifetime views for all data); the previous period only for them.
  const top = p.range ? topInRange(db, posts, p.range) : topByViews(posts, (x) => x.metrics.lifetimeViews);
  if (prevRange) {
    const prev = new Map(rangeViewsByPost(db, prevRange, { ids: top.map((x) => x.id) }));
    for (const x of top) x.previousViews = prev.get(x.id) ?? 0;
  }
  const sum = (rows: BucketViews[]) => rows.reduce((a, r) => a + r.pageViews, 0);
  // Only covered posts can have a curve point: published from the first data day to the last.
  const curveFrom = maxDay(p.range?.from, coverage.firstDay);
  const curveTo = minDay(p.range?.to, coverage.lastDay);
  const curveRows = curveFrom && curveTo && curveFrom <= curveTo ? listCurveRows(db, curveFrom, curveTo) : [];

  return {
    coverage,
    cohorts,
    aiCohorts: ai,
    posts,
    current,
    previous,
    curve: curveSeriesFromRows(inCurrent, curveRows, cohorts, coverage),
    calendar: { unit: cal.unit, rows: calendarRows, previousRange: prevRange, range: calRange },
    annotations: [],
    published: publishedPerMonth(inCurrent, cohorts),
    top,
    rangeViews: sum(cal.rows),
    previousRangeViews: prevCal ? sum(prevCal.rows) : null,
  };
}

const maxDay = (a: string | undefined, b: string | null) => (a === undefined ? b : b === null || a > b ? a : b);
const minDay = (a: string | undefined, b: string | null) => (a === undefined ? b : b === null || a < b ? a : b);
