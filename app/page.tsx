import { connection } from 'next/server';
import { CohortBadge, cohortName, fmtInt, fmtNum } from '@/components/Badges';
import { TopPostsChart } from '@/components/charts/TopPostsChart';
import { type MonthRow, ViewsOverTimeChart } from '@/components/charts/ViewsOverTimeChart';
import { getDb } from '@/db/client';
import { COHORT_NAMES, COHORTS, getTotals, listMonthlyViewsByCohort, listPostNumbers } from '@/db/queries/overview';
import { compareSentence, MIN_COHORT_N, summarizeCohorts } from '@/lib/cohorts';

const TOP_N = 10;

export default async function OverviewPage() {
  await connection();
  const db = getDb();
  const totals = getTotals(db);
  const posts = listPostNumbers(db);
  const summaries = summarizeCohorts(posts, COHORTS);
  const monthly = listMonthlyViewsByCohort(db);
  const months = new Map<string, MonthRow>();
  for (const r of monthly) {
    const row =
      months.get(r.month) ?? ({ month: r.month, ...Object.fromEntries(COHORTS.map((c) => [c, 0])) } as MonthRow);
    row[r.cohort] = r.pageViews;
    months.set(r.month, row);
  }
  const monthRows = [...months.values()];
  const top = [...posts]
    .sort((a, b) => b.lifetimeViews - a.lifetimeViews)
    .slice(0, TOP_N)
    .filter((p) => p.lifetimeViews > 0);
  const presentCohorts = COHORTS.filter((c) => summaries.find((s) => s.cohort === c && s.n > 0));

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

  return (
    <>
      <h1>Overview</h1>
      <p className="lede">
        Which posts earn their place, and does how a post was written predict it? Human page views only; bots are
        counted apart.{' '}
        {totals.firstDay ? `Traffic data from ${totals.firstDay} to ${totals.lastDay}.` : 'No traffic imported yet.'}
      </p>
      <div className="stats" data-testid="totals">
        <div className="stat">
          <div className="value" data-testid="total-posts">
            {fmtInt(totals.posts)}
          </div>
          <div className="label">posts</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="total-views">
            {fmtInt(totals.pageViews)}
          </div>
          <div className="label">page views (human)</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(totals.botHits)}</div>
          <div className="label">bot hits on posts</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(totals.unmatchedPageViews)}</div>
          <div className="label">
            <a href="/imports">page views of unmatched paths</a>
          </div>
        </div>
      </div>

      <h2>By authorship</h2>
      <div className="panel">
        <p data-testid="comparison">{compareSentence(summaries, COHORT_NAMES)}</p>
        <div className="table-wrap">
          <table data-testid="cohort-table">
            <thead>
              <tr>
                <th>Cohort</th>
                <th className="num">Posts</th>
                <th className="num">Page views</th>
                <th className="num">Median per post</th>
                <th className="num">Median, first 30 days</th>
              </tr>
            </thead>
            <tbody>
              {summaries.map((s) => (
                <tr key={s.cohort} data-cohort={s.cohort}>
                  <td>
                    <CohortBadge cohort={s.cohort} />
                  </td>
                  <td className="num" data-testid={`n-${s.cohort}`}>
                    {fmtInt(s.n)}
                  </td>
                  <td className="num" data-testid={`views-${s.cohort}`}>
                    {fmtInt(s.totalViews)}
                  </td>
                  <td className="num">{fmtNum(s.medianViews)}</td>
                  <td className="num">
                    {fmtNum(s.medianFirst30)} <span className="muted small">(n = {s.nFirst30})</span>
                    {s.nFirst30 > 0 && s.nFirst30 < MIN_COHORT_N && <span className="muted small"> too few</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">
          Cohorts use the author's own labels; unlabelled posts are shown apart, never counted as human. First-30-day
          medians leave out posts whose first 30 days the data does not cover yet.
        </p>
      </div>

      <div className="grid2">
        <section className="panel" aria-labelledby="over-time">
          <h2 id="over-time" style={{ marginTop: 0 }}>
            Page views per month, by cohort
          </h2>
          <p className="chart-caption">
            n = {fmtInt(posts.length)} published posts, {fmtInt(monthRows.length)} months.
          </p>
          {monthRows.length > 0 ? (
            <ViewsOverTimeChart
              data={monthRows}
              cohorts={presentCohorts.map((c) => ({ key: c, name: cohortName(c) }))}
            />
          ) : (
            <p className="muted">No traffic imported yet.</p>
          )}
          <details>
            <summary>The numbers</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Month</th>
                    {presentCohorts.map((c) => (
                      <th key={c} className="num">
                        {cohortName(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {monthRows.map((m) => (
                    <tr key={m.month}>
                      <td>{m.month}</td>
                      {presentCohorts.map((c) => (
                        <td key={c} className="num">
                          {fmtInt(Number(m[c]))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
        <section className="panel" aria-labelledby="top-posts">
          <h2 id="top-posts" style={{ marginTop: 0 }}>
            Top {top.length} posts by page views
          </h2>
          <p className="chart-caption">
            n = {fmtInt(top.length)} of {fmtInt(posts.length)} published posts, coloured by cohort.
          </p>
          {top.length > 0 ? (
            <TopPostsChart
              data={top.map((p) => ({
                title: p.title,
                cohort: p.cohort,
                cohortName: cohortName(p.cohort),
                views: p.lifetimeViews,
              }))}
            />
          ) : (
            <p className="muted">No post has a page view yet.</p>
          )}
          <details>
            <summary>The numbers</summary>
            <ol data-testid="top-posts">
              {top.map((p) => (
                <li key={p.id}>
                  <a href={`/posts/${p.id}`}>{p.title || '(no title)'}</a>: {fmtInt(p.lifetimeViews)} page views{' '}
                  <CohortBadge cohort={p.cohort} />
                </li>
              ))}
            </ol>
          </details>
        </section>
      </div>
    </>
  );
}
