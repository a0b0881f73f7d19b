import { fmtInt } from '@/components/Badges';
// Loaded when they scroll into view, not with the page (components/charts/lazy.tsx).
import { CumulativeCurveChart, PublishedPerMonthChart, StripPlotChart } from '@/components/charts/lazy';
import type { OverviewModel } from '@/db/queries/metrics-overview';
import { jitter, sampleEvenly } from '@/lib/cohort-charts';
import { COHORT_LABELS, COHORT_SHORT, metricValues } from '@/lib/cohorts';
import { METRIC_NAMES, type MetricKey } from '@/lib/metrics';
import { iqr } from '@/lib/stats';
import { ChartPanel } from './ChartPanel';
import { fmtMedianIqr, fmtMetric } from './format';

const STRIP_MAX = 300;

const named = (m: OverviewModel) => m.cohorts.map((c) => ({ key: c, name: COHORT_SHORT[c] }));

/** Publish-aligned cumulative views: median line and IQR band per cohort. */
export function CurveSection({ m }: { m: OverviewModel }) {
  const at30 = m.curve.find((r) => r.age === 30);
  return (
    <ChartPanel
      id="curve-h"
      testId="curve"
      title="Cumulative page views by days since publishing"
      caption={`Each post counted from its own publish day; line = median, band = middle half of posts. n at 30 days: ${m.cohorts
        .map((c) => `${COHORT_LABELS[c]} ${fmtInt((at30?.[`${c}:n`] as number) ?? 0)}`)
        .join(', ')}. Posts drop out of later days once they are younger than that.`}
      numbers={
        <table>
          <thead>
            <tr>
              <th>First … days</th>
              {m.cohorts.map((c) => (
                <th key={c} className="num">
                  {COHORT_LABELS[c]}: median (IQR), n
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.curve.map((r) => (
              <tr key={r.age}>
                <td>{r.age}</td>
                {m.cohorts.map((c) => {
                  const band = r[`${c}:band`] as [number, number] | null;
                  return (
                    <td key={c} className="num">
                      {fmtMedianIqr('first30', {
                        median: r[`${c}:median`] as number | null,
                        q1: band?.[0] ?? null,
                        q3: band?.[1] ?? null,
                      })}
                      , {fmtInt(r[`${c}:n`] as number)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {m.curve.length > 0 ? (
        <CumulativeCurveChart data={m.curve} cohorts={named(m)} />
      ) : (
        <p className="muted">No post in this range has a publish day inside the traffic data yet.</p>
      )}
    </ChartPanel>
  );
}

/** Strip plot of the metric in focus per cohort, with medians and quartiles. */
export function DistributionSection({ m, metric }: { m: OverviewModel; metric: MetricKey }) {
  const members = m.posts.filter((p) => m.current.range === null || isIn(p.publishedDay, m.current.range));
  const cols = m.cohorts.map((c, i) => {
    const withValue = members.filter((p) => p.cohort === c && typeof p.metrics[metric] === 'number');
    const values = metricValues(withValue, c, metric);
    const q = iqr(values);
    return {
      key: c,
      name: COHORT_SHORT[c],
      n: values.length,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      q1: q?.q1 ?? null,
      median: q?.median ?? null,
      q3: q?.q3 ?? null,
      points: sampleEvenly(withValue, STRIP_MAX).map((p, k) => ({
        x: i + jitter(k),
        y: p.metrics[metric] as number,
        title: p.title,
      })),
    };
  });
  const sampled = cols.some((c) => c.n > STRIP_MAX);
  return (
    <ChartPanel
      id="dist-h"
      testId="distribution"
      title={`Distribution: page views ${METRIC_NAMES[metric]}`}
      caption={`Each dot a post; thick line = median, dashed = quartiles. n = ${cols
        .map((c) => `${c.name} ${fmtInt(c.n)}`)
        .join(', ')}${sampled ? `; at most ${STRIP_MAX} dots drawn per cohort` : ''}.`}
      numbers={
        <table>
          <thead>
            <tr>
              <th>Cohort</th>
              {['n', 'min', 'q1', 'median', 'q3', 'max'].map((h) => (
                <th key={h} className="num">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cols.map((c) => (
              <tr key={c.key}>
                <td>{c.name}</td>
                <td className="num">{fmtInt(c.n)}</td>
                {[c.min, c.q1, c.median, c.q3, c.max].map((v, i) => (
                  <td key={i} className="num">
                    {fmtMetric(metric, v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {cols.some((c) => c.n > 0) ? (
        <StripPlotChart cohorts={cols} unit={metric === 'decay' ? '(ratio)' : 'page views'} />
      ) : (
        <p className="muted">No post in this range has a value for {METRIC_NAMES[metric]} yet.</p>
      )}
    </ChartPanel>
  );
}

export function isIn(day: string | null, r: { from: string; to: string }) {
  return day !== null && day >= r.from && day <= r.to;
}

/** Posts published per month by cohort. */
export function PublishedSection({ m }: { m: OverviewModel }) {
  const prev = m.previous?.stats;
  return (
    <ChartPanel
      id="published-h"
      testId="published"
      title="Posts published per month"
      caption={`n = ${fmtInt(m.current.posts)} posts (${m.current.stats
        .map((s) => `${COHORT_LABELS[s.cohort]} ${fmtInt(s.n)}`)
        .join(
          ', ',
        )})${prev ? `; previous period ${fmtInt(m.previous?.posts)} (${prev.map((s) => `${COHORT_LABELS[s.cohort]} ${fmtInt(s.n)}`).join(', ')})` : ''}.`}
      numbers={
        <table>
          <thead>
            <tr>
              <th>Month</th>
              {m.cohorts.map((c) => (
                <th key={c} className="num">
                  {COHORT_LABELS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.published.map((r) => (
              <tr key={r.month}>
                <td>{r.month}</td>
                {m.cohorts.map((c) => (
                  <td key={c} className="num">
                    {fmtInt(Number(r[c]))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {m.published.length > 0 ? (
        <PublishedPerMonthChart data={m.published} cohorts={named(m)} />
      ) : (
        <p className="muted">No dated posts in this range.</p>
      )}
    </ChartPanel>
  );
}
