import { fmtInt } from '@/components/Badges';
// Loaded when they scroll into view, not with the page (components/charts/lazy.tsx).
import { CalendarViewsChart, TopPostsChart } from '@/components/charts/lazy';
import type { OverviewModel } from '@/db/queries/metrics-overview';
import { COHORT_LABELS, COHORT_SHORT } from '@/lib/cohorts';
import { ChartPanel } from './ChartPanel';
import { CohortChip } from './CohortChip';
import { fmtChange } from './format';

/** Views over calendar time stacked by cohort, with annotations and the previous period's total. */
export function CalendarSection({ m }: { m: OverviewModel }) {
  const { unit, rows, previousRange } = m.calendar;
  const showPrevious = previousRange !== null;
  return (
    <ChartPanel
      id="calendar-h"
      testId="calendar"
      title={`Page views per ${unit}, by cohort`}
      caption={
        <>
          n = {fmtInt(rows.length)} {unit}s, {fmtInt(m.rangeViews)} page views
          {showPrevious && m.previousRangeViews !== null
            ? ` (previous period ${previousRange.from} to ${previousRange.to}: ${fmtInt(m.previousRangeViews)}, ${fmtChange(m.rangeViews, m.previousRangeViews)})`
            : ''}
          . {m.annotations.length > 0 ? `Dashed lines: your notes (${m.annotations.length}).` : ''}{' '}
          <a href="/settings#annotations">Add a note</a>
        </>
      }
      numbers={
        <>
          {m.annotations.length > 0 && (
            <ul data-testid="annotations">
              {m.annotations.map((a) => (
                <li key={a.id}>
                  {a.day}: {a.text}
                </li>
              ))}
            </ul>
          )}
          <table>
            <thead>
              <tr>
                <th>{unit === 'day' ? 'Day' : 'Month'}</th>
                {m.cohorts.map((c) => (
                  <th key={c} className="num">
                    {COHORT_LABELS[c]}
                  </th>
                ))}
                <th className="num">Total</th>
                {showPrevious && <th className="num">Previous period</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.bucket}>
                  <td>{r.bucket}</td>
                  {m.cohorts.map((c) => (
                    <td key={c} className="num">
                      {fmtInt(Number(r[c]))}
                    </td>
                  ))}
                  <td className="num">{fmtInt(r.total)}</td>
                  {showPrevious && <td className="num">{fmtInt(r.previous ?? 0)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      }
    >
      {rows.length > 0 ? (
        <CalendarViewsChart
          data={rows}
          cohorts={m.cohorts.map((c) => ({ key: c, name: COHORT_SHORT[c] }))}
          annotations={m.annotations}
          showPrevious={showPrevious}
        />
      ) : (
        <p className="muted">No traffic imported yet.</p>
      )}
    </ChartPanel>
  );
}

/** The most-viewed posts in the range, with the previous period's views beside them. */
export function TopPostsSection({ m }: { m: OverviewModel }) {
  const comparing = m.calendar.previousRange !== null;
  return (
    <ChartPanel
      id="top-posts-h"
      testId="top"
      title={`Top ${m.top.length} posts by page views`}
      caption={`n = ${fmtInt(m.top.length)} of ${fmtInt(m.posts.length)} published posts, page views in the period shown, coloured by cohort${comparing ? '; grey bars: the same posts in the previous period' : ''}.`}
      numbers={
        <ol data-testid="top-posts">
          {m.top.map((p) => (
            <li key={p.id}>
              <a href={`/posts/${p.id}`}>{p.title || '(no title)'}</a>: {fmtInt(p.views)} page views{' '}
              {p.previousViews !== null && (
                <span className="muted small">
                  (previous period {fmtInt(p.previousViews)}, {fmtChange(p.views, p.previousViews)}){' '}
                </span>
              )}
              <CohortChip cohort={p.cohort} />
            </li>
          ))}
        </ol>
      }
    >
      {m.top.length > 0 ? (
        <TopPostsChart
          data={m.top.map((p) => ({
            title: p.title,
            cohort: p.cohort,
            cohortName: COHORT_SHORT[p.cohort],
            views: p.views,
            ...(p.previousViews !== null ? { previous: p.previousViews } : {}),
          }))}
        />
      ) : (
        <p className="muted">No post has a page view in this period.</p>
      )}
    </ChartPanel>
  );
}
