import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { describeAgreement } from './agreement-words';
import { FEATURE_IDS, featureValues, fitScaler, rawVector, standardize } from './features';
import {
  blend,
  canLearn,
  type Example,
  FOLDS,
  fitModel,
  heldOutAgreement,
  heldOutMethod,
  heldOutScores,
  type LabelledPost,
  LOO_MAX,
  MAX_MODEL_SHARE,
  modelShare,
  predict,
  rulesAgreement,
  sideOf,
} from './learn';
import { computeSignals } from './signals';

const D = FEATURE_IDS.length;
const vec = (first: number, noise: () => number) =>
  Array.from({ length: D }, (_, j) => (j === 0 ? first : 0) + noise());

describe('features', () => {
  it('keeps every signal value, fired or not, by id', () => {
    const values = featureValues(
      computeSignals({ title: 'Carrots: a confession', content: 'I went home. I slept.', publishedAt: null }),
    );
    expect(Object.keys(values).sort()).toEqual([...FEATURE_IDS].sort());
    expect(values['title-pattern']).toBe(1);
    expect(values['first-person']).toBeGreaterThan(0);
  });

  it('log-scales, standardizes and clips outliers to ±3', () => {
    const rows = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1000].map((v) => rawVector({ 'stock-phrases': v }));
    expect(rows[9][0]).toBeCloseTo(Math.log1p(1000));
    const s = fitScaler(rows);
    expect(standardize(rows[9], s)[0]).toBeLessThanOrEqual(3);
    expect(standardize(rows[0], s)[0]).toBeLessThan(0);
    // A column with no spread standardizes to 0 rather than dividing by zero.
    expect(standardize(rows[0], s)[1]).toBe(0);
  });
});

describe('fitting', () => {
  it('needs 3 labels on each side', () => {
    const ex = (ai: boolean): Example => ({ x: vec(ai ? 1 : -1, () => 0), ai });
    expect(canLearn([ex(true), ex(true), ex(true), ex(false), ex(false)])).toBe(false);
    expect(canLearn([ex(true), ex(true), ex(true), ex(false), ex(false), ex(false)])).toBe(true);
    expect(() => fitModel([ex(true), ex(false)])).toThrow(/at least 3/);
  });

  it('learns the direction of a feature that separates the sides', () => {
    const r = mulberry32(7);
    const examples: Example[] = Array.from({ length: 20 }, (_, i) => ({
      ai: i % 2 === 0,
      x: vec(i % 2 === 0 ? 1 : -1, () => r() - 0.5),
    }));
    const m = fitModel(examples);
    expect(m.weights[0]).toBeGreaterThan(0.5);
    expect(Math.abs(m.weights[0])).toBeGreaterThan(Math.max(...m.weights.slice(1).map(Math.abs)));
    expect(
      predict(
        m,
        vec(1, () => 0),
      ),
    ).toBeGreaterThan(0.7);
    expect(
      predict(
        m,
        vec(-1, () => 0),
      ),
    ).toBeLessThan(0.3);
    expect(m).toMatchObject({ nAi: 10, nHuman: 10 });
  });
});

describe('blending', () => {
  it('gives the model more say as labels grow, up to the cap', () => {
    expect(modelShare(0)).toBe(0);
    expect(modelShare(6)).toBeCloseTo(6 / 16);
    expect(modelShare(10)).toBeCloseTo(0.5);
    expect(modelShare(1000)).toBe(MAX_MODEL_SHARE);
  });

  it('blends in log-odds and stays within 0..1', () => {
    expect(blend(0.9, 0.9, 0.5)).toBeCloseTo(0.9, 2);
    expect(blend(0.9, 0.1, 0.5)).toBeCloseTo(0.5, 2);
    expect(blend(0.9, 0.1, 0)).toBeCloseTo(0.9, 2);
    expect(blend(1, 0, 0.8)).toBeGreaterThan(0);
    expect(blend(1, 1, 0.8)).toBeLessThan(1);
  });

  it('maps scores to sides with the suggestion cut-offs', () => {
    expect(sideOf(0.85)).toBe('ai');
    expect(sideOf(0.6)).toBe('ai');
    expect(sideOf(0.45)).toBe('unsure');
    expect(sideOf(0.29)).toBe('human');
  });
});

/**
 * A blog the rules misread: its author writes human posts as tidy, impersonal lists (rule score 0.65, "AI"), while
 * its AI posts score 0.85. What tells them apart on this blog is feature 0 (say, sentence-length variation).
 */
function misreadBlog(n: number, seed = 3): LabelledPost[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const ai = i % 2 === 0;
    return { ai, ruleScore: ai ? 0.85 : 0.65, x: vec(ai ? 1.2 : -1.2, () => (r() - 0.5) * 1.5) };
  });
}

describe('learning from labels (held out)', () => {
  it('labels in, better agreement out: the model fixes what the rules get wrong on this blog', () => {
    const posts = misreadBlog(20);
    const rules = rulesAgreement(posts);
    expect(rules.agree).toBe(10);
    expect(rules.humanCalledAi).toBe(10);
    const learned = heldOutAgreement(posts);
    expect(learned.method).toBe('leave-one-out');
    expect(learned.agree).toBeGreaterThan(rules.agree);
    expect(learned.humanCalledAi).toBeLessThan(rules.humanCalledAi);
  });

  it('more labels help more', () => {
    const few = heldOutAgreement(misreadBlog(8));
    const many = heldOutAgreement(misreadBlog(40));
    expect(many.agree / many.n).toBeGreaterThan(few.agree / few.n);
  });

  it('never uses a post label to score that post', () => {
    const posts = misreadBlog(12);
    const before = heldOutScores(posts)[0];
    // Flipping post 0's own label must not change its held-out score.
    const flipped = posts.map((p, i) => (i === 0 ? { ...p, ai: !p.ai } : p));
    expect(heldOutScores(flipped)[0]).toEqual(before);
  });

  it('falls back to the rules when leaving a post out leaves too few labels', () => {
    const posts = misreadBlog(6); // 3 per side: leaving one out leaves 2 on its side
    expect(heldOutScores(posts).map((s) => s.model)).toEqual(Array(6).fill(null));
    expect(heldOutAgreement(posts).agree).toBe(rulesAgreement(posts).agree);
  });

  it(`switches to ${FOLDS} groups past ${LOO_MAX} labels`, () => {
    expect(heldOutMethod(LOO_MAX)).toBe('leave-one-out');
    expect(heldOutMethod(LOO_MAX + 1)).toBe('k-fold');
    const a = heldOutAgreement(misreadBlog(LOO_MAX + 20));
    expect(a.method).toBe('k-fold');
    expect(a.n).toBe(LOO_MAX + 20);
    expect(a.agree).toBeGreaterThan(rulesAgreement(misreadBlog(LOO_MAX + 20)).agree);
  });
});

describe('describeAgreement', () => {
  const agreement = { n: 19, agree: 17, disagree: 1, unsure: 1, humanCalledAi: 1 };
  it('says it in words once learned', () => {
    const s = describeAgreement({
      learned: true,
      nHuman: 9,
      nAi: 10,
      agreement,
      rules: { ...agreement, agree: 12 },
      method: 'leave-one-out',
    });
    expect(s).toContain('agrees with 17 of your 19 labels (1 unsure, 1 disagrees)');
    expect(s).toContain('leave-one-out');
    expect(s).toContain('1 human post called AI');
    expect(s).toContain('The rules alone agree with 12');
  });

  it('says how many more labels are needed before learning', () => {
    const a = { n: 3, agree: 3, disagree: 0, unsure: 0, humanCalledAi: 0 };
    const s = describeAgreement({ learned: false, nHuman: 3, nAi: 0, agreement: a, rules: a, method: 'rules-only' });
    expect(s).toBe(
      'The rules agree with 3 of your 3 labels. Label 3 more AI posts and Tend starts learning your blog.',
    );
    expect(describeAgreement(null)).toMatch(/^No labels yet/);
  });
});
