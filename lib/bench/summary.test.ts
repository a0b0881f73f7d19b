import { describe, expect, it } from 'vitest';
import { formatMetric, formatRatio, formatValue, meets, metric, summarize } from './summary';

describe('summarize', () => {
  it('gives the median, the R-7 95th percentile and the range', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    const s = summarize(samples);
    expect(s.n).toBe(100);
    expect(s.median).toBe(50.5);
    // R type 7: h = (n - 1) * p = 94.05 -> 95 + 0.05 * (96 - 95)
    expect(s.p95).toBeCloseTo(95.05, 10);
    expect([s.min, s.max]).toEqual([1, 100]);
    expect(samples[0]).toBe(100); // input left as it was
  });

  it('refuses an empty list instead of inventing a zero', () => {
    expect(() => summarize([])).toThrow(/no samples/);
  });
});

describe('metric', () => {
  it('computes the ratio to the baseline and the verdict', () => {
    const m = metric({
      key: 'k',
      label: 'import',
      value: 1800,
      unit: 'ms',
      baseline: { label: 'readline', value: 600 },
      target: { max: 2000, text: '≤ 2.0 s' },
    });
    expect(m.ratio).toBe(3);
    expect(m.met).toBe(true);
    expect(formatMetric(m)).toBe('import: 1.80 s  (3.00× of readline 600.0 ms)  target ≤ 2.0 s: met');
  });

  it('shows the CPU time beside the wall time when it was measured', () => {
    const m = metric({ key: 'k', label: 'query', value: 40, unit: 'ms', cpuMs: 12.5 });
    expect(formatMetric(m)).toBe('query: 40.0 ms (CPU 12.5 ms)');
  });

  it('marks a missed target and leaves the ratio out when the baseline is zero', () => {
    const m = metric({
      key: 'k',
      label: 'x',
      value: 3,
      unit: 'count',
      baseline: { label: 'b', value: 0 },
      target: { max: 0, text: 'zero' },
    });
    expect(m.ratio).toBeUndefined();
    expect(m.met).toBe(false);
    expect(formatMetric(m)).toContain('n/a of b');
    expect(formatMetric(m)).toContain('MISSED');
  });
});

describe('meets', () => {
  it('includes both ends', () => {
    expect(meets(25, { max: 25, text: '' })).toBe(true);
    expect(meets(25.01, { max: 25, text: '' })).toBe(false);
    expect(meets(10, { min: 10, text: '' })).toBe(true);
    expect(meets(9, { min: 10, max: 20, text: '' })).toBe(false);
  });
});

describe('formatValue', () => {
  it.each([
    [1840, 'ms', '1.84 s'],
    [12.34, 'ms', '12.3 ms'],
    [1.5, 'ms', '1.50 ms'],
    [0.412, 'ms', '0.412 ms'],
    [0.041, 'ms', '41.0 µs'],
    [512, 'bytes', '512 B'],
    [218_522, 'bytes', '213.4 KB'],
    [3 * 1024 * 1024, 'bytes', '3.0 MB'],
    [1234.4, 'req/s', '1,234 req/s'],
    [42.25, 'req/s', '42.3 req/s'],
    [550_000, 'lines/s', '550,000 lines/s'],
    [1.5, 'ratio', '1.50×'],
    [3, 'count', '3'],
  ] as const)('%s %s -> %s', (v, unit, text) => {
    expect(formatValue(v, unit)).toBe(text);
  });

  it('formats ratios with enough digits', () => {
    expect(formatRatio(0.4231)).toBe('0.42×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(1234.5)).toBe('1,235×');
    expect(formatRatio(0.0029)).toBe('0.0029×');
  });
});
