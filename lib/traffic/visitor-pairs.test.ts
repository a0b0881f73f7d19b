import { describe, expect, it } from 'vitest';
import { VisitorPairs } from './visitor-pairs';

describe('VisitorPairs', () => {
  it('says whether a (row, visitor) pair is new, across growth, and lists every pair once', () => {
    const pairs = new VisitorPairs();
    const want = new Set<string>();
    // 20,000 pairs over 300 rows, each added twice: the table grows many times from its 256 slots.
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < 20_000; i++) {
        const row = i % 300;
        // Hashes as visitor-hash.ts makes them: any signed 32-bit value, also the same hash on different rows.
        const hash = Math.imul(i, 0x9e3779b1) ^ (i >>> 3);
        const key = `${row}:${hash}`;
        expect(pairs.add(row, hash)).toBe(!want.has(key));
        want.add(key);
      }
    }
    expect(pairs.size).toBe(want.size);
    const seen: string[] = [];
    pairs.forEach((row, hash) => seen.push(`${row}:${hash}`));
    expect(seen.length).toBe(want.size);
    expect(new Set(seen)).toEqual(want);
    // One visitor on two rows is two pairs; row 0 with hash 0 is a pair like any other.
    expect(pairs.add(299, 0)).toBe(!want.has('299:0'));
    expect(pairs.add(0, 0)).toBe(!want.has('0:0'));
    pairs.clear();
    expect(pairs.size).toBe(0);
    expect(pairs.add(1, 5)).toBe(true);
  });
});
