import { describe, expect, it } from 'vitest';
import { type CohortKey, compareSentence, summarizeCohorts } from './cohorts';

const NAMES: Record<CohortKey, string> = { human: 'Human-written', 'ai-assisted': 'AI-assisted', 'ai-generated': 'AI-generated', unlabelled: 'Unlabelled' };
const ORDER: CohortKey[] = ['human', 'ai-assisted', 'ai-generated', 'unlabelled'];

describe('summarizeCohorts', () => {
  const posts = [
    { cohort: 'human' as const, lifetimeViews: 100, first30Views: 40, first30Complete: true },
    { cohort: 'human' as const, lifetimeViews: 10, first30Views: 2, first30Complete: true },
    { cohort: 'human' as const, lifetimeViews: 7, first30Views: 7, first30Complete: false },
    { cohort: 'ai-generated' as const, lifetimeViews: 3, first30Views: 3, first30Complete: true },
  ];
  const s = summarizeCohorts(posts, ORDER);
  it('counts posts and sums views per cohort, empty cohorts included', () => {
    expect(s.map((c) => c.n)).toEqual([3, 0, 1, 0]);
    expect(s[0].totalViews).toBe(117);
    expect(s[1].medianViews).toBeNull();
  });
  it('leaves posts younger than 30 days out of the first-30 median instead of counting them as zero', () => {
    expect(s[0].nFirst30).toBe(2);
    expect(s[0].medianFirst30).toBe(21);
    expect(s[0].medianViews).toBe(10);
  });
  it('says the comparison is too small when a cohort has fewer than 5 posts', () => {
    const text = compareSentence(s, NAMES);
    expect(text).toContain('AI-generated posts got a median of 3 page views in their first 30 days (n = 1)');
    expect(text).toContain('against 21 for human-written posts (n = 2)');
    expect(text).toContain('too few to be sure');
  });
  it('asks for labels when no cohort can be compared', () => {
    expect(compareSentence(summarizeCohorts([], ORDER), NAMES)).toMatch(/^No comparison yet/);
  });
});
