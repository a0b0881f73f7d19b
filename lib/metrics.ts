/**
 * Per-post metrics: the one place that defines them. Pure functions over plain numbers; the database keeps the raw
 * sums current (db/mutations/metrics.ts), and the coverage rules below decide at read time which windows count.
 *
 * Days are `YYYY-MM-DD` calendar days in the site time zone. Day 0 is the publish day. Human page views only; bot
 * hits are reported beside them, never added. The data's coverage is the first and last day any source covers.
 *
 * | metric            | definition                                                                              |
 * |-------------------|-----------------------------------------------------------------------------------------|
 * | lifetimeViews     | all human page views of the post in the data                                            |
 * | first7/30/90      | page views on days 0..N-1; null unless the data covers all N days (published on or after |
 * |                   | the first data day, and day N-1 on or before the last)                                   |
 * | last30/90         | page views in the last N days of the data; null when the post is younger than N days    |
 * |                   | (or its publish day is unknown) or the data spans fewer than N days                      |
 * | viewsPerDay       | page views from day 0 on, divided by the days since publishing the data covers           |
 * |                   | (from the later of the publish day and the first data day, to the last data day)         |
 * | peakDay/peakViews | the day with the most page views (earliest on ties); null/0 without any view             |
 * | decay             | recent rate against launch rate: last90 / first90 (both per 90 days), e.g. 0.12 = the    |
 * |                   | post now earns 12% of what it earned per day in its first 90 days. Null unless both      |
 * |                   | windows are covered and do not overlap (post at least 180 days old) and first90 > 0      |
 * | share             | lifetimeViews / all posts' lifetime views; null when the blog has no views               |
 * | botHits           | requests by known bots, beside the human page views                                     |
 *
 * A window the data does not cover is null, so the post is left out of that window's comparison, never counted as 0.
 * The raw sums (PostSums) are computed by lib/metrics-sums.ts; this file decides what they mean.
 */

/** First and last day any traffic source covers, or nulls when no traffic was imported. */
export interface Coverage {
  firstDay: string | null;
  lastDay: string | null;
}

/** Ages (days since publishing) at which cumulative views are kept for the publish-aligned chart. */
export const CURVE_AGES = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 545, 730] as const;

/** Publish-relative windows ("first N days"). */
export const FIRST_WINDOWS = [7, 30, 90] as const;
/** Windows ending on the newest data day ("last N days"). */
export const LAST_WINDOWS = [30, 90] as const;

/** Raw sums per post, as the summary tables keep them (no coverage applied). */
export interface PostSums {
  lifetimeViews: number;
  botHits: number;
  first7Views: number;
  first30Views: number;
  first90Views: number;
  last30Views: number;
  last90Views: number;
  /** Page views on or after the publish day (0 when the publish day is unknown). */
  sincePublishViews: number;
  peakDay: string | null;
  peakViews: number;
}

/** The metrics of one post (see the table at the top of this file). */
export interface PostMetrics {
  /** Days from the publish day to the last data day, or null when either is unknown. */
  ageDays: number | null;
  lifetimeViews: number;
  first7: number | null;
  first30: number | null;
  first90: number | null;
  last30: number | null;
  last90: number | null;
  viewsPerDay: number | null;
  peakDay: string | null;
  peakViews: number;
  decay: number | null;
  share: number | null;
  botHits: number;
}

/** One day of one post's traffic, summed over sources. */
export interface DayViews {
  day: string;
  pageViews: number;
  botHits: number;
}

const MS_PER_DAY = 86_400_000;

/** Whole calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * How many days from the publish day on the data covers (days 0..k-1), or 0 when the post was published before the
 * data begins, has no publish day, or there is no data. A first-N window is covered when N <= this.
 */
export function coveredFirstDays(publishedDay: string | null, cov: Coverage): number {
  return coveredDays(dayOrNull(publishedDay), dayOrNull(cov.firstDay), dayOrNull(cov.lastDay));
}

/** True when the data covers days 0..n-1 after publishing. */
export function firstWindowCovered(publishedDay: string | null, n: number, cov: Coverage): boolean {
  return n <= coveredFirstDays(publishedDay, cov);
}

/** True when the post is at least n days old and the data spans the last n days. */
export function lastWindowCovered(publishedDay: string | null, n: number, cov: Coverage): boolean {
  return lastCovered(dayOrNull(publishedDay), n, dayOrNull(cov.firstDay), dayOrNull(cov.lastDay));
}

// The rules above on day numbers (dayNumber), so metricsFromSums converts each day once per post.
const dayOrNull = (day: string | null) => (day ? dayNumber(day) : null);

function coveredDays(pub: number | null, first: number | null, last: number | null): number {
  if (pub === null || first === null || last === null || pub < first) return 0;
  return Math.max(0, last - pub + 1);
}

function lastCovered(pub: number | null, n: number, first: number | null, last: number | null): boolean {
  if (pub === null || first === null || last === null) return false;
  const start = last - (n - 1);
  return pub <= start && first <= start;
}

const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` day; cached, since a data set has at most a few thousand distinct days. */
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

/**
 * The metrics of one post from its raw sums, applying the coverage rules.
 * @param siteTotal all posts' lifetime human page views (the denominator of `share`).
 */
export function metricsFromSums(
  s: PostSums,
  publishedDay: string | null,
  cov: Coverage,
  siteTotal: number,
): PostMetrics {
  const pub = dayOrNull(publishedDay);
  const firstDay = dayOrNull(cov.firstDay);
  const lastDay = dayOrNull(cov.lastDay);
  // No closures here: this runs for every post on every overview request.
  const covered = coveredDays(pub, firstDay, lastDay);
  const ageDays = pub !== null && lastDay !== null ? lastDay - pub : null;
  let viewsPerDay: number | null = null;
  if (pub !== null && firstDay !== null && lastDay !== null) {
    const days = lastDay - Math.max(pub, firstDay) + 1;
    viewsPerDay = days > 0 ? s.sincePublishViews / days : null;
  }
  const first90 = covered >= 90 ? s.first90Views : null;
  const last90 = lastCovered(pub, 90, firstDay, lastDay) ? s.last90Views : null;
  const decay =
    first90 !== null && last90 !== null && first90 > 0 && ageDays !== null && ageDays >= 179 ? last90 / first90 : null;
  return {
    ageDays,
    lifetimeViews: s.lifetimeViews,
    first7: covered >= 7 ? s.first7Views : null,
    first30: covered >= 30 ? s.first30Views : null,
    first90,
    last30: lastCovered(pub, 30, firstDay, lastDay) ? s.last30Views : null,
    last90,
    viewsPerDay,
    peakDay: s.peakDay,
    peakViews: s.peakViews,
    decay,
    share: siteTotal > 0 ? s.lifetimeViews / siteTotal : null,
    botHits: s.botHits,
  };
}

/** The metric keys the cohort comparison offers, with their plain names (units: page views unless stated). */
export const METRIC_NAMES = {
  first7: 'first 7 days',
  first30: 'first 30 days',
  first90: 'first 90 days',
  last30: 'last 30 days',
  last90: 'last 90 days',
  lifetimeViews: 'lifetime',
  viewsPerDay: 'per day since publishing',
  peakViews: 'on the peak day',
  decay: 'decay (last 90 days against first 90)',
} as const;
export type MetricKey = keyof typeof METRIC_NAMES;
export const METRIC_KEYS = Object.keys(METRIC_NAMES) as MetricKey[];
