import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine } from './progress';

describe('progress for long imports', () => {
  it.each([
    [5, '5 s'],
    [65, '1 min 05 s'],
    [3725, '1 h 02 min'],
    [Number.NaN, '?'],
  ])('formatDuration(%d) = %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it('a plain line states percent, lines, rate and time left', () => {
    expect(progressLine('access.log', 120_000, 25, 100, 2_000)).toBe(
      'access.log: 25% (120,000 lines, 60,000 lines/s, about 6 s left)',
    );
  });

  it('without a terminal, prints a line at most every interval', () => {
    let t = 0;
    const lines: string[] = [];
    const p = createProgress({
      label: 'a.log',
      totalBytes: 1000,
      tty: false,
      write: (l) => lines.push(l),
      intervalMs: 10_000,
      now: () => t,
    });
    for (const [ms, bytes] of [
      [1_000, 100],
      [9_000, 200],
      [10_500, 300],
      [15_000, 400],
      [21_000, 500],
    ]) {
      t = ms;
      p.update(bytes * 10, bytes);
    }
    p.stop();
    expect(lines).toEqual([
      'a.log: 30% (3,000 lines, 286 lines/s, about 25 s left)',
      'a.log: 50% (5,000 lines, 238 lines/s, about 21 s left)',
    ]);
  });
});
