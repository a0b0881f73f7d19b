/**
 * Suggests an authorship label for one post from the signals in signals.ts. The suggestion is only a starting
 * point: the author confirms or overrides it, and the author's own label always wins (the caller's job).
 */

import { countWords } from '../text';
import type { AuthorshipLabel } from '../types';
import { ENGLISH_STOPWORDS } from './phrases';
import { computeSignals, type PostText, type Signal } from './signals';
import { normalizeWord, round, words } from './text';
import { BIAS, MIN_STOPWORD_SHARE, MIN_WORDS, THRESHOLDS } from './weights';

export type AuthorshipBand = 'likely-human' | 'unclear' | 'likely-ai';

/** A suggestion: label null means "no suggestion" (see `reason`, or the score fell between the cut-offs). */
export interface AuthorshipSuggestion {
  label: AuthorshipLabel | null;
  /** Probability-like score of AI authorship, 0..1 (logistic of the summed signal weights; see weights.ts). */
  score: number;
  band: AuthorshipBand;
  /** All signals, fired or not, in display order. Empty when the text could not be judged. */
  signals: Signal[];
  /** Why there is no label, or null when there is one. */
  reason: string | null;
}

/** Share of words that are common English function words (0..1); 0 for an empty text. */
export function englishStopwordShare(text: string): number {
  const all = words(text);
  if (all.length === 0) return 0;
  return all.filter((w) => ENGLISH_STOPWORDS.has(normalizeWord(w))).length / all.length;
}

/** Maps a score to its band with the cut-offs of weights.ts. */
export function bandOf(score: number): AuthorshipBand {
  if (score >= THRESHOLDS.AI_GENERATED) return 'likely-ai';
  if (score < THRESHOLDS.HUMAN) return 'likely-human';
  return 'unclear';
}

/** Maps a score to a suggested label; null between the human and the AI-assisted cut-offs. */
export function labelOf(score: number): AuthorshipLabel | null {
  if (score >= THRESHOLDS.AI_GENERATED) return 'ai-generated';
  if (score >= THRESHOLDS.AI_ASSISTED) return 'ai-assisted';
  if (score < THRESHOLDS.HUMAN) return 'human';
  return null;
}

/**
 * Suggests a label for a post.
 *
 * - Under MIN_WORDS (300) words: `{ label: null, score: 0.5, band: 'unclear', reason: 'too short to judge' }`.
 * - Under MIN_STOPWORD_SHARE English function words: label null, reason 'signals are English-only'.
 * - Otherwise score = logistic(BIAS + sum of fired weights); score >= 0.8 -> ai-generated, >= 0.6 -> ai-assisted,
 *   < 0.3 -> human, else null with reason 'signals are mixed'.
 *
 * @param post title, plain-text content (paragraphs separated by blank lines) and UTC publish time or null.
 */
export function suggestAuthorship(post: PostText): AuthorshipSuggestion {
  // Same count as PostRecord.wordCount, so "under 300 words" agrees with the word count the UI shows.
  const wordCount = countWords(post.content);
  if (wordCount < MIN_WORDS) {
    return { label: null, score: 0.5, band: 'unclear', signals: [], reason: 'too short to judge' };
  }
  if (englishStopwordShare(post.content) < MIN_STOPWORD_SHARE) {
    return { label: null, score: 0.5, band: 'unclear', signals: [], reason: 'signals are English-only' };
  }
  const signals = computeSignals(post);
  const logit = signals.reduce((sum, s) => sum + s.weight, BIAS);
  const score = round(1 / (1 + Math.exp(-logit)), 3);
  const label = labelOf(score);
  return { label, score, band: bandOf(score), signals, reason: label ? null : 'signals are mixed' };
}
