import { describe, expect, it } from 'vitest';
import { cosine, fitTfIdf, MIN_SIMILARITY, postTerms, suggestTargets, titleTokens } from './plan-similarity';

const post = (id: number, title: string, tags: string[] = [], publishedAt = '2024-01-01') => ({
  id,
  title,
  tags,
  publishedAt,
});

describe('tokens', () => {
  it('lowercases, folds accents, drops stopwords and one-letter words', () => {
    expect(titleTokens('Why I Stopped Digging — the Café Beds')).toEqual(['stopped', 'digging', 'cafe', 'beds']);
  });
  it('adds each tag whole and its words', () => {
    expect(postTerms('Beans', ['Raised Beds'])).toEqual(['beans', 'tag:raised beds', 'raised', 'beds']);
  });
});

describe('TF-IDF cosine', () => {
  it('is 1 for the same text, 0 for nothing in common, and symmetric', () => {
    const docs = [post(1, 'runner beans in june'), post(2, 'bike chain wax'), post(3, 'runner beans again')];
    const m = fitTfIdf(docs);
    const [a, b, c] = docs.map((d) => m.vector(d));
    expect(cosine(a, a)).toBeCloseTo(1, 9);
    expect(cosine(a, b)).toBe(0);
    expect(cosine(a, c)).toBeCloseTo(cosine(c, a), 12);
    expect(cosine(a, c)).toBeGreaterThan(0);
  });
  it('weighs a rare shared word above a common one', () => {
    const docs = [
      post(1, 'notes garden tomatoes'),
      post(2, 'notes garden peppers'),
      post(3, 'notes bike tomatoes'),
      post(4, 'notes garden compost'),
      post(5, 'notes garden shed'),
    ];
    const m = fitTfIdf(docs);
    const v = docs.map((d) => m.vector(d));
    // 1 shares "garden" (common) with 2 and "tomatoes" (rare) with 3: the rare word wins.
    expect(cosine(v[0], v[2])).toBeGreaterThan(cosine(v[0], v[1]));
  });
});

describe('suggestTargets', () => {
  const kept = [
    post(10, 'Growing runner beans up a wigwam', ['Allotment', 'beans'], '2024-05-01'),
    post(11, 'Waxing a bike chain properly', ['Cycling'], '2024-06-01'),
    post(12, 'Runner beans: a second year', ['Allotment', 'beans'], '2024-07-01'),
  ];
  const culled = [
    post(1, 'Five facts about runner beans', ['beans']),
    post(2, 'Quantum computing explained', ['Tech']),
  ];
  const all = [...kept, ...culled];

  it('picks the most similar kept post, ranks the rest, and falls back to home below the threshold', () => {
    const s = suggestTargets(all, culled, kept);
    const beans = s.get(1);
    expect([10, 12]).toContain(beans?.postId);
    expect(beans?.score).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(
      beans?.ranked
        .map((r) => r.postId)
        .slice(0, 2)
        .sort(),
    ).toEqual([10, 12]);
    expect(beans?.ranked.at(-1)?.postId).toBe(11);
    const quantum = s.get(2);
    expect(quantum?.postId).toBeNull();
    expect(quantum?.score).toBeLessThan(MIN_SIMILARITY);
  });

  it('breaks a tie by the newer post, so the answer never depends on input order', () => {
    const twins = [
      post(20, 'Pruning apple trees', [], '2023-01-01'),
      post(21, 'Pruning apple trees', [], '2025-01-01'),
    ];
    const c = [post(3, 'Pruning apple trees in winter')];
    expect(suggestTargets([...twins, ...c], c, twins).get(3)?.postId).toBe(21);
    expect(suggestTargets([...twins, ...c], c, [...twins].reverse()).get(3)?.postId).toBe(21);
  });

  it('never suggests the post itself, and home when nothing is kept', () => {
    const self = post(5, 'Runner beans', ['beans']);
    expect(suggestTargets([self], [self], [self]).get(5)?.postId).toBeNull();
    expect(suggestTargets(all, culled, []).get(1)).toEqual({ postId: null, score: 0, ranked: [] });
  });
});
