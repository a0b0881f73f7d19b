import { describe, expect, it } from 'vitest';
import { asBenchResults, type BenchResults, comparable, compareRuns, formatChange } from './compare';
import type { Metric } from './summary';

function run(metrics: Pick<Metric, 'key' | 'value' | 'unit'>[], mode: 'full' | 'quick' = 'full'): BenchResults {
  return {
    version: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    mode,
    env: {},
    sizes: {},
    metrics: metrics.map((m) => ({ ...m, label: m.key })),
    skipped: [],
  };
}

describe('compareRuns', () => {
  it('says better or worse by the unit: less time is better, more requests per second is better', () => {
    const before = run([
      { key: 'import', value: 2000, unit: 'ms' },
      { key: 'rps', value: 100, unit: 'req/s' },
      { key: 'js', value: 1000, unit: 'bytes' },
    ]);
    const now = run([
      { key: 'import', value: 1500, unit: 'ms' },
      { key: 'rps', value: 80, unit: 'req/s' },
      { key: 'js', value: 1050, unit: 'bytes' },
    ]);
    const c = Object.fromEntries(compareRuns(before, now).map((x) => [x.key, x]));
    expect(c.import.verdict).toBe('better');
    expect(c.import.change).toBeCloseTo(-0.25, 10);
    expect(c.rps.verdict).toBe('worse');
    expect(c.js.verdict).toBe('same'); // +5% is under the 10% noise threshold
  });

  it('leaves out metrics only one run has, or whose unit changed', () => {
    const c = compareRuns(
      run([
        { key: 'a', value: 1, unit: 'ms' },
        { key: 'b', value: 1, unit: 'ms' },
      ]),
      run([
        { key: 'a', value: 1, unit: 'bytes' },
        { key: 'c', value: 1, unit: 'ms' },
      ]),
    );
    expect(c).toEqual([]);
  });

  it('formats a change with both values and the sign', () => {
    const [c] = compareRuns(run([{ key: 'a', value: 2000, unit: 'ms' }]), run([{ key: 'a', value: 2500, unit: 'ms' }]));
    expect(formatChange(c)).toBe('a: 2.00 s -> 2.50 s (+25.0%, worse)');
  });
});

describe('comparable', () => {
  it('does not compare a quick run with a full one', () => {
    expect(comparable(run([], 'quick'), run([], 'full'))).toMatch(/quick run/);
    expect(comparable(run([]), run([]))).toBeNull();
  });
});

describe('asBenchResults', () => {
  it('accepts a results file and rejects anything else', () => {
    const r = run([{ key: 'a', value: 1, unit: 'ms' }]);
    expect(asBenchResults(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(asBenchResults(null)).toBeNull();
    expect(asBenchResults({ ...r, version: 2 })).toBeNull();
    expect(asBenchResults({ ...r, metrics: [{ key: 'a', value: '1', unit: 'ms' }] })).toBeNull();
  });
});
