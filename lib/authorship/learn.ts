/**
 * The per-blog model: once the author has labelled at least MIN_PER_SIDE posts on each side (human vs any AI),
 * a logistic regression (ml-logistic-regression, plain gradient ascent) is fitted on the signal values of the
 * labelled posts and blended with the rule score. Few labels -> the rules dominate; many labels -> the model
 * does, up to MAX_MODEL_SHARE. Pure: no I/O; db/mutations/authorship-model.ts stores what it returns.
 */
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { FEATURE_IDS } from './features';
import { round } from './text';
import { THRESHOLDS } from './weights';

/** Labels needed on each side (human, and AI-assisted or AI-generated together) before a model is fitted. */
export const MIN_PER_SIDE = 3;
/** The model's share of the blended log-odds at n labels is n / (n + BLEND_HALF), capped at MAX_MODEL_SHARE. */
export const BLEND_HALF = 10;
export const MAX_MODEL_SHARE = 0.8;
/**
 * Gradient-ascent settings. The package sums the gradient over rows, so the step is divided by n; a fixed, small
 * number of steps from zero weights keeps the fit gentle (early stopping acts as shrinkage), which matters with 6
 * labels: the model must not swing a post from one end to the other on one odd example.
 */
const STEPS = 150;
const STEP_SIZE = 0.5;

/** One labelled post for training: standardized features (FEATURE_IDS order) and whether the author said AI. */
export interface Example {
  x: number[];
  ai: boolean;
}

/** A fitted model: intercept then one weight per feature, in log-odds towards AI per standard deviation. */
export interface Model {
  intercept: number;
  weights: number[];
  nHuman: number;
  nAi: number;
}

/** True when there are enough labels on each side to fit. */
export function canLearn(examples: readonly Example[]): boolean {
  const nAi = examples.filter((e) => e.ai).length;
  return nAi >= MIN_PER_SIDE && examples.length - nAi >= MIN_PER_SIDE;
}

/**
 * Fits the model on labelled examples.
 * @throws Error when there are fewer than MIN_PER_SIDE examples on either side.
 */
export function fitModel(examples: readonly Example[]): Model {
  if (!canLearn(examples)) throw new Error(`need at least ${MIN_PER_SIDE} labelled posts on each side to learn`);
  // A leading 1 per row: the package has no intercept of its own.
  const X = new Matrix(examples.map((e) => [1, ...e.x]));
  const Y = Matrix.columnVector(examples.map((e) => (e.ai ? 1 : 0)));
  const lr = new LogisticRegression({ numSteps: STEPS, learningRate: STEP_SIZE / examples.length });
  lr.train(X, Y);
  // Class 0 is human; the package's first one-vs-all classifier is trained with target 1 for "not class 0" = AI.
  const w = lr.classifiers[0].weights.to1DArray();
  const nAi = examples.filter((e) => e.ai).length;
  return { intercept: w[0], weights: w.slice(1), nHuman: examples.length - nAi, nAi };
}

/** The model's P(AI) for standardized features. */
export function predict(model: Model, x: readonly number[]): number {
  const z = x.reduce((a, v, j) => a + v * model.weights[j], model.intercept);
  return 1 / (1 + Math.exp(-z));
}

/** Share of the blended log-odds given to the model after n labels. */
export function modelShare(nLabels: number): number {
  return Math.min(MAX_MODEL_SHARE, nLabels / (nLabels + BLEND_HALF));
}

/** Log-odds of a probability clipped to 0.01..0.99 (a 0 or 1 from either side must not become infinite). */
export function logit(p: number): number {
  const q = Math.min(0.99, Math.max(0.01, p));
  return Math.log(q / (1 - q));
}

/** Blends the rule score and the model's P(AI) in log-odds with the model's share `share` (0..1). Result 0..1. */
export function blend(ruleScore: number, modelScore: number, share: number): number {
  const z = (1 - share) * logit(ruleScore) + share * logit(modelScore);
  return round(1 / (1 + Math.exp(-z)), 3);
}

/** Which side a score is on, with the suggestion cut-offs of weights.ts: between them the suggestion is unsure. */
export function sideOf(score: number): 'ai' | 'human' | 'unsure' {
  if (score >= THRESHOLDS.AI_ASSISTED) return 'ai';
  if (score < THRESHOLDS.HUMAN) return 'human';
  return 'unsure';
}

/** How suggestions compare with the author's labels. */
export interface Agreement {
  /** Labelled posts that could be judged (too-short and non-English posts have no suggestion). */
  n: number;
  agree: number;
  disagree: number;
  unsure: number;
  /** Human-labelled posts the suggestion called AI: the costly mistake. */
  humanCalledAi: number;
}

/** One labelled post for the agreement check: its features, the rule score and the author's side. */
export interface LabelledPost extends Example {
  ruleScore: number;
}

/** Counts agreement of scores with the author's sides. */
export function tally(pairs: readonly { score: number; ai: boolean }[]): Agreement {
  const out: Agreement = { n: pairs.length, agree: 0, disagree: 0, unsure: 0, humanCalledAi: 0 };
  for (const p of pairs) {
    const side = sideOf(p.score);
    if (side === 'unsure') out.unsure++;
    else if ((side === 'ai') === p.ai) out.agree++;
    else {
      out.disagree++;
      if (!p.ai) out.humanCalledAi++;
    }
  }
  return out;
}

/** How the rules alone agree with the labels (nothing is fitted, so no post is left out). */
export function rulesAgreement(posts: readonly LabelledPost[]): Agreement {
  return tally(posts.map((p) => ({ score: p.ruleScore, ai: p.ai })));
}

/** Up to this many labels every post is left out on its own; past it, posts are left out in FOLDS groups. */
export const LOO_MAX = 60;
export const FOLDS = 10;

/** How held-out scores were made. */
export type HeldOutMethod = 'leave-one-out' | 'k-fold';

/** The method {@link heldOutScores} uses for n labelled posts. */
export function heldOutMethod(n: number): HeldOutMethod {
  return n <= LOO_MAX ? 'leave-one-out' : 'k-fold';
}

/**
 * Held-out agreement of the blended suggestion: each labelled post is scored by a model fitted without it (blended
 * with its rule score, as a fresh post would be), then compared with its label. Leave-one-out up to LOO_MAX labels
 * (n fits); past that, FOLDS-fold (post i is left out with every post j where j % FOLDS == i % FOLDS), which keeps
 * a label change under a few hundred milliseconds on a big blog.
 */
export function heldOutAgreement(posts: readonly LabelledPost[]): Agreement & { method: HeldOutMethod } {
  const held = heldOutScores(posts);
  return { ...tally(posts.map((p, i) => ({ score: held[i].score, ai: p.ai }))), method: heldOutMethod(posts.length) };
}

/**
 * The held-out blended score (and the held-out model's own P(AI)) of every post, in input order. A post whose
 * group's removal leaves too few labels on a side is scored by the rules alone (model null).
 */
export function heldOutScores(posts: readonly LabelledPost[]): { score: number; model: number | null }[] {
  const folds = heldOutMethod(posts.length) === 'leave-one-out' ? posts.length : FOLDS;
  const out: { score: number; model: number | null }[] = posts.map((p) => ({ score: p.ruleScore, model: null }));
  for (let f = 0; f < folds; f++) {
    const rest = posts.filter((_, j) => j % folds !== f);
    if (!canLearn(rest)) continue;
    const m = fitModel(rest);
    const share = modelShare(rest.length);
    posts.forEach((p, i) => {
      if (i % folds !== f) return;
      const model = predict(m, p.x);
      out[i] = { score: blend(p.ruleScore, model, share), model };
    });
  }
  return out;
}

/** Model weights by feature id, rounded, for display ("first-person: −1.4"). */
export function namedWeights(model: Model): Record<string, number> {
  return Object.fromEntries(FEATURE_IDS.map((id, j) => [id, round(model.weights[j], 2)]));
}
