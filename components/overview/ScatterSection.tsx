import * as ss from 'simple-statistics';
import { fmtInt } from '@/components/Badges';
// Loaded when it scrolls into view, not with the page (components/charts/lazy.tsx).
import { WordCountScatterChart } from '@/components/charts/lazy';
import type { OverviewModel } from '@/db/queries/metrics-overview';
import { sampleEvenly } from '@/lib/cohort-charts';
import { COHORT_LABELS, COHORT_SHORT } from '@/lib/cohorts';
import { METRIC_NAMES, type MetricKey } from '@/lib/metrics';
import { iqr } from '@/lib/stats';
import { ChartPanel } from './ChartPanel';
import { isIn } from './PostCharts';

const SCATTER_MAX = 1500;

/** The metric in focus against word count, coloured by cohort, with a rank correlation per cohort. */
export function ScatterSection({ m, metric }: { m: OverviewModel; metric: MetricKey }) {
  const members = m.posts.filter(
    (p) => (m.current.range === null || isIn(p.publishedDay, m.current.range)) && typeof p.metrics[metric] === 'number',
  );
  const drawn = sampleEvenly(members, SCATTER_MAX);
  const series = m.cohorts.map((c) => ({
    key: c,
    name: COHORT_SHORT[c],
    points: drawn
      .filter((p) => p.cohort === c)
      .map((p) => ({ words: p.wordCount, value: p.metrics[metric] as number, title: p.title })),
  }));
  const rows = m.cohorts.map((c) => {
    const ps = members.filter((p) => p.cohort === c);
    const words = ps.map((p) => p.wordCount);
    const vals = ps.map((p) => p.metrics[metric] as number);
    const rho =
      ps.length >= 3 && new Set(words).size > 1 && new Set(vals).size > 1
        ? ss.sampleRankCorrelation(words, vals)
        : null;
    return { c, n: ps.length, words: iqr(words)?.median ?? null, rho };
  });
  return (
    <ChartPanel
      id="scatter-h"
      testId="scatter"
      title={`Page views ${METRIC_NAMES[metric]} against word count`}
      caption={`Each dot a post. n = ${fmtInt(members.length)} posts with a value${members.length > SCATTER_MAX ? `, ${SCATTER_MAX} drawn` : ''}. Rank correlation per cohort in the numbers.`}
      numbers={
        <table>
          <thead>
            <tr>
              <th>Cohort</th>
              <th className="num">n</th>
              <th className="num">Median words</th>
              <th className="num">Rank correlation (Spearman)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.c}>
                <td>{COHORT_LABELS[r.c]}</td>
                <td className="num">{fmtInt(r.n)}</td>
                <td className="num">{fmtInt(r.words)}</td>
                <td className="num">{r.rho === null ? '–' : r.rho.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {members.length > 0 ? (
        <WordCountScatterChart series={series} unit={`page views ${METRIC_NAMES[metric]}`} />
      ) : (
        <p className="muted">No post in this range has a value for {METRIC_NAMES[metric]} yet.</p>
      )}
    </ChartPanel>
  );
}
