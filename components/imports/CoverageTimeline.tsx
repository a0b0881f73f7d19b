import type { CoverageRow } from '@/db/queries/imports';
import styles from './imports.module.css';

const DAY_MS = 86_400_000;
const dayNum = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
const int = (n: number) => n.toLocaleString('en-US');

const KIND_TEXT: Record<CoverageRow['kind'], string> = {
  daily: 'daily numbers per post',
  period: 'totals over a period (not per day)',
  site: 'site totals per day (not per post)',
};

/** Ranges as text: `2024-03-01 to 2024-03-09, 2024-03-13 to 2024-05-03` (at most 4, then "and N more"). */
function rangesText(row: CoverageRow): string {
  const parts = row.ranges
    .slice(0, 4)
    .map((r) => (r.firstDay === r.lastDay ? r.firstDay : `${r.firstDay} to ${r.lastDay}`));
  return parts.join(', ') + (row.ranges.length > 4 ? ` and ${row.ranges.length - 4} more` : '');
}

/**
 * Which days each traffic source covers, on one shared time axis: a bar per source with its covered ranges (gaps
 * show as empty track), and the same facts as text (ranges, days covered, gap days, days it is the counted source).
 * Server component: plain CSS, no chart library, so it prints and reads without JavaScript.
 */
export function CoverageTimeline({ rows }: { rows: CoverageRow[] }) {
  if (rows.length === 0) return <p className="muted">No traffic imported yet, so no days are covered.</p>;
  const first = Math.min(...rows.flatMap((r) => r.ranges.map((x) => dayNum(x.firstDay))));
  const last = Math.max(...rows.flatMap((r) => r.ranges.map((x) => dayNum(x.lastDay))));
  const span = last - first + 1;
  const iso = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  return (
    <figure style={{ margin: 0 }} aria-label={`Coverage of ${rows.length} sources from ${iso(first)} to ${iso(last)}`}>
      <ul className={styles.timeline} data-testid="coverage">
        {rows.map((r) => {
          const spanDays =
            dayNum(r.ranges.at(-1)?.lastDay ?? iso(first)) - dayNum(r.ranges[0]?.firstDay ?? iso(first)) + 1;
          const gapDays = r.kind === 'period' ? 0 : spanDays - r.days;
          const label =
            r.kind === 'daily' ? r.source : `${r.source} (${r.kind === 'period' ? 'period' : 'site totals'})`;
          return (
            <li key={`${r.kind}:${r.source}`} className={styles.source} data-source={label}>
              <span className={styles.sourceName}>{label}</span>
              <div className={styles.track} role="img" aria-label={`${label}: ${rangesText(r)}`}>
                {r.ranges.map((x) => (
                  <span
                    key={x.firstDay}
                    className={`${styles.segment} ${r.kind === 'period' ? styles.period : r.kind === 'site' ? styles.site : ''}`}
                    style={{
                      left: `${((dayNum(x.firstDay) - first) / span) * 100}%`,
                      width: `${(x.days / span) * 100}%`,
                    }}
                    title={`${x.firstDay} to ${x.lastDay} (${int(x.days)} days)`}
                  />
                ))}
              </div>
              <p className={styles.facts}>
                {rangesText(r)} · {KIND_TEXT[r.kind]} ·{' '}
                {r.kind === 'period' ? (
                  <>{int(r.pageViews)} views or visitors</>
                ) : (
                  <>
                    <span data-testid="covered-days">{int(r.days)}</span> days covered
                    {gapDays > 0 ? (
                      <strong>
                        {' '}
                        · {int(gapDays)} missing day{gapDays === 1 ? '' : 's'} in {int(r.ranges.length - 1)} gap
                        {r.ranges.length === 2 ? '' : 's'}
                      </strong>
                    ) : (
                      ' · no gaps'
                    )}
                    {r.kind === 'daily' && (
                      <>
                        {' '}
                        · counted on <span data-testid="winning-days">{int(r.winningDays)}</span> of them ·{' '}
                        {int(r.pageViews)} page views on posts
                      </>
                    )}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <div className={styles.axis} aria-hidden="true">
        <span>{iso(first)}</span>
        <span>{iso(last)}</span>
      </div>
      <figcaption className={styles.legend}>
        <span>
          <span className={styles.swatch} style={{ background: 'var(--accent)' }} />
          daily per post
        </span>
        <span>
          <span className={styles.swatch} style={{ background: '#7b6fb0' }} />
          period totals
        </span>
        <span>
          <span className={styles.swatch} style={{ background: '#8fb3a0' }} />
          site totals
        </span>
        <span>Empty track = no data those days. Where sources overlap, only the higher-priority one is counted.</span>
      </figcaption>
    </figure>
  );
}
