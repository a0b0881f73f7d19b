/**
 * The values behind the cohort statistics of one set of posts (lib/cohorts.ts), gathered once: the overview computes
 * quartiles, tests and an interval for every cohort and metric of a period, and each would otherwise filter the posts
 * and sort the same values again. Pure.
 */
import type { CohortKey, CohortPost } from './cohorts';
import { METRIC_KEYS, type MetricKey } from './metrics';
import { iqr, type Quartiles, quartilesSorted } from './stats';

/**
 * Every cohort's values of every metric over one set of posts, gathered in one pass and sorted once on first use:
 * the quartiles, the tests and the intervals of a period share them instead of each filtering and sorting again.
 */
export class CohortValues {
  private byCohort: Map<CohortKey, { n: number; totalViews: number; values: Record<MetricKey, number[]> }> | null =
    null;
  private readonly sortedCache = new Map<string, Float64Array>();

  constructor(private readonly posts: readonly CohortPost[]) {}

  private gather() {
    if (this.byCohort) return this.byCohort;
    const out = new Map<CohortKey, { n: number; totalViews: number; values: Record<MetricKey, number[]> }>();
    for (const p of this.posts) {
      let c = out.get(p.cohort);
      if (!c) {
        c = {
          n: 0,
          totalViews: 0,
          values: Object.fromEntries(METRIC_KEYS.map((m) => [m, [] as number[]])) as Record<MetricKey, number[]>,
        };
        out.set(p.cohort, c);
      }
      c.n++;
      c.totalViews += p.metrics.lifetimeViews;
      for (const m of METRIC_KEYS) {
        const v = p.metrics[m];
        if (typeof v === 'number') c.values[m].push(v);
      }
    }
    this.byCohort = out;
    return out;
  }

  /** Posts in the cohort and their lifetime page views. */
  size(cohort: CohortKey): { n: number; totalViews: number } {
    const c = this.gather().get(cohort);
    return { n: c?.n ?? 0, totalViews: c?.totalViews ?? 0 };
  }

  /** The cohort's values of `metric` in the posts' order (as {@link metricValues}); do not modify. */
  values(cohort: CohortKey, metric: MetricKey): readonly number[] {
    return this.gather().get(cohort)?.values[metric] ?? [];
  }

  /** Quartiles of the values: from the sorted copy when one was made, else by selection (the same numbers). */
  quartiles(cohort: CohortKey, metric: MetricKey): Quartiles | null {
    const sorted = this.sortedCache.get(`${cohort}|${metric}`);
    return sorted ? quartilesSorted(sorted) : iqr(this.values(cohort, metric));
  }

  /** The same values sorted ascending; do not modify. */
  sorted(cohort: CohortKey, metric: MetricKey): Float64Array {
    const key = `${cohort}|${metric}`;
    let s = this.sortedCache.get(key);
    if (!s) {
      s = Float64Array.from(this.values(cohort, metric)).sort();
      this.sortedCache.set(key, s);
    }
    return s;
  }
}
