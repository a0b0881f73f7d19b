import { fmtInt } from '@/components/Badges';
import type { PeriodStats } from '@/db/queries/metrics-overview';
import { type Comparison, fmtP, MIN_COHORT_N } from '@/lib/cohorts';
import { METRIC_NAMES, type MetricKey } from '@/lib/metrics';
import { CohortChip } from './CohortChip';
import { fmtMedianIqr, fmtMetric } from './format';
import styles from './overview.module.css';

/** "r = −0.42: AI-generated posts tend to be lower" — the rank-biserial effect size in words. */
export function effectText(c: Comparison): string {
  if (!c.test) return '';
  const r = c.test.effectSize;
  const dir = Math.abs(r) < 0.1 ? 'about the same' : r > 0 ? 'tend to be higher' : 'tend to be lower';
  return `r = ${r.toFixed(2).replace('-', '−')} (${dir})`;
}

/** The test cell: p-value and effect size, or "too few to be sure" below the minimum n. */
export function TestCell({ c, testPrefix = '' }: { c: Comparison | undefined; testPrefix?: string }) {
  if (!c) return <span className="muted">baseline</span>;
  if (c.nA === 0 || c.nB === 0) return <span className="muted">nothing to compare</span>;
  if (!c.enough)
    return (
      <span className="muted" data-testid={`${testPrefix}too-few-${c.cohort}`}>
        too few to be sure (needs {MIN_COHORT_N} posts a side)
      </span>
    );
  return (
    <span data-testid={`${testPrefix}test-${c.cohort}`}>
      {c.test ? fmtP(c.test.p) : ''}, {effectText(c)}
    </span>
  );
}

/**
 * Per cohort: posts, page views, and the metric in focus (median, IQR, n with a value), the bootstrap 95% interval of
 * the difference of medians against human-written posts and the Mann-Whitney test; the previous period beside it.
 */
export function CohortTable({
  current,
  previous,
  metric,
}: {
  current: PeriodStats;
  previous: PeriodStats | null;
  metric: MetricKey;
}) {
  return (
    <table data-testid="cohort-table" className={styles.stack}>
      <thead>
        <tr>
          <th>Cohort</th>
          <th className="num">Posts</th>
          <th className="num">Page views</th>
          <th className="num">Median {METRIC_NAMES[metric]} (IQR)</th>
          <th className="num">Posts with a value</th>
          <th>Difference from human (95% interval)</th>
          <th>Mann-Whitney test</th>
          {previous && <th className="num">Previous period: median (posts)</th>}
        </tr>
      </thead>
      <tbody>
        {current.stats.map((s) => {
          const c = current.focus.find((f) => f.cohort === s.cohort);
          const ps = previous?.stats.find((x) => x.cohort === s.cohort);
          const m = s.metrics[metric];
          return (
            <tr key={s.cohort} data-cohort={s.cohort}>
              <td>
                <CohortChip cohort={s.cohort} />
              </td>
              <td className="num" data-testid={`n-${s.cohort}`} data-label="Posts">
                {fmtInt(s.n)}
              </td>
              <td className="num" data-testid={`views-${s.cohort}`} data-label="Page views">
                {fmtInt(s.totalViews)}
              </td>
              <td
                className="num"
                data-testid={`median-${s.cohort}`}
                data-label={`Median ${METRIC_NAMES[metric]} (IQR)`}
              >
                {fmtMedianIqr(metric, m)}
              </td>
              <td className="num" data-testid={`nvalue-${s.cohort}`} data-label="Posts with a value">
                {fmtInt(m.n)}
              </td>
              <td data-testid={`ci-${s.cohort}`} data-label="Difference from human (95% interval)">
                {s.cohort === 'unlabelled' ? (
                  <span className="muted">not compared</span>
                ) : !c ? (
                  <span className="muted">baseline</span>
                ) : c.ci && c.enough ? (
                  `${fmtMetric(metric, c.ci.diff)} (${fmtMetric(metric, c.ci.low)} to ${fmtMetric(metric, c.ci.high)})`
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td data-label="Mann-Whitney test">
                {s.cohort === 'unlabelled' ? <span className="muted">not compared</span> : <TestCell c={c} />}
              </td>
              {previous && (
                <td className="num" data-testid={`prev-${s.cohort}`} data-label="Previous period: median (posts)">
                  {ps ? `${fmtMetric(metric, ps.metrics[metric].median)} (${fmtInt(ps.metrics[metric].n)})` : '–'}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
