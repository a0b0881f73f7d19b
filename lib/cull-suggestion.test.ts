import { describe, expect, it } from 'vitest';
import {
  type CullInput,
  type CullPostRow,
  cullInputs,
  cullThresholdsSchema,
  DEFAULT_CULL_THRESHOLDS,
  suggestCull,
} from './cull-suggestion';

const base: CullInput = {
  label: 'human',
  ageDays: 400,
  first30Views: 50,
  first30Cutoff: 10,
  daysWithoutViews: 3,
  recentShare: 0.01,
};

describe('suggestCull', () => {
  it('keeps a post with no weak signal and says why', () => {
    const s = suggestCull(base);
    expect(s.verdict).toBe('keep');
    expect(s.reasons[0]).toMatch(/^no weak signal: first-30-day views above the bottom 20%/);
  });
  it('one weak signal asks for a review, two make a cull candidate', () => {
    expect(suggestCull({ ...base, first30Views: 10 })).toEqual({
      verdict: 'review',
      reasons: ['bottom 20% of first-30-day views (10, cut-off 10)'],
    });
    expect(suggestCull({ ...base, first30Views: 2, daysWithoutViews: 200 })).toEqual({
      verdict: 'cull-candidate',
      reasons: ['bottom 20% of first-30-day views (2, cut-off 10)', 'no human page views in 200 days'],
    });
  });
  it('counts AI-generated as a weak signal by default, AI-assisted only with any-ai, never with never', () => {
    expect(suggestCull({ ...base, label: 'ai-generated' })).toEqual({ verdict: 'review', reasons: ['AI-generated'] });
    expect(suggestCull({ ...base, label: 'ai-assisted' }).verdict).toBe('keep');
    const anyAi = { ...DEFAULT_CULL_THRESHOLDS, aiCounts: 'any-ai' as const };
    expect(suggestCull({ ...base, label: 'ai-assisted', daysWithoutViews: 181 }, anyAi)).toEqual({
      verdict: 'cull-candidate',
      reasons: ['no human page views in 181 days', 'AI-assisted'],
    });
    const never = { ...DEFAULT_CULL_THRESHOLDS, aiCounts: 'never' as const };
    expect(suggestCull({ ...base, label: 'ai-generated' }, never).verdict).toBe('keep');
  });
  it('keeps a post that still earns its share of traffic, whatever else', () => {
    const s = suggestCull({ ...base, label: 'ai-generated', first30Views: 0, daysWithoutViews: 0, recentShare: 0.12 });
    expect(s).toEqual({ verdict: 'keep', reasons: ['still earning 12% of traffic (last 90 days)'] });
    expect(suggestCull({ ...base, recentShare: 0.049 }).reasons[0]).toMatch(/^no weak signal/);
  });
  it('calls a post younger than minAgeDays too new to judge', () => {
    expect(suggestCull({ ...base, ageDays: 12, label: 'ai-generated', first30Views: 0 })).toEqual({
      verdict: 'keep',
      reasons: ['published 12 days ago: too new to judge (under 90 days)'],
    });
  });
  it('never counts a window the data cannot decide against a post', () => {
    const s = suggestCull({ ...base, first30Views: null, daysWithoutViews: null, recentShare: null });
    expect(s).toEqual({ verdict: 'keep', reasons: ['not enough traffic data to judge'] });
  });
  it('validates thresholds and documents the defaults', () => {
    expect(DEFAULT_CULL_THRESHOLDS).toEqual({
      bottomPercent: 20,
      staleDays: 180,
      keepSharePercent: 5,
      minAgeDays: 90,
      aiCounts: 'ai-generated',
    });
    expect(cullThresholdsSchema.safeParse({ bottomPercent: '0' }).success).toBe(false);
    expect(cullThresholdsSchema.parse({ bottomPercent: '25' }).bottomPercent).toBe(25);
  });
});

describe('cullInputs', () => {
  const cov = { firstDay: '2024-01-01', lastDay: '2024-12-31' };
  const row = (id: number, o: Partial<CullPostRow>): CullPostRow => ({
    id,
    label: null,
    publishedDay: '2024-02-01',
    first30Views: 0,
    lastViewDay: '2024-12-01',
    last90Views: 0,
    ...o,
  });
  it('takes the bottom cut-off over posts whose first 30 days are covered (R type 7)', () => {
    const rows = [
      row(1, { first30Views: 1 }),
      row(2, { first30Views: 2 }),
      row(3, { first30Views: 3 }),
      row(4, { first30Views: 4 }),
      row(5, { first30Views: 5 }),
      row(6, { first30Views: 999, publishedDay: '2023-06-01' }), // published before the data: not comparable
      row(7, { first30Views: 0, publishedDay: '2024-12-20' }), // younger than 30 days: not comparable
    ];
    const m = cullInputs(rows, cov, DEFAULT_CULL_THRESHOLDS);
    // quantile([1,2,3,4,5], 0.2) = 1 + 0.2*4 = 1.8
    expect(m.get(1)?.first30Cutoff).toBeCloseTo(1.8);
    expect(m.get(6)?.first30Views).toBeNull();
    expect(m.get(7)?.first30Views).toBeNull();
    expect(m.get(7)?.ageDays).toBe(11);
  });
  it('leaves the cut-off out with fewer than 5 comparable posts', () => {
    const m = cullInputs([row(1, { first30Views: 1 }), row(2, {})], cov, DEFAULT_CULL_THRESHOLDS);
    expect(m.get(1)?.first30Cutoff).toBeNull();
  });
  it('counts days without views from the last view, or over the covered span for a post never viewed', () => {
    const m = cullInputs(
      [
        row(1, { lastViewDay: '2024-06-01' }),
        row(2, { lastViewDay: null, publishedDay: '2024-01-10' }),
        row(3, { lastViewDay: null, publishedDay: '2024-11-01' }),
      ],
      cov,
      DEFAULT_CULL_THRESHOLDS,
    );
    expect(m.get(1)?.daysWithoutViews).toBe(213);
    expect(m.get(2)?.daysWithoutViews).toBe(357); // 2024-01-10 .. 2024-12-31 inclusive (2024 is a leap year)
    expect(m.get(3)?.daysWithoutViews).toBeNull(); // 61 silent days prove nothing against 180
  });
  it('gives each post its share of the last 90 days, null when nobody read anything', () => {
    const m = cullInputs([row(1, { last90Views: 3 }), row(2, { last90Views: 1 })], cov, DEFAULT_CULL_THRESHOLDS);
    expect(m.get(1)?.recentShare).toBe(0.75);
    const none = cullInputs([row(1, {})], cov, DEFAULT_CULL_THRESHOLDS);
    expect(none.get(1)?.recentShare).toBeNull();
  });
});
