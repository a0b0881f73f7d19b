import { fmtInt } from '@/components/Badges';
import type { PeriodStats } from '@/db/queries/metrics-overview';
import { COHORT_LABELS } from '@/lib/cohorts';
import { METRIC_KEYS, METRIC_NAMES } from '@/lib/metrics';
import { TestCell } from './CohortTable';
import { fmtMedianIqr } from './format';

/** Every metric: per cohort median (IQR) and n with a value, and each AI cohort's test against human. */
export function MetricsTable({ current }: { current: PeriodStats }) {
  const ai = current.focus.map((f) => f.cohort);
  return (
    <table data-testid="metrics-table">
      <thead>
        <tr>
          <th>Page views…</th>
          {current.stats.map((s) => (
            <th key={s.cohort} className="num">
              {COHORT_LABELS[s.cohort]}
            </th>
          ))}
          {ai.map((c) => (
            <th key={c}>{COHORT_LABELS[c]} against human</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {METRIC_KEYS.map((m) => (
          <tr key={m} data-metric={m}>
            <td>{METRIC_NAMES[m]}</td>
            {current.stats.map((s) => (
              <td key={s.cohort} className="num">
                {fmtMedianIqr(m, s.metrics[m])} <span className="muted small">n = {fmtInt(s.metrics[m].n)}</span>
              </td>
            ))}
            {current.tests[m].map((c) => (
              <td key={c.cohort} className="small">
                <TestCell c={c} testPrefix={`${m}-`} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
