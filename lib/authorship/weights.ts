/**
 * The one table of authorship-signal weights and thresholds, and the score mapping (see suggest.ts).
 *
 * score = logistic(BIAS + sum of the weights of the signals that fired). Positive weights point to AI, negative to
 * a human writer. Weights are set by hand so that several independent AI signs are needed before a post is
 * suggested as AI-generated (template phrases alone reach at most `ai-assisted`): a human post wrongly flagged
 * costs its author more than a missed AI post, so a personal voice (-2) outweighs any single AI sign, and the
 * context signals (publish time, title shape) are small nudges that can never decide on their own.
 *
 * | signal                | fires when                                                    | weight            |
 * |-----------------------|---------------------------------------------------------------|-------------------|
 * | stock-phrases         | >= 2 distinct template phrases ("In this post, we'll", ...)   | +0.55 each, max 4 |
 * | label-lead-ins        | >= 4 "Short label: explanation" runs and >= 3 per 1000 words  | +1.2              |
 * |                       | ("Note:", "Update:", "Step 2:" and the like are not counted)  |                   |
 * | ai-vocabulary         | >= 6 per 1000 words of "crucial/robust/seamless/..."           | +1.0              |
 * | structure             | headings + list items >= 6 per 1000 words (and >= 3)          | +0.6              |
 * | burstiness (low)      | sentence-length CV < 0.45 over >= 12 sentences                | +0.8              |
 * | burstiness (high)     | sentence-length CV > 0.7 over >= 12 sentences                 | -0.8              |
 * | em-dash               | >= 3 unspaced em dashes per 1000 words ("word—word")          | +0.4              |
 * | first-person (high)   | I/me/my >= 1.5 per 100 words                                  | -2.0              |
 * | first-person (none)   | I/me/my < 0.2 per 100 words                                   | +0.5              |
 * | casual-hedges         | >= 3 per 1000 words of "honestly/I think/kind of/..."         | -1.0              |
 * | scheduled-time (ctx)  | published exactly on the hour (HH:00:00)                      | +0.3              |
 * | title-pattern (ctx)   | title "Phrase: subtitle" or a question                        | +0.3              |
 */

/** One row of the table: the weight a fired signal adds to the log-odds, and its threshold(s). */
export interface WeightRow {
  weight: number;
  threshold: number;
}

export const SIGNAL_WEIGHTS = {
  /** weight is per distinct phrase; threshold is the minimum number of distinct phrases; capped at MAX_PHRASES. */
  'stock-phrases': { weight: 0.55, threshold: 2 },
  /** threshold: lead-ins per 1000 words (and at least LEAD_IN_MIN_COUNT of them). */
  'label-lead-ins': { weight: 1.2, threshold: 3 },
  /** threshold: words per 1000 words. */
  'ai-vocabulary': { weight: 1.0, threshold: 6 },
  /** threshold: heading and list lines per 1000 words (and at least 3 of them). */
  structure: { weight: 0.6, threshold: 6 },
  /** threshold: coefficient of variation of sentence lengths, in words. */
  'burstiness.low': { weight: 0.8, threshold: 0.45 },
  'burstiness.high': { weight: -0.8, threshold: 0.7 },
  /** threshold: unspaced em dashes per 1000 words. */
  'em-dash': { weight: 0.4, threshold: 3 },
  /** threshold: first-person singular pronouns per 100 words. */
  'first-person.high': { weight: -2.0, threshold: 1.5 },
  'first-person.none': { weight: 0.5, threshold: 0.2 },
  /** threshold: hedges per 1000 words. */
  'casual-hedges': { weight: -1.0, threshold: 3 },
  /** threshold unused (the test is exact: minutes and seconds both zero). */
  'scheduled-time': { weight: 0.3, threshold: 0 },
  'title-pattern': { weight: 0.3, threshold: 0 },
} as const satisfies Record<string, WeightRow>;

/** Cap on the number of stock phrases that count, so one template-heavy post cannot run away with the score. */
export const MAX_PHRASES = 4;
/** Minimum number of "Label: explanation" lead-ins before the rate matters. */
export const LEAD_IN_MIN_COUNT = 4;
/** Minimum number of sentences before sentence-length variation means anything. */
export const MIN_SENTENCES = 12;

/** Log-odds before any signal: a post with no signal at all scores logistic(-1) = 0.27, "likely human". */
export const BIAS = -1.0;

/**
 * Score cut-offs (0..1). score >= AI_GENERATED -> `ai-generated` (band likely-ai); score >= AI_ASSISTED ->
 * `ai-assisted` (band unclear); score < HUMAN -> `human` (band likely-human); in between -> no suggestion (unclear).
 * logistic(x) >= 0.8 needs x >= 1.39: with BIAS -1 that takes about 2.4 points of AI signals and no human sign.
 */
export const THRESHOLDS = { AI_GENERATED: 0.8, AI_ASSISTED: 0.6, HUMAN: 0.3 } as const;

/** Minimum words for a suggestion: below this the rates are noise. */
export const MIN_WORDS = 300;
/** Share of English stopwords below which the text is taken as not English (English prose sits at about 0.25-0.5, French or German prose under 0.1). */
export const MIN_STOPWORD_SHARE = 0.15;
