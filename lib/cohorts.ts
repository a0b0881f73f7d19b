/**
 * Cohort summary for the overview: per authorship cohort, the number of posts, total and median page views, and
 * the median page views in the first 30 days after publishing (only over posts whose first 30 days the data covers:
 * a post younger than the window is left out, never counted as zero).
 */
import { median } from './stats';

export type CohortKey = 'human' | 'ai-assisted' | 'ai-generated' | 'unlabelled';

export interface PostNumbersInput {
  cohort: CohortKey;
  lifetimeViews: number;
  first30Views: number;
  first30Complete: boolean;
}

export interface CohortSummary {
  cohort: CohortKey;
  /** Posts in the cohort. */
  n: number;
  totalViews: number;
  medianViews: number | null;
  /** Posts whose first 30 days are covered by the data (the n of medianFirst30). */
  nFirst30: number;
  medianFirst30: number | null;
}

/** Below this many posts per cohort the overview says the comparison is too small to trust. */
export const MIN_COHORT_N = 5;

/** Summaries in the fixed cohort order (empty cohorts included with n = 0 and null medians). */
export function summarizeCohorts(posts: PostNumbersInput[], order: CohortKey[]): CohortSummary[] {
  return order.map((cohort) => {
    const inCohort = posts.filter((p) => p.cohort === cohort);
    const first30 = inCohort.filter((p) => p.first30Complete).map((p) => p.first30Views);
    return {
      cohort,
      n: inCohort.length,
      totalViews: inCohort.reduce((a, p) => a + p.lifetimeViews, 0),
      medianViews: median(inCohort.map((p) => p.lifetimeViews)),
      nFirst30: first30.length,
      medianFirst30: median(first30),
    };
  });
}

/**
 * One plain sentence comparing human-written posts with the AI cohorts on median first-30-day page views, or
 * saying why no comparison can be made.
 */
export function compareSentence(summaries: CohortSummary[], names: Record<CohortKey, string>): string {
  const human = summaries.find((s) => s.cohort === 'human');
  const ai = summaries.filter((s) => (s.cohort === 'ai-assisted' || s.cohort === 'ai-generated') && s.nFirst30 > 0);
  if (!human || human.nFirst30 === 0 || ai.length === 0)
    return "No comparison yet: label posts as human-written and AI-assisted or AI-generated on their post pages (only the author's labels count, not suggestions).";
  const parts = ai.map(
    (s) =>
      `${names[s.cohort]} posts got a median of ${fmt(s.medianFirst30)} page views in their first 30 days (n = ${s.nFirst30})`,
  );
  const small = [human, ...ai].some((s) => s.nFirst30 < MIN_COHORT_N);
  return `${parts.join('; ')}, against ${fmt(human.medianFirst30)} for human-written posts (n = ${human.nFirst30}).${
    small ? ` With fewer than ${MIN_COHORT_N} posts in a cohort, this is too few to be sure.` : ''
  }`;
}

function fmt(n: number | null): string {
  return n === null
    ? 'n/a'
    : Number.isInteger(n)
      ? n.toLocaleString('en-US')
      : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
