import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { bootstrapMedianDiffCI, fillDays, iqr, mannWhitneyU, median, quantile, quantiles } from './stats';

describe('median', () => {
  it.each([
    { values: [], expected: null },
    { values: [7], expected: 7 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [5, 5, 1, 5], expected: 5 },
  ])('median($values) = $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantile and iqr (linear interpolation, R type 7)', () => {
  it.each([
    // even length: positions (n-1)p = 0.75, 1.5, 2.25 -> 1.75, 2.5, 3.25
    { values: [4, 3, 2, 1], expected: { q1: 1.75, median: 2.5, q3: 3.25 } },
    // odd length: positions 1, 2, 3 fall on data points
    { values: [5, 1, 4, 2, 3], expected: { q1: 2, median: 3, q3: 4 } },
    { values: [7], expected: { q1: 7, median: 7, q3: 7 } },
    // ties: [1, 2, 2, 2, 10] -> positions 1, 2, 3
    { values: [2, 10, 2, 1, 2], expected: { q1: 2, median: 2, q3: 2 } },
  ])('iqr($values)', ({ values, expected }) => {
    expect(iqr(values)).toEqual(expected);
    expect(quantiles(values)).toEqual(expected);
  });

  it('returns null for an empty array', () => {
    expect(iqr([])).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
  });

  it('quantile interpolates and rejects p outside [0, 1]', () => {
    expect(quantile([10, 20], 0.9)).toBeCloseTo(19, 10);
    expect(quantile([10, 20, 30], 0)).toBe(10);
    expect(quantile([10, 20, 30], 1)).toBe(30);
    expect(() => quantile([1], 1.5)).toThrow(/p must be within/);
  });
});

describe('mannWhitneyU', () => {
  it('returns null when either sample is empty', () => {
    expect(mannWhitneyU([], [1, 2])).toBeNull();
    expect(mannWhitneyU([1], [])).toBeNull();
  });

  it("matches the textbook tortoise-and-hare example (Wikipedia, 'Mann-Whitney U test')", () => {
    // Finishing order T H H H H H T T T T T H: tortoises at places 1, 7-11, hares at 2-6 and 12.
    // Rank sum of tortoises = 46, U_T = 46 - 21 = 25, U_H = 36 - 25 = 11 (the textbook's U = min = 11).
    const r = mannWhitneyU([1, 7, 8, 9, 10, 11], [2, 3, 4, 5, 6, 12]);
    expect(r?.u).toBe(25);
    // z = (25 - 18) / sqrt(6*6*13/12) = 7 / sqrt(39)
    expect(r?.z).toBeCloseTo(7 / Math.sqrt(39), 10);
    expect(r?.p).toBeCloseTo(0.26233, 4); // R: wilcox.test(exact = FALSE, correct = FALSE)
    expect(r?.effectSize).toBeCloseTo(50 / 36 - 1, 10);
    expect(mannWhitneyU([2, 3, 4, 5, 6, 12], [1, 7, 8, 9, 10, 11])?.u).toBe(11);
  });

  it('uses average ranks and the tie-corrected variance', () => {
    // Pooled ranks: 1 -> 1, the three 2s -> 3, the three 3s -> 6, 4 -> 8, 5 -> 9.
    // R_a = 1 + 3 + 3 + 6 = 13, U = 13 - 10 = 3.
    // var = 4*5/12 * (10 - (24 + 24) / (9*8)) = 15.5556, z = (3 - 10) / sqrt(15.5556) = -1.7748
    const r = mannWhitneyU([1, 2, 2, 3], [2, 3, 3, 4, 5]);
    expect(r?.u).toBe(3);
    expect(r?.z).toBeCloseTo(-7 / Math.sqrt((20 / 12) * (10 - 48 / 72)), 10);
    expect(r?.p).toBeCloseTo(0.07593, 4);
    expect(r?.effectSize).toBeCloseTo(6 / 20 - 1, 10);
  });

  it('handles one-element samples', () => {
    // U = 0, var = 1*1/12 * 3 = 0.25, z = (0 - 0.5) / 0.5 = -1, p = 2 * (1 - Phi(1)) = 0.3173
    const r = mannWhitneyU([1], [2]);
    expect(r).toMatchObject({ u: 0, z: -1, effectSize: -1 });
    expect(r?.p).toBeCloseTo(0.31731, 4);
  });

  it('gives z = 0 and p = 1 when every value is tied', () => {
    expect(mannWhitneyU([5, 5], [5, 5, 5])).toEqual({ u: 3, z: 0, p: 1, effectSize: 0 });
  });

  it('gives a tiny p for clearly separated samples', () => {
    const low = Array.from({ length: 30 }, (_, i) => i);
    const high = Array.from({ length: 30 }, (_, i) => 100 + i);
    const r = mannWhitneyU(high, low);
    expect(r?.u).toBe(900);
    expect(r?.effectSize).toBe(1);
    expect(r?.p).toBeLessThan(1e-9);
  });
});

describe('bootstrapMedianDiffCI', () => {
  const a = [12, 15, 9, 20, 31, 14, 18, 11, 25, 16];
  const b = [3, 7, 5, 9, 4, 8, 6, 10, 2, 5];

  it('returns null when either sample is empty', () => {
    expect(bootstrapMedianDiffCI([], b)).toBeNull();
    expect(bootstrapMedianDiffCI(a, [])).toBeNull();
  });

  it('reports the observed difference of medians and an interval around it', () => {
    const r = bootstrapMedianDiffCI(a, b, { seed: 7 });
    // median(a) = (15 + 16) / 2 = 15.5, median(b) = (5 + 6) / 2 = 5.5
    expect(r?.diff).toBe(10);
    expect(r?.low).toBeGreaterThan(0); // the samples barely overlap
    expect(r?.low).toBeLessThanOrEqual(10);
    expect(r?.high).toBeGreaterThanOrEqual(10);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(bootstrapMedianDiffCI(a, b, { seed: 3 })).toEqual(bootstrapMedianDiffCI(a, b, { seed: 3 }));
    expect(bootstrapMedianDiffCI(a, b, { seed: 3 })).not.toEqual(bootstrapMedianDiffCI(a, b, { seed: 4 }));
  });

  it('gives a zero-width interval for one-element samples and widens with the level', () => {
    expect(bootstrapMedianDiffCI([4], [1], { iterations: 50 })).toEqual({ diff: 3, low: 3, high: 3 });
    const narrow = bootstrapMedianDiffCI(a, b, { level: 0.5 });
    const wide = bootstrapMedianDiffCI(a, b, { level: 0.99 });
    if (!narrow || !wide) throw new Error('unexpected null');
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
  });

  it('rejects bad options', () => {
    expect(() => bootstrapMedianDiffCI(a, b, { iterations: 0 })).toThrow(/iterations/);
    expect(() => bootstrapMedianDiffCI(a, b, { level: 1 })).toThrow(/level/);
  });
});

describe('mulberry32', () => {
  it('matches the reference sequence for seed 1 and stays in [0, 1)', () => {
    const rand = mulberry32(1);
    expect(rand()).toBeCloseTo(0.6270739405881613, 15);
    expect(rand()).toBeCloseTo(0.002735721180215478, 15);
    const more = Array.from({ length: 1000 }, rand);
    expect(Math.min(...more)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...more)).toBeLessThan(1);
  });
});

describe('fillDays', () => {
  it('fills missing days with zeros, in order, inclusive of both ends', () => {
    expect(
      fillDays(
        [
          { day: '2025-03-03', value: 4 },
          { day: '2025-03-01', value: 2 },
        ],
        '2025-03-01',
        '2025-03-04',
      ),
    ).toEqual([
      { day: '2025-03-01', value: 2 },
      { day: '2025-03-02', value: 0 },
      { day: '2025-03-03', value: 4 },
      { day: '2025-03-04', value: 0 },
    ]);
  });

  it('crosses month, leap-day and DST boundaries one day at a time', () => {
    const days = fillDays([], '2024-02-28', '2024-03-31').map((r) => r.day);
    expect(days).toHaveLength(33);
    expect(days.slice(0, 3)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(new Set(days).size).toBe(33);
  });

  it('sums repeated days and drops rows outside the range', () => {
    const rows = [
      { day: '2025-01-01', value: 1 },
      { day: '2025-01-01', value: 2 },
      { day: '2024-12-31', value: 9 },
    ];
    expect(fillDays(rows, '2025-01-01', '2025-01-01')).toEqual([{ day: '2025-01-01', value: 3 }]);
  });

  it('returns [] when the range is empty and throws on a bad day', () => {
    expect(fillDays([], '2025-01-02', '2025-01-01')).toEqual([]);
    expect(() => fillDays([], '2025-02-30', '2025-03-01')).toThrow(/firstDay.*2025-02-30/);
    expect(() => fillDays([{ day: '1/2/2025', value: 1 }], '2025-01-01', '2025-01-02')).toThrow(/rows\[0\]/);
  });
});
