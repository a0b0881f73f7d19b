/**
 * Retrains the per-blog authorship model (lib/authorship/learn.ts) on the author's current labels and rewrites
 * every judged post's suggestion: the rules' score blended with the model's. Run after every label change and
 * after every posts import. Writes only suggestion columns (`suggested_label`, `score_pct`, `band`, `reason`,
 * `model_score_pct`) and the `authorship-model` settings row; never the author's `label`.
 */
import { type FeatureValues, fitScaler, rawVector, standardize } from '../../lib/authorship/features';
import {
  type Agreement,
  canLearn,
  fitModel,
  heldOutMethod,
  heldOutScores,
  type LabelledPost,
  logit,
  modelShare,
  namedWeights,
  predict,
  tally,
} from '../../lib/authorship/learn';
import { bandOf, labelOf } from '../../lib/authorship/suggest';
import { BIAS } from '../../lib/authorship/weights';
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

/** Key of the settings row holding the last {@link ModelSummary} as JSON. */
export const MODEL_SETTING = 'authorship-model';

/** What the last retraining found, for the post page and /label ("agrees with 17 of your 19 labels"). */
export interface ModelSummary {
  /** UTC ISO time of the retraining. */
  trainedAt: string;
  /** Labelled posts that could be judged, per side. */
  nHuman: number;
  nAi: number;
  /** True when a model was fitted (at least MIN_PER_SIDE labels on each side). */
  learned: boolean;
  /** The model's share of the blended score (0..1); 0 when nothing was learned. */
  share: number;
  /** Model weights by signal id (log-odds towards AI per standard deviation), when learned. */
  weights: Record<string, number> | null;
  /** The suggestion (blended, held out) against the labels; equals `rules` when nothing was learned. */
  agreement: Agreement;
  /** The rules alone against the labels. */
  rules: Agreement;
  method: 'leave-one-out' | 'k-fold' | 'rules-only';
}

interface Row {
  post_id: number;
  label: AuthorshipLabel | null;
  features: string;
  signals: string;
  source_hint: AuthorshipLabel | null;
}

/** The rules' score recomputed from the stored fired weights (exact, unlike the rounded rule_score_pct). */
function ruleScoreOf(signalsJson: string): number {
  const fired = JSON.parse(signalsJson) as { id: string; weight: number }[];
  const z = fired.filter((s) => s.id !== 'source-tag').reduce((a, s) => a + s.weight, BIAS);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fit the model on the labelled, judged posts (too-short and non-English posts have no features and take no
 * part), score every judged post and store the suggestions and the summary. Labelled posts get their held-out
 * score (from a model that never saw their label), so their page shows an honest suggestion; unlabelled posts get
 * the model fitted on every label. With too few labels, every suggestion is the rules' own. A source tag hint
 * still decides the suggested label. Runs in the caller's transaction when there is one.
 * @returns the summary that was stored.
 */
export function retrainAuthorship(tx: Tx): ModelSummary {
  const c = tx.$client;
  const rows = c
    .prepare(`select post_id, label, features, signals, source_hint from authorship where features is not null`)
    .all() as Row[];
  const raw = rows.map((r) => rawVector(JSON.parse(r.features) as FeatureValues));
  const scaler = fitScaler(raw);
  const x = raw.map((r) => standardize(r, scaler));
  const rule = rows.map((r) => ruleScoreOf(r.signals));
  const labelledIdx = rows.flatMap((r, i) => (r.label ? [i] : []));
  const labelled: LabelledPost[] = labelledIdx.map((i) => ({
    x: x[i],
    ai: rows[i].label !== 'human',
    ruleScore: rule[i],
  }));
  const learned = canLearn(labelled);

  const blended = [...rule];
  const modelScores: (number | null)[] = rows.map(() => null);
  let summary: Omit<ModelSummary, 'trainedAt'>;
  const rules = tally(labelled.map((p) => ({ score: p.ruleScore, ai: p.ai })));
  if (learned) {
    const model = fitModel(labelled);
    const share = modelShare(labelled.length);
    rows.forEach((r, i) => {
      if (r.label) return;
      const m = predict(model, x[i]);
      modelScores[i] = m;
      const z = (1 - share) * logit(rule[i]) + share * logit(m);
      blended[i] = 1 / (1 + Math.exp(-z));
    });
    const held = heldOutScores(labelled);
    labelledIdx.forEach((i, k) => {
      blended[i] = held[k].score;
      modelScores[i] = held[k].model;
    });
    const agreement = tally(labelled.map((p, k) => ({ score: held[k].score, ai: p.ai })));
    summary = {
      nHuman: model.nHuman,
      nAi: model.nAi,
      learned: true,
      share,
      weights: namedWeights(model),
      agreement,
      rules,
      method: heldOutMethod(labelled.length),
    };
  } else {
    const nAi = labelled.filter((p) => p.ai).length;
    summary = {
      nHuman: labelled.length - nAi,
      nAi,
      learned: false,
      share: 0,
      weights: null,
      agreement: rules,
      rules,
      method: 'rules-only',
    };
  }

  const write = c.prepare(`update authorship set suggested_label = ?, score_pct = ?, band = ?, reason = ?,
    model_score_pct = ? where post_id = ?`);
  rows.forEach((r, i) => {
    const label = labelOf(blended[i]);
    const hint = r.source_hint;
    write.run(
      hint ?? label,
      Math.round(blended[i] * 100),
      bandOf(blended[i]),
      hint || label ? null : 'signals are mixed',
      modelScores[i] === null ? null : Math.round((modelScores[i] as number) * 100),
      r.post_id,
    );
  });
  const stored: ModelSummary = { trainedAt: new Date().toISOString(), ...summary };
  c.prepare(
    'insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
  ).run(MODEL_SETTING, JSON.stringify(stored));
  return stored;
}
