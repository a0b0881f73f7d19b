import { describe, expect, it } from 'vitest';
import {
  type CohortPost,
  cohortOf,
  cohortOrder,
  compareWithHuman,
  comparisonSentence,
  fmtP,
  metricValues,
  summarizeCohorts,
} from './cohorts';
import type { PostMetrics } from './metrics';

function metrics(o: Partial<PostMetrics>): PostMetrics {
  return {
    ageDays: 400,
    lifetimeViews: 0,
    first7: null,
    first30: null,
    first90: null,
    last30: null,
    last90: null,
    viewsPerDay: null,
    peakDay: null,
    peakViews: 0,
    decay: null,
    share: null,
    botHits: 0,
    ...o,
  };
}
const post = (cohort: CohortPost['cohort'], o: Partial<PostMetrics>): CohortPost => ({ cohort, metrics: metrics(o) });

describe('cohorts', () => {
  it('puts any AI involvement in one cohort unless split, and never counts unlabelled as human', () => {
    expect(cohortOf('ai-assisted', false)).toBe('ai');
    expect(cohortOf('ai-generated', false)).toBe('ai');
    expect(cohortOf('ai-generated', true)).toBe('ai-generated');
    expect(cohortOf(null, false)).toBe('unlabelled');
    expect(cohortOf('human', true)).toBe('human');
    expect(cohortOrder(false)).toEqual(['human', 'ai', 'unlabelled']);
    expect(cohortOrder(true)).toEqual(['human', 'ai-assisted', 'ai-generated', 'unlabelled']);
  });
});

describe('summarizeCohorts', () => {
  const posts = [
    post('human', { lifetimeViews: 100, first30: 40 }),
    post('human', { lifetimeViews: 10, first30: 2 }),
    post('human', { lifetimeViews: 7, first30: null }), // younger than 30 days: left out, not zero
    post('ai', { lifetimeViews: 3, first30: 3 }),
  ];
  const s = summarizeCohorts(posts, cohortOrder(false));
  it('counts posts and sums views per cohort, empty cohorts included', () => {
    expect(s.map((c) => [c.cohort, c.n, c.totalViews])).toEqual([
      ['human', 3, 117],
      ['ai', 1, 3],
      ['unlabelled', 0, 0],
    ]);
    expect(s[2].metrics.first30).toEqual({ n: 0, median: null, q1: null, q3: null });
  });
  it('leaves posts younger than the window out of its median and quartiles', () => {
    // first30 of human: [40, 2] -> median 21, q1 = 2 + 0.25*38 = 11.5, q3 = 30.5
    expect(s[0].metrics.first30).toEqual({ n: 2, median: 21, q1: 11.5, q3: 30.5 });
    // lifetime of human: [100, 10, 7] -> median 10, q1 = 8.5, q3 = 55
    expect(s[0].metrics.lifetimeViews).toEqual({ n: 3, median: 10, q1: 8.5, q3: 55 });
  });
  it('summarizes a one-post cohort as that post', () => {
    expect(s[1].metrics.first30).toEqual({ n: 1, median: 3, q1: 3, q3: 3 });
  });
});

describe('compareWithHuman and its sentence', () => {
  it('says too few to be sure below the minimum n, with the counts, and no p-value', () => {
    const posts = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => post('ai-generated', { first30: v % 2 === 0 ? 3 : v })),
      post('human', { first30: 41 }),
    ];
    const c = compareWithHuman(posts, 'ai-generated', 'first30');
    expect(c.enough).toBe(false);
    // ai-generated first30: [1,3,3,3,5,3,7,3,9] -> sorted [1,3,3,3,3,3,5,7,9], median 3
    expect(comparisonSentence(c)).toBe(
      'AI-generated posts got a median of 3 page views in their first 30 days against 41 for human-written posts; with 9 against 1 posts, this is too few to be sure.',
    );
  });
  it('gives the interval and the test with enough posts on both sides (ties included)', () => {
    const ai = [1, 2, 2, 3, 4].map((v) => post('ai', { first30: v }));
    const human = [2, 5, 6, 7, 8].map((v) => post('human', { first30: v }));
    const c = compareWithHuman([...ai, ...human], 'ai', 'first30');
    expect(c.enough).toBe(true);
    expect(c.ci?.diff).toBe(2 - 6);
    // U of ai: pairs (x in ai, y in human) with x > y, ties one half: 3>2, 4>2, and (2,2) twice -> 1 + 1 + 0.5 + 0.5
    expect(c.test?.u).toBe(3);
    expect(c.test?.effectSize).toBeCloseTo((2 * 3) / 25 - 1); // -0.76: AI posts tend to be lower
    const text = comparisonSentence(c);
    expect(text).toMatch(
      /^AI posts got a median of 2 page views in their first 30 days against 6 for human-written posts; with 5 against 5 posts \(95% interval of the difference: -?[\d.]+ to -?[\d.]+\), /,
    );
    expect(text).toContain(fmtP(c.test!.p));
  });
  it('says there is nothing to compare when a side is empty', () => {
    const c = compareWithHuman([post('ai', { first30: 3 })], 'ai', 'first30');
    expect(c.ci).toBeNull();
    expect(c.test).toBeNull();
    expect(comparisonSentence(c)).toBe(
      'No human-written posts have a value for first 30 days yet, so there is nothing to compare.',
    );
  });
  it('skips the bootstrap when asked (metrics not in focus)', () => {
    const posts = [post('ai', { first30: 1 }), post('human', { first30: 2 })];
    expect(compareWithHuman(posts, 'ai', 'first30', false).ci).toBeNull();
    expect(metricValues(posts, 'ai', 'first30')).toEqual([1]);
  });
  it('formats p-values plainly', () => {
    expect(fmtP(0.0004)).toBe('p < 0.001');
    expect(fmtP(0.0042)).toBe('p = 0.004');
    expect(fmtP(0.2345)).toBe('p = 0.23');
  });
});

describe('comparisonSentence with no values on either side', () => {
  it('says there are no posts when both cohorts are empty, not that the data does not cover them', () => {
    const c = compareWithHuman([post('ai-assisted', { first30: 3 })], 'ai', 'first30');
    expect(c.postsA + c.postsB).toBe(0);
    expect(comparisonSentence(c)).toMatch(
      /^There are no .* or human-written posts here, so there is nothing to compare\.$/,
    );
    expect(comparisonSentence(c)).not.toMatch(/does not cover/);
  });
  it('says the data does not cover the window', () => {
    const c = compareWithHuman([post('ai', { first30: null }), post('human', { first30: null })], 'ai', 'first30');
    expect(comparisonSentence(c)).toBe(
      'No post here has a value for first 30 days yet (the data does not cover it), so there is nothing to compare.',
    );
  });
});
