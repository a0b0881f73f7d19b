import { describe, expect, it } from 'vitest';
import { fastBootstrapMedianDiffCI } from './cohorts-bootstrap';
import { mulberry32 } from './random';
import { bootstrapMedianDiffCI } from './stats';

describe('fastBootstrapMedianDiffCI', () => {
  it('gives exactly the interval of bootstrapMedianDiffCI for the same seed (odd, even, tied, one-post samples)', () => {
    const rand = mulberry32(42);
    const cases: [number[], number[]][] = [
      [
        [1, 2, 3, 4, 5],
        [10, 20, 30],
      ],
      [
        [4, 4, 4, 1, 9, 9],
        [0, 0, 0, 0],
      ],
      [[7], [3, 8]],
      [Array.from({ length: 201 }, () => Math.floor(rand() * 50)), Array.from({ length: 150 }, () => rand() * 80)],
    ];
    for (const [a, b] of cases) {
      for (const seed of [1, 7]) {
        expect(fastBootstrapMedianDiffCI(a, b, { seed, iterations: 500 })).toEqual(
          bootstrapMedianDiffCI(a, b, { seed, iterations: 500 }),
        );
      }
    }
  });
  it('returns null for an empty sample and rejects bad options', () => {
    expect(fastBootstrapMedianDiffCI([], [1])).toBeNull();
    expect(() => fastBootstrapMedianDiffCI([1], [1], { iterations: 0 })).toThrow(/iterations/);
    expect(() => fastBootstrapMedianDiffCI([1], [1], { level: 1 })).toThrow(/level/);
  });
  it('does not reorder its inputs', () => {
    const a = [3, 1, 2];
    fastBootstrapMedianDiffCI(a, [5, 4]);
    expect(a).toEqual([3, 1, 2]);
  });
});
