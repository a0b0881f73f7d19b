/**
 * The per-blog model's inputs: every signal's measured value (not just whether it fired), so the model can learn
 * where this author's own writing sits on each measure. Stored as JSON `{ signalId: value }` in
 * `authorship.features`; turned into a standardized vector here.
 */
import type { Signal } from './signals';

/** Signal ids the model reads, in vector order (the ids of signals.ts SIGNALS). */
export const FEATURE_IDS = [
  'stock-phrases',
  'label-lead-ins',
  'first-person',
  'casual-hedges',
  'ai-vocabulary',
  'structure',
  'burstiness',
  'em-dash',
  'scheduled-time',
  'title-pattern',
] as const;

export type FeatureValues = Partial<Record<(typeof FEATURE_IDS)[number], number>>;

/** `{ id: value }` of the given signals (all of them, fired or not); empty for a post that was not judged. */
export function featureValues(signals: readonly Signal[]): FeatureValues {
  const out: FeatureValues = {};
  for (const s of signals)
    if ((FEATURE_IDS as readonly string[]).includes(s.id)) out[s.id as keyof FeatureValues] = s.value;
  return out;
}

/**
 * Raw vector in FEATURE_IDS order, each value through log1p: rates and counts are skewed (one post with 40
 * lead-ins per 1000 words must not dominate the fit). Missing values are 0.
 */
export function rawVector(values: FeatureValues): number[] {
  return FEATURE_IDS.map((id) => Math.log1p(Math.max(0, values[id] ?? 0)));
}

/** Column means and standard deviations of raw vectors, for {@link standardize}. */
export interface Scaler {
  mean: number[];
  sd: number[];
}

/** Fits a scaler on raw vectors (a column with no spread gets sd 1, so it standardizes to 0). */
export function fitScaler(rows: readonly number[][]): Scaler {
  const d = FEATURE_IDS.length;
  const n = rows.length;
  const mean = Array.from({ length: d }, (_, j) => (n ? rows.reduce((a, r) => a + r[j], 0) / n : 0));
  const sd = Array.from({ length: d }, (_, j) => {
    const v = n > 1 ? rows.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / (n - 1) : 0;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  return { mean, sd };
}

/** z-scores clipped to ±3, so a single extreme post moves the fit no more than an ordinary outlier. */
export function standardize(row: readonly number[], s: Scaler): number[] {
  return row.map((x, j) => Math.max(-3, Math.min(3, (x - s.mean[j]) / s.sd[j])));
}
