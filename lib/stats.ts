/**
 * Small, dependency-light statistics for comparing cohorts of posts (e.g. page views per post, human vs AI).
 * Pure functions; inputs are plain number arrays and are never mutated.
 * Quantiles use simple-statistics' linear interpolation (R type 7, numpy's default).
 */
import * as ss from 'simple-statistics';
import { mulberry32 } from './random';

/** Median of `values`, or null for an empty array (the charts show "no data" rather than a fake 0). */
export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : ss.median([...values]);
}

/**
 * Quantile `p` (0..1) of `values` by linear interpolation (R type 7), or null for an empty array.
 * @throws Error when p is outside [0, 1].
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new Error(`quantile: p must be within [0, 1], got ${p}`);
  return values.length === 0 ? null : ss.quantile([...values], p);
}

/** Lower quartile, median and upper quartile (R type 7). */
export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/** Quartiles of `values` (the box of a box plot; `q3 - q1` is the interquartile range), or null when empty. */
export function iqr(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const [q1, med, q3] = ss.quantile([...values], [0.25, 0.5, 0.75]);
  return { q1, median: med, q3 };
}

/**
 * {@link iqr} of values already sorted ascending (a typed array is fine), without copying: the same numbers, since
 * R type 7 reads the same order statistics either way. Null when empty.
 */
export function quartilesSorted(sorted: ArrayLike<number>): Quartiles | null {
  if (sorted.length === 0) return null;
  const x = sorted as number[];
  return { q1: ss.quantileSorted(x, 0.25), median: ss.quantileSorted(x, 0.5), q3: ss.quantileSorted(x, 0.75) };
}

/** Alias of {@link iqr}, for callers that think of it as "the quartiles". */
export const quantiles = iqr;

/** Result of a Mann-Whitney U test of sample `a` against sample `b`. */
export interface MannWhitneyResult {
  /** U of sample a: pairs (x in a, y in b) with x > y, ties counted as one half. Ranges 0..n_a*n_b. */
  u: number;
  /** Standard score of u under the null hypothesis, with the tie correction; 0 when every value is tied. */
  z: number;
  /** Two-sided p-value from the normal approximation (no continuity correction). */
  p: number;
  /** Rank-biserial correlation r = 2u/(n_a*n_b) - 1, in -1..1; positive when a tends to be larger than b. */
  effectSize: number;
}

/** Standard normal CDF via simple-statistics' erf (fractional error below 1.2e-7). */
function normalCdf(z: number): number {
  return 0.5 * (1 + ss.errorFunction(z / Math.SQRT2));
}

/**
 * Mann-Whitney U test (Wilcoxon rank-sum) for two independent samples, e.g. page views of human posts vs AI posts.
 * Ties get average ranks and the variance is tie-corrected:
 * var(U) = n_a*n_b/12 * ((n+1) - sum(t^3 - t) / (n(n-1))), with t the size of each tie group.
 * Matches R's `wilcox.test(a, b, exact = FALSE, correct = FALSE)` (its W is our u).
 * With small samples (under ~10 per side) the normal approximation is rough; treat p as indicative.
 *
 * @returns null when either sample is empty (there is nothing to compare).
 * @throws Error when a value is NaN.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult | null {
  return mannWhitneyUSorted(Float64Array.from(a).sort(), Float64Array.from(b).sort());
}

/**
 * {@link mannWhitneyU} of samples already sorted ascending (e.g. shared with the quartiles of the same values).
 * @throws Error when a value is NaN.
 */
export function mannWhitneyUSorted(sa: ArrayLike<number>, sb: ArrayLike<number>): MannWhitneyResult | null {
  const na = sa.length;
  const nb = sb.length;
  if (na === 0 || nb === 0) return null;
  // Each sample sorted on its own, merged tie group by tie group: the same ranks as sorting the pooled values. The
  // sums are of half-integers, exact in doubles, so the order of adding is irrelevant.
  const n = na + nb;
  let rankSumA = 0;
  let tieTerm = 0;
  let i = 0;
  let j = 0;
  while (i < na || j < nb) {
    const v = j >= nb || (i < na && sa[i] <= sb[j]) ? sa[i] : sb[j];
    if (Number.isNaN(v)) throw new Error('mannWhitneyU: a sample holds NaN, which has no rank');
    const start = i + j;
    let inA = 0;
    while (i < na && sa[i] === v) {
      i++;
      inA++;
    }
    while (j < nb && sb[j] === v) j++;
    const t = i + j - start;
    // ranks are 1-based: positions start..start+t-1 hold ranks start+1..start+t
    rankSumA += inA * ((2 * start + t + 1) / 2);
    tieTerm += t ** 3 - t;
  }
  const u = rankSumA - (na * (na + 1)) / 2;
  const meanU = (na * nb) / 2;
  const variance = n > 1 ? ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1))) : 0;
  const z = variance > 0 ? (u - meanU) / Math.sqrt(variance) : 0;
  const p = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { u, z, p, effectSize: (2 * u) / (na * nb) - 1 };
}

/** Options of {@link bootstrapMedianDiffCI}. */
export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  iterations?: number;
  /** PRNG seed, so the same data always give the same interval (default 1). */
  seed?: number;
  /** Confidence level in (0, 1) (default 0.95). */
  level?: number;
}

/**
 * Percentile-bootstrap confidence interval of median(a) - median(b): each iteration resamples a and b with
 * replacement (independently), and the interval is the (1-level)/2 and (1+level)/2 quantiles of the resampled
 * differences. Deterministic for a given seed (mulberry32).
 *
 * @returns `{ diff, low, high }` with diff the observed difference of medians, or null when either sample is empty.
 * @throws Error when iterations < 1 or level is not inside (0, 1).
 */
export function bootstrapMedianDiffCI(
  a: readonly number[],
  b: readonly number[],
  { iterations = 2000, seed = 1, level = 0.95 }: BootstrapOptions = {},
): { diff: number; low: number; high: number } | null {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new Error(`bootstrapMedianDiffCI: iterations must be a positive integer, got ${iterations}`);
  }
  if (!(level > 0 && level < 1)) throw new Error(`bootstrapMedianDiffCI: level must be in (0, 1), got ${level}`);
  if (a.length === 0 || b.length === 0) return null;
  const rand = mulberry32(seed);
  const resample = (xs: readonly number[], into: number[]) => {
    for (let i = 0; i < xs.length; i++) into[i] = xs[Math.floor(rand() * xs.length)];
    return ss.median(into);
  };
  const bufA = new Array<number>(a.length);
  const bufB = new Array<number>(b.length);
  const diffs = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) diffs[i] = resample(a, bufA) - resample(b, bufB);
  diffs.sort((x, y) => x - y);
  const alpha = (1 - level) / 2;
  return {
    diff: ss.median([...a]) - ss.median([...b]),
    low: ss.quantileSorted(diffs, alpha),
    high: ss.quantileSorted(diffs, 1 - alpha),
  };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `YYYY-MM-DD` to a UTC midnight epoch in ms; throws on anything else (including 2025-02-30). */
function dayToMs(day: string, what: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!DAY_RE.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new Error(`fillDays: ${what} is not a YYYY-MM-DD day: "${day}"`);
  }
  return ms;
}

/**
 * One row per calendar day from firstDay to lastDay inclusive, in order, for charts: missing days get value 0,
 * repeated days are summed, rows outside the range are dropped. Days are `YYYY-MM-DD` strings already in the site
 * time zone; stepping is done on the calendar, so DST changes cannot skip or repeat a day.
 *
 * @returns [] when firstDay is after lastDay.
 * @throws Error naming the bad value when a day (bounds or rows) is not a valid `YYYY-MM-DD` date.
 */
export function fillDays(
  rows: readonly { day: string; value: number }[],
  firstDay: string,
  lastDay: string,
): { day: string; value: number }[] {
  const start = dayToMs(firstDay, 'firstDay');
  const end = dayToMs(lastDay, 'lastDay');
  const byDay = new Map<string, number>();
  rows.forEach((row, i) => {
    dayToMs(row.day, `rows[${i}].day`);
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.value);
  });
  const out: { day: string; value: number }[] = [];
  for (let ms = start; ms <= end; ms += 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10);
    out.push({ day, value: byDay.get(day) ?? 0 });
  }
  return out;
}
