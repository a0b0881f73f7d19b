import type { ReactNode } from 'react';
import type { PostMetricsPanelData } from '@/db/queries/metrics-post';
import { addDays, type Coverage } from '@/lib/metrics';

const VERDICT_NAMES = { keep: 'Keep', review: 'Review', 'cull-candidate': 'Cull candidate' } as const;
const VERDICT_COLORS = { keep: 'var(--keep)', review: '#d08c2c', 'cull-candidate': 'var(--cull)' } as const;

function fmt(n: number, digits = 0): string {
  // Small rates keep two significant digits ("0.015 per day"), never round to a misleading 0.
  if (digits > 0 && n > 0 && n < 1) return n.toLocaleString('en-US', { maximumSignificantDigits: 2 });
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Why a window has no number: no publish date, published before the data, or too young. */
function whyMissing(kind: 'first' | 'last', n: number, publishedDay: string | null, cov: Coverage): string {
  if (!cov.firstDay || !cov.lastDay) return 'no traffic imported yet';
  if (!publishedDay) return 'no publish date';
  if (kind === 'first' && publishedDay < cov.firstDay) return 'published before the traffic data begins';
  if (kind === 'last' && addDays(cov.lastDay, -(n - 1)) < cov.firstDay) return `the data spans fewer than ${n} days`;
  return `younger than ${n} days`;
}

/**
 * One post's metrics (definitions in lib/metrics.ts) with the reason a window is left out, and the cull suggestion
 * with its reasons. The suggestion is advice only: the author's decision is set in the decision panel.
 */
export function MetricsPanel({ data }: { data: PostMetricsPanelData | null }) {
  if (!data) return null;
  const { metrics: m, coverage: cov, publishedDay, suggestion } = data;
  const missing = (text: string) => (
    <span className="muted small" style={{ fontWeight: 400 }}>
      {text}
    </span>
  );
  const win = (kind: 'first' | 'last', n: number, v: number | null) =>
    v === null ? missing(`left out: ${whyMissing(kind, n, publishedDay, cov)}`) : fmt(v);
  const rows: { key: string; value: ReactNode; name: string; def: string }[] = [
    {
      key: 'lifetime',
      value: fmt(m.lifetimeViews),
      name: 'Page views, lifetime',
      def: 'every human page view in the data',
    },
    { key: 'first7', value: win('first', 7, m.first7), name: 'First 7 days', def: 'publish day and the 6 days after' },
    {
      key: 'first30',
      value: win('first', 30, m.first30),
      name: 'First 30 days',
      def: 'publish day and the 29 days after',
    },
    {
      key: 'first90',
      value: win('first', 90, m.first90),
      name: 'First 90 days',
      def: 'publish day and the 89 days after',
    },
    {
      key: 'last30',
      value: win('last', 30, m.last30),
      name: 'Last 30 days',
      def: `ending ${cov.lastDay ?? '–'}, the newest day of data`,
    },
    { key: 'last90', value: win('last', 90, m.last90), name: 'Last 90 days', def: 'ending on the newest day of data' },
    {
      key: 'perday',
      value: m.viewsPerDay === null ? '–' : fmt(m.viewsPerDay, 1),
      name: 'Per day since publishing',
      def: 'over the days since publishing the data covers',
    },
    {
      key: 'peak',
      value: m.peakDay ? `${fmt(m.peakViews)} on ${m.peakDay}` : '–',
      name: 'Peak day',
      def: 'the day with the most page views',
    },
    {
      key: 'decay',
      value:
        m.decay === null
          ? missing('needs 180 days of life and views in the first 90')
          : `${Math.round(m.decay * 100)}%`,
      name: 'Decay',
      def: 'page views per day in the last 90 days against the first 90 (100% = as strong as at launch)',
    },
    {
      key: 'share',
      value: m.share === null ? '–' : `${fmt(m.share * 100, m.share < 0.1 ? 1 : 0)}%`,
      name: 'Share of all traffic',
      def: "this post's share of every post's page views",
    },
    { key: 'bots', value: fmt(m.botHits), name: 'Bot hits', def: 'known crawlers, never counted as page views' },
  ];
  return (
    <section className="panel" aria-labelledby="metrics-h" data-testid="metrics-panel">
      <h2 id="metrics-h" style={{ marginTop: 0 }}>
        Metrics
      </h2>
      {suggestion && (
        <div data-testid="cull-suggestion" style={{ marginBottom: '0.75rem' }}>
          <span className="badge" style={{ background: VERDICT_COLORS[suggestion.verdict] }}>
            Suggested: {VERDICT_NAMES[suggestion.verdict]}
          </span>{' '}
          <span className="small muted">
            a suggestion only, it never changes your decision (<a href="/settings#cull">thresholds</a>)
          </span>
          <ul className="small" style={{ margin: '0.35rem 0 0' }}>
            {suggestion.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="stats">
        {rows.map((r) => (
          <div key={r.key} className="stat" data-metric={r.key}>
            <div className="value" data-testid={`metric-${r.key}`} style={{ fontSize: '1.15rem' }}>
              {r.value}
            </div>
            <div className="label">
              <strong>{r.name}</strong>: {r.def}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
