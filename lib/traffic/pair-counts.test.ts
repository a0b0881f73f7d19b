import { describe, expect, it } from 'vitest';
import { PairCounts } from './pair-counts';

describe('PairCounts', () => {
  it('adds up the counts of each (a, b) pair across growth and lists every pair once', () => {
    const counts = new PairCounts();
    const want = new Map<string, number>();
    // 30,000 additions over 5,000 pairs: the table grows from 1,024 slots several times.
    for (let i = 0; i < 30_000; i++) {
      const a = (i * 7) % 1000;
      const b = i % 5;
      const n = (i % 3) + 1;
      counts.add(a, b, n);
      want.set(`${a}:${b}`, (want.get(`${a}:${b}`) ?? 0) + n);
    }
    // Key 0 on either side is a key like any other.
    counts.add(0, 0, 5);
    want.set('0:0', (want.get('0:0') ?? 0) + 5);
    expect(counts.size).toBe(want.size);
    const got = new Map<string, number>();
    counts.forEach((a, b, n) => {
      expect(got.has(`${a}:${b}`)).toBe(false);
      got.set(`${a}:${b}`, n);
    });
    expect(got).toEqual(want);
    counts.clear();
    expect(counts.size).toBe(0);
  });
});
