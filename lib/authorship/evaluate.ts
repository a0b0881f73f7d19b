/**
 * Accuracy of authorship suggestions against known truth, for scripts/eval-authorship.ts. "Positive" means AI
 * (AI-assisted or AI-generated): a suggestion counts as AI at score >= 0.6 and as human under 0.3; in between it
 * is unsure (no suggestion), which is neither a hit nor a false alarm but lowers recall.
 */
import { sideOf } from './learn';

/** Counts and rates over a set of judged texts. Rates are 0..1, or null when their denominator is 0. */
export interface Confusion {
  n: number;
  /** AI texts called AI. */
  tp: number;
  /** Human texts called AI: the costly mistake. */
  fp: number;
  /** Human texts called human. */
  tn: number;
  /** AI texts called human. */
  fn: number;
  unsureAi: number;
  unsureHuman: number;
  /** tp / (tp + fp): of the texts called AI, the share that were AI. */
  precision: number | null;
  /** tp / all AI texts: of the AI texts, the share called AI. */
  recall: number | null;
  /** fp / all human texts. */
  falsePositiveRate: number | null;
}

const rate = (a: number, b: number) => (b === 0 ? null : a / b);

/** Confusion counts of scores (0..1, P(AI)) against the truth (`ai` true for AI-written). */
export function confusion(rows: readonly { score: number; ai: boolean }[]): Confusion {
  const c = { n: rows.length, tp: 0, fp: 0, tn: 0, fn: 0, unsureAi: 0, unsureHuman: 0 };
  for (const r of rows) {
    const side = sideOf(r.score);
    if (side === 'unsure') r.ai ? c.unsureAi++ : c.unsureHuman++;
    else if (side === 'ai') r.ai ? c.tp++ : c.fp++;
    else r.ai ? c.fn++ : c.tn++;
  }
  const nAi = c.tp + c.fn + c.unsureAi;
  const nHuman = c.fp + c.tn + c.unsureHuman;
  return { ...c, precision: rate(c.tp, c.tp + c.fp), recall: rate(c.tp, nAi), falsePositiveRate: rate(c.fp, nHuman) };
}

/** "0.93" style, or "n/a". */
export function fmtRate(r: number | null): string {
  return r === null ? 'n/a' : r.toFixed(2);
}
