import { describe, expect, it } from 'vitest';
import { confusion, fmtRate } from './evaluate';

describe('confusion', () => {
  it('counts hits, false alarms and unsure suggestions with the suggestion cut-offs', () => {
    const c = confusion([
      { score: 0.9, ai: true }, // tp
      { score: 0.65, ai: true }, // tp (ai-assisted counts as AI)
      { score: 0.1, ai: true }, // fn
      { score: 0.45, ai: true }, // unsure
      { score: 0.7, ai: false }, // fp
      { score: 0.2, ai: false }, // tn
      { score: 0.29, ai: false }, // tn
      { score: 0.3, ai: false }, // unsure (0.3 is not under the human cut-off)
    ]);
    expect(c).toMatchObject({ n: 8, tp: 2, fn: 1, unsureAi: 1, fp: 1, tn: 2, unsureHuman: 1 });
    expect(c.precision).toBeCloseTo(2 / 3);
    expect(c.recall).toBeCloseTo(2 / 4);
    expect(c.falsePositiveRate).toBeCloseTo(1 / 4);
  });

  it('has no rates without a denominator', () => {
    const c = confusion([{ score: 0.1, ai: false }]);
    expect(c.precision).toBeNull();
    expect(c.recall).toBeNull();
    expect(c.falsePositiveRate).toBe(0);
    expect(fmtRate(null)).toBe('n/a');
    expect(fmtRate(0.5)).toBe('0.50');
  });
});
