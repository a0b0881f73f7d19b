import { fmtInt } from '@/components/Badges';
// Loaded when it scrolls into view, not with the page (components/charts/lazy.tsx).
import { DailyViewsChart } from '@/components/charts/lazy';

/** Daily page views of one post (zero-filled from publish day to the last day of data) with the numbers as text. */
export function TrafficPanel({
  rows,
  daily,
  start,
  end,
  lifetimeViews,
  publishedDay,
}: {
  rows: { day: string; pageViews: number; botHits: number }[];
  daily: { day: string; pageViews: number; botHits: number }[];
  start: string | undefined;
  end: string | undefined;
  lifetimeViews: number;
  publishedDay: string | null;
}) {
  return (
    <section className="panel" aria-labelledby="daily-h">
      <h2 id="daily-h" style={{ marginTop: 0 }}>
        Daily page views
      </h2>
      <p className="chart-caption">
        n = {fmtInt(rows.length)} days{start && end ? ` (${start} to ${end})` : ''}; {fmtInt(lifetimeViews)} page views
        in all.
      </p>
      {rows.length > 0 ? (
        <DailyViewsChart data={rows} publishedDay={publishedDay} />
      ) : (
        <p className="muted">No traffic for this post yet.</p>
      )}
      <details>
        <summary>The numbers (days with traffic)</summary>
        <table>
          <thead>
            <tr>
              <th>Day</th>
              <th className="num">Page views</th>
              <th className="num">Bot hits</th>
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td className="num">{fmtInt(d.pageViews)}</td>
                <td className="num">{fmtInt(d.botHits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
