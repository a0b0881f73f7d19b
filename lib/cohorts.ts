/**
 * Cohort comparison for the overview: which posts belong to which authorship cohort, each cohort's n, median and
 * interquartile range of every metric, and for the metric in focus a bootstrap 95% interval of the difference of
 * medians, a Mann-Whitney U test with its effect size, and one plain sentence. Pure functions.
 *
 * Cohorts come from the author's labels only (suggestions never count). By default any AI involvement (assisted or
 * generated) is one cohort, "AI"; `split` separates AI-assisted and AI-generated. Unlabelled posts are their own
 * cohort, shown apart and never compared or counted as human. A post whose window the data does not cover has a
 * null metric and is left out of that metric's numbers (lib/metrics.ts).
 */
import { CohortValues } from './cohort-values';
import { fastBootstrapMedianDiffCI } from './cohorts-bootstrap';
import { METRIC_KEYS, METRIC_NAMES, type MetricKey, type PostMetrics } from './metrics';
import { type MannWhitneyResult, mannWhitneyUSorted, quartilesSorted } from './stats';
import type { AuthorshipLabel } from './types';

export type CohortKey = 'human' | 'ai' | 'ai-assisted' | 'ai-generated' | 'unlabelled';

/** Display names, as the sentences use them. */
export const COHORT_LABELS: Record<CohortKey, string> = {
  human: 'Human-written',
  ai: 'AI (assisted or generated)',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
  unlabelled: 'Unlabelled',
};

/** Short names for chart legends and axes, where space is tight. */
export const COHORT_SHORT: Record<CohortKey, string> = {
  human: 'Human-written',
  ai: 'AI',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
  unlabelled: 'Unlabelled',
};

/** Below this many posts with a value in either cohort, the page says "too few" instead of showing a p-value. */
export const MIN_COHORT_N = 5;

/** The cohorts shown, in order: human first (the baseline), unlabelled last. */
export function cohortOrder(split: boolean): CohortKey[] {
  return split ? ['human', 'ai-assisted', 'ai-generated', 'unlabelled'] : ['human', 'ai', 'unlabelled'];
}

/** The cohort of a post from the author's label. */
export function cohortOf(label: AuthorshipLabel | null, split: boolean): CohortKey {
  if (label === null) return 'unlabelled';
  if (label === 'human') return 'human';
  return split ? label : 'ai';
}

/** Median and quartiles of one metric over the posts that have it. */
export interface MetricSummary {
  /** Posts with a value (the window is covered). */
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

/** One post's place in the comparison. */
export interface CohortPost {
  cohort: CohortKey;
  metrics: PostMetrics;
}

export interface CohortStats {
  cohort: CohortKey;
  /** Posts in the cohort. */
  n: number;
  totalViews: number;
  metrics: Record<MetricKey, MetricSummary>;
}

/** The values of one metric in one cohort (nulls left out). */
export function metricValues(posts: readonly CohortPost[], cohort: CohortKey, metric: MetricKey): number[] {
  const out: number[] = [];
  for (const p of posts) {
    if (p.cohort !== cohort) continue;
    const v = p.metrics[metric];
    if (typeof v === 'number') out.push(v);
  }
  return out;
}

/**
 * Every cohort of `order` (empty ones included, with n = 0 and null medians).
 * @param values the posts' values, when the caller shares them with other statistics of the same posts.
 */
export function summarizeCohorts(
  posts: readonly CohortPost[],
  order: CohortKey[],
  values = new CohortValues(posts),
): CohortStats[] {
  return order.map((cohort) => {
    const metrics = {} as Record<MetricKey, MetricSummary>;
    for (const m of METRIC_KEYS) {
      const q = values.quartiles(cohort, m);
      metrics[m] = {
        n: values.values(cohort, m).length,
        median: q?.median ?? null,
        q1: q?.q1 ?? null,
        q3: q?.q3 ?? null,
      };
    }
    return { cohort, ...values.size(cohort), metrics };
  });
}

/** One AI cohort against human-written posts on one metric. */
export interface Comparison {
  cohort: CohortKey;
  metric: MetricKey;
  nA: number;
  nB: number;
  /** Posts in the cohort and among the human-written ones, with a value of the metric or not. */
  postsA: number;
  postsB: number;
  medianA: number | null;
  medianB: number | null;
  /** Bootstrap 95% interval of median(cohort) - median(human); null when either side is empty. */
  ci: { diff: number; low: number; high: number } | null;
  /** Mann-Whitney U of the cohort against human; effect size r is positive when the cohort tends to be higher. */
  test: MannWhitneyResult | null;
  /** True when both sides have at least MIN_COHORT_N posts (otherwise no p-value is shown). */
  enough: boolean;
}

/**
 * Compare `cohort` with human-written posts on `metric`.
 * @param withInterval false skips the bootstrap (the costly part) for metrics that are not in focus.
 * @param values the posts' values, when the caller shares them with other statistics of the same posts.
 */
export function compareWithHuman(
  posts: readonly CohortPost[],
  cohort: CohortKey,
  metric: MetricKey,
  withInterval = true,
  values = new CohortValues(posts),
): Comparison {
  const sa = values.sorted(cohort, metric);
  const sb = values.sorted('human', metric);
  const qa = quartilesSorted(sa);
  const qb = quartilesSorted(sb);
  return {
    cohort,
    metric,
    nA: sa.length,
    nB: sb.length,
    postsA: values.size(cohort).n,
    postsB: values.size('human').n,
    medianA: qa?.median ?? null,
    medianB: qb?.median ?? null,
    // The bootstrap draws positions of the values in the posts' order, so it gets them unsorted.
    ci: withInterval
      ? fastBootstrapMedianDiffCI(values.values(cohort, metric), values.values('human', metric), { seed: 1 })
      : null,
    test: mannWhitneyUSorted(sa, sb),
    enough: sa.length >= MIN_COHORT_N && sb.length >= MIN_COHORT_N,
  };
}

/** Number as people write it: integers plainly, else one decimal (two below 1), thousands separated. */
export function fmtStat(n: number | null): string {
  if (n === null) return 'n/a';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 1 ? 2 : 1 });
}

/** A p-value as text: "p < 0.001" or "p = 0.03". */
export function fmtP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** The value of a metric in words: "3 page views in their first 30 days". */
function metricPhrase(metric: MetricKey, v: number | null): string {
  const x = fmtStat(v);
  switch (metric) {
    case 'lifetimeViews':
      return `${x} page views in total`;
    case 'viewsPerDay':
      return `${x} page views per day since publishing`;
    case 'peakViews':
      return `${x} page views on their best day`;
    case 'decay':
      return `a recent rate of ${v === null ? 'n/a' : `${Math.round(v * 100)}%`} of their first 90 days`;
    default:
      return `${x} page views in their ${METRIC_NAMES[metric]}`;
  }
}

/**
 * The plain sentence for one comparison, e.g. "AI-generated posts got a median of 3 page views in their first 30
 * days against 41 for human-written posts; with 9 against 1 posts, this is too few to be sure."
 */
export function comparisonSentence(c: Comparison): string {
  const name = COHORT_LABELS[c.cohort].replace(/ \(.*\)$/, '');
  if (c.postsA === 0 && c.postsB === 0)
    return `There are no ${name} or human-written posts here, so there is nothing to compare.`;
  if (c.nA === 0 && c.nB === 0)
    return `No post here has a value for ${METRIC_NAMES[c.metric]} yet (the data does not cover it), so there is nothing to compare.`;
  if (c.nA === 0 || c.nB === 0) {
    const missing = c.nB === 0 ? 'human-written' : name;
    return `No ${missing} posts have a value for ${METRIC_NAMES[c.metric]} yet, so there is nothing to compare.`;
  }
  const other = c.metric === 'decay' ? `${Math.round((c.medianB ?? 0) * 100)}%` : fmtStat(c.medianB);
  const head = `${name} posts got a median of ${metricPhrase(c.metric, c.medianA)} against ${other} for human-written posts`;
  const counts = `with ${c.nA.toLocaleString('en-US')} against ${c.nB.toLocaleString('en-US')} posts`;
  if (!c.enough) return `${head}; ${counts}, this is too few to be sure.`;
  const ci = c.ci ? ` (95% interval of the difference: ${fmtStat(c.ci.low)} to ${fmtStat(c.ci.high)})` : '';
  const chance =
    c.test && c.test.p < 0.05
      ? `a difference this large would be unlikely by chance (${fmtP(c.test.p)})`
      : `the difference could well be chance (${c.test ? fmtP(c.test.p) : 'no test'})`;
  return `${head}; ${counts}${ci}, ${chance}.`;
}

/** What to tell the author when there is nothing to compare at all (no labels yet). */
export const NO_LABELS_SENTENCE =
  "No comparison yet: label posts as human-written and AI-assisted or AI-generated on their post pages (only the author's labels count, not suggestions).";
