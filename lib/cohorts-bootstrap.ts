/**
 * A faster equivalent of lib/stats.ts `bootstrapMedianDiffCI` for large cohorts (thousands of posts), used by the
 * overview on every request. Same PRNG (mulberry32, stepped inline here), same draws in the same order, same
 * percentile interval: the results are identical for the same seed (tested). Only the median of each resample is
 * found differently: each draw counts its value's place among the sample's distinct values, and a walk over those
 * counts finds the middle order statistic(s). Page views have many ties, so there are few distinct values and the
 * walk is short.
 */
import * as ss from 'simple-statistics';

/** A sample by distinct value: draws index the original order, so each position knows its value's slot. */
interface Ranked {
  /** The distinct values, ascending. */
  values: Float64Array;
  /** Original position -> slot in `values`. */
  slotOf: Int32Array;
  /** Draws per slot in the current resample. */
  counts: Int32Array;
}

function rank(xs: readonly number[]): Ranked {
  const sorted = Float64Array.from(xs).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i];
  const values = sorted.slice(0, k);
  const slot = new Map<number, number>();
  for (let i = 0; i < k; i++) slot.set(values[i], i);
  const slotOf = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) slotOf[i] = slot.get(xs[i]) as number;
  return { values, slotOf, counts: new Int32Array(k) };
}

/**
 * Draw one resample of `s` (n positions, mulberry32 from `state`, exactly as lib/random.ts steps it) into its
 * counts. @returns the PRNG state after the draws.
 */
function draw(s: Ranked, state: number): number {
  const n = s.slotOf.length;
  const { slotOf, counts } = s;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    // `| 0` keeps the state a small integer for V8 (`>>> 0` makes it a heap double); the bits are the same.
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // Math.floor(rand() * n): `| 0` truncates, the same for a value in [0, n) with n < 2^31.
    counts[slotOf[((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0]]++;
  }
  return state;
}

/** Median of the drawn resample: the middle order statistic(s) found by walking the counts. */
function drawnMedian(s: Ranked): number {
  const n = s.slotOf.length;
  const lo = (n - 1) >> 1;
  const hi = n >> 1;
  let seen = 0;
  let loVal = Number.NaN;
  for (let r = 0; r < s.values.length; r++) {
    seen += s.counts[r];
    if (Number.isNaN(loVal) && seen > lo) loVal = s.values[r];
    if (seen > hi) return lo === hi ? loVal : (loVal + s.values[r]) / 2;
  }
  return loVal;
}

/**
 * Percentile-bootstrap interval of median(a) - median(b) (see lib/stats.ts bootstrapMedianDiffCI for the method).
 * @returns `{ diff, low, high }`, or null when either sample is empty.
 * @throws Error when iterations < 1 or level is not inside (0, 1).
 */
export function fastBootstrapMedianDiffCI(
  a: readonly number[],
  b: readonly number[],
  { iterations = 2000, seed = 1, level = 0.95 }: { iterations?: number; seed?: number; level?: number } = {},
): { diff: number; low: number; high: number } | null {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new Error(`fastBootstrapMedianDiffCI: iterations must be a positive integer, got ${iterations}`);
  }
  if (!(level > 0 && level < 1)) throw new Error(`fastBootstrapMedianDiffCI: level must be in (0, 1), got ${level}`);
  if (a.length === 0 || b.length === 0) return null;
  const ra = rank(a);
  const rb = rank(b);
  // mulberry32(seed)'s state, stepped by draw() in the same order as resampling a, then b, each iteration.
  let state = seed | 0;
  const diffs = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    state = draw(ra, state);
    const ma = drawnMedian(ra);
    state = draw(rb, state);
    diffs[i] = ma - drawnMedian(rb);
  }
  diffs.sort();
  const sorted = Array.from(diffs);
  const alpha = (1 - level) / 2;
  return {
    diff: ss.median([...a]) - ss.median([...b]),
    low: ss.quantileSorted(sorted, alpha),
    high: ss.quantileSorted(sorted, 1 - alpha),
  };
}
