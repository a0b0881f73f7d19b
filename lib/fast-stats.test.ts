/**
 * The overview's statistics were made cheaper (typed-array Mann-Whitney, bootstrap by distinct value, metrics on day
 * numbers): these tests hold them to the numbers of the former, plainer implementations, transcribed here.
 */
import * as ss from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { fastBootstrapMedianDiffCI } from './cohorts-bootstrap';
import { addDays, type Coverage, daysBetween, metricsFromSums, type PostSums } from './metrics';
import { mulberry32 } from './random';
import { bootstrapMedianDiffCI, mannWhitneyU } from './stats';

/** The former mannWhitneyU: pooled objects sorted together, average ranks walked group by group. */
function pooledMannWhitney(a: number[], b: number[]) {
  const na = a.length;
  const nb = b.length;
  const pooled = [...a.map((v) => ({ v, fromA: true })), ...b.map((v) => ({ v, fromA: false }))].sort(
    (x, y) => x.v - y.v,
  );
  const n = pooled.length;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && pooled[j + 1].v === pooled[i].v) j++;
    const t = j - i + 1;
    const avgRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (pooled[k].fromA) rankSumA += avgRank;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const u = rankSumA - (na * (na + 1)) / 2;
  const variance = n > 1 ? ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1))) : 0;
  const z = variance > 0 ? (u - (na * nb) / 2) / Math.sqrt(variance) : 0;
  const p = Math.min(1, 2 * (1 - 0.5 * (1 + ss.errorFunction(Math.abs(z) / Math.SQRT2))));
  return { u, z, p, effectSize: (2 * u) / (na * nb) - 1 };
}

/** Samples as the overview sees them: many ties (page views), fractions (views per day), zeros, one-post cohorts. */
function samples(seed: number): [number[], number[]][] {
  const rand = mulberry32(seed);
  const counts = (n: number, max: number) => Array.from({ length: n }, () => Math.floor(rand() * max));
  const rates = (n: number) => Array.from({ length: n }, () => Math.round(rand() * 5000) / 97);
  return [
    [counts(661, 400), counts(481, 300)],
    [counts(300, 3), counts(250, 3)],
    [rates(120), rates(80)],
    [[0, 0, 0], counts(40, 10)],
    [[7], [7]],
    [counts(1, 5), rates(3)],
    [
      [-1, 2.5, 2.5, -0, 0],
      [0, 0, -3],
    ],
  ];
}

describe('mannWhitneyU', () => {
  it('gives exactly the numbers of the pooled-sort implementation', () => {
    for (const seed of [1, 2, 3])
      for (const [a, b] of samples(seed)) expect(mannWhitneyU(a, b)).toEqual(pooledMannWhitney(a, b));
  });
  it('refuses NaN instead of ranking it', () => {
    expect(() => mannWhitneyU([1, Number.NaN], [2])).toThrow(/NaN/);
  });
});

describe('fastBootstrapMedianDiffCI', () => {
  it('gives exactly the interval of bootstrapMedianDiffCI on overview-sized, tied and fractional samples', () => {
    for (const seed of [1, 5])
      for (const [a, b] of samples(seed))
        expect(fastBootstrapMedianDiffCI(a, b, { seed, iterations: 300 })).toEqual(
          bootstrapMedianDiffCI(a, b, { seed, iterations: 300 }),
        );
  });
  it('starts from the same state for seeds beyond 32 bits, as mulberry32 does', () => {
    const [a, b] = samples(9)[0];
    expect(fastBootstrapMedianDiffCI(a, b, { seed: 2 ** 32 + 3, iterations: 50 })).toEqual(
      bootstrapMedianDiffCI(a, b, { seed: 3, iterations: 50 }),
    );
  });
});

/** The former metricsFromSums coverage rules, on day strings. */
function formerMetrics(s: PostSums, pd: string | null, cov: Coverage, siteTotal: number) {
  const covered =
    !pd || !cov.firstDay || !cov.lastDay || pd < cov.firstDay ? 0 : Math.max(0, daysBetween(pd, cov.lastDay) + 1);
  const lastOk = (n: number) => {
    if (!pd || !cov.firstDay || !cov.lastDay) return false;
    const start = addDays(cov.lastDay, -(n - 1));
    return pd <= start && cov.firstDay <= start;
  };
  const first = (n: number, v: number) => (n <= covered ? v : null);
  const last = (n: number, v: number) => (lastOk(n) ? v : null);
  const ageDays = pd && cov.lastDay ? daysBetween(pd, cov.lastDay) : null;
  let viewsPerDay: number | null = null;
  if (pd && cov.firstDay && cov.lastDay) {
    const days = daysBetween(pd > cov.firstDay ? pd : cov.firstDay, cov.lastDay) + 1;
    viewsPerDay = days > 0 ? s.sincePublishViews / days : null;
  }
  const first90 = first(90, s.first90Views);
  const last90 = last(90, s.last90Views);
  return {
    ageDays,
    lifetimeViews: s.lifetimeViews,
    first7: first(7, s.first7Views),
    first30: first(30, s.first30Views),
    first90,
    last30: last(30, s.last30Views),
    last90,
    viewsPerDay,
    peakDay: s.peakDay,
    peakViews: s.peakViews,
    decay:
      first90 !== null && last90 !== null && first90 > 0 && ageDays !== null && ageDays >= 179
        ? last90 / first90
        : null,
    share: siteTotal > 0 ? s.lifetimeViews / siteTotal : null,
    botHits: s.botHits,
  };
}

describe('metricsFromSums', () => {
  it('applies the coverage rules exactly as they read on day strings', () => {
    const rand = mulberry32(11);
    const covs: Coverage[] = [
      { firstDay: '2024-01-10', lastDay: '2024-06-30' },
      { firstDay: '2023-02-01', lastDay: '2024-12-31' },
      { firstDay: null, lastDay: null },
      { firstDay: '2024-03-01', lastDay: '2024-03-01' },
    ];
    for (let i = 0; i < 400; i++) {
      const cov = covs[i % covs.length];
      const pd = rand() < 0.1 ? null : addDays('2023-01-01', Math.floor(rand() * 800));
      const v = () => Math.floor(rand() * 100);
      const sums: PostSums = {
        lifetimeViews: v(),
        botHits: v(),
        first7Views: v(),
        first30Views: v(),
        first90Views: rand() < 0.2 ? 0 : v(),
        last30Views: v(),
        last90Views: v(),
        sincePublishViews: v(),
        peakDay: pd,
        peakViews: v(),
      };
      const site = rand() < 0.1 ? 0 : 1000;
      expect(metricsFromSums(sums, pd, cov, site), `post ${i}`).toEqual(formerMetrics(sums, pd, cov, site));
    }
  });
});
