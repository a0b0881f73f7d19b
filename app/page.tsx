import { connection } from 'next/server';
import { fmtInt } from '@/components/Badges';
import { CohortTable } from '@/components/overview/CohortTable';
import { MetricsTable } from '@/components/overview/MetricsTable';
import { CurveSection, DistributionSection, PublishedSection } from '@/components/overview/PostCharts';
import { RangeBar } from '@/components/overview/RangeBar';
import { ScatterSection } from '@/components/overview/ScatterSection';
import { CalendarSection, TopPostsSection } from '@/components/overview/TimeCharts';
import { getDb } from '@/db/client';
import { buildOverview, type PeriodStats } from '@/db/queries/metrics-overview';
import { getTotals } from '@/db/queries/overview';
import { comparisonSentence, MIN_COHORT_N, NO_LABELS_SENTENCE } from '@/lib/cohorts';
import { METRIC_KEYS, METRIC_NAMES } from '@/lib/metrics';
import { overviewHref, parseOverviewParams } from '@/lib/overview-params';

type SearchParams = Record<string, string | string[] | undefined>;

function sentences(p: PeriodStats): string[] {
  if (p.posts === 0) return ['No posts were published in this period.'];
  const labelled = p.stats.filter((s) => s.cohort !== 'unlabelled').reduce((a, s) => a + s.n, 0);
  if (labelled === 0) return [NO_LABELS_SENTENCE];
  return p.focus.map(comparisonSentence);
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const db = getDb();
  const totals = getTotals(db);

  if (totals.posts === 0) {
    return (
      <>
        <h1>Overview</h1>
        <div className="panel">
          <p>No posts yet. Import your blog's posts, then its page views:</p>
          <pre>npm run import -- posts path/to/feed-or-export{'\n'}npm run import -- views path/to/access.log</pre>
          <p className="muted">
            Or try the dashboard on generated data: <code>npm run demo</code>.
          </p>
        </div>
      </>
    );
  }

  const { params, errors } = parseOverviewParams(await searchParams, totals.firstDay, totals.lastDay);
  const m = buildOverview(db, params);
  const metricName = METRIC_NAMES[params.metric];
  // The cards count all the data; with a range picked, say so (the panels below count the range).
  const allData = params.range ? ', all data' : '';

  return (
    <>
      <h1>Overview</h1>
      <p className="lede">
        Do posts written with AI earn their place? Human page views only; bots are counted apart.{' '}
        {totals.firstDay ? `Traffic data from ${totals.firstDay} to ${totals.lastDay}.` : 'No traffic imported yet.'}
      </p>
      <div className="stats" data-testid="totals">
        <div className="stat">
          <div className="value" data-testid="total-posts">
            {fmtInt(totals.posts)}
          </div>
          <div className="label">posts{allData}</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="total-views">
            {fmtInt(totals.pageViews)}
          </div>
          <div className="label">page views (human){allData}</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(totals.botHits)}</div>
          <div className="label">bot hits on posts{allData}</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(totals.unmatchedPageViews)}</div>
          <div className="label">
            <a href="/imports">page views of paths that match no post</a>
            {totals.homePageViews > 0 && ` (home page apart: ${fmtInt(totals.homePageViews)})`}
          </div>
        </div>
      </div>

      <RangeBar params={params} dataFirst={totals.firstDay} dataLast={totals.lastDay} errors={errors} />

      <h2>By authorship</h2>
      <section className="panel" aria-label="Cohort comparison">
        <div data-testid="comparison">
          {sentences(m.current).map((s) => (
            <p key={s} style={{ marginTop: 0 }}>
              {s}
            </p>
          ))}
        </div>
        {m.previous && (
          <div data-testid="comparison-previous" className="small">
            <strong>
              Previous period ({m.previous.range?.from} to {m.previous.range?.to}):
            </strong>{' '}
            {sentences(m.previous).join(' ')}
          </div>
        )}
        <nav className="small" aria-label="Metric" style={{ margin: '0.75rem 0' }}>
          Compare on page views:{' '}
          {METRIC_KEYS.map((k, i) => (
            <span key={k}>
              {i > 0 && ' · '}
              {k === params.metric ? (
                <strong aria-current="true">{METRIC_NAMES[k]}</strong>
              ) : (
                <a href={overviewHref(params, { metric: k })}>{METRIC_NAMES[k]}</a>
              )}
            </span>
          ))}
        </nav>
        <div className="table-wrap">
          <CohortTable current={m.current} previous={m.previous} metric={params.metric} />
        </div>
        <p className="muted small">
          Cohorts use the author's own labels; unlabelled posts are shown apart, never counted as human. A post whose{' '}
          {metricName} the data does not cover yet is left out of that number, not counted as zero. IQR = the middle
          half of posts. The interval is a bootstrap 95% interval of the difference of medians; the test is Mann-Whitney
          U with the rank-biserial effect size r (−1 to 1). Below {MIN_COHORT_N} posts a side the page says so instead
          of giving a p-value.
        </p>
        <details>
          <summary>Every metric, per cohort</summary>
          <div className="table-wrap">
            <MetricsTable current={m.current} />
          </div>
        </details>
      </section>

      <div className="grid2">
        <CurveSection m={m} />
        <DistributionSection m={m} metric={params.metric} />
        <CalendarSection m={m} />
        <PublishedSection m={m} />
        <ScatterSection m={m} metric={params.metric} />
        <TopPostsSection m={m} />
      </div>
    </>
  );
}
