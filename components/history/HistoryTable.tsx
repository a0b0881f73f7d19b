import { DateTime } from 'luxon';
import { DecisionBadge } from '@/components/Badges';
import { UndoEventButton } from '@/components/history/UndoEventButton';
import type { HistoryRow } from '@/db/queries/history';
import styles from './history.module.css';

type Result = { ok: true; message: string; postId?: number } | { ok: false; error: string; needsConfirm?: boolean };

/** `2026-11-20 14:03` in the site time zone, from a UTC ISO time. */
export function siteTime(iso: string, timeZone: string): string {
  const d = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone);
  return d.isValid ? d.toFormat('yyyy-LL-dd HH:mm') : iso;
}

/** Decision events, newest first: when, which post, old → new, note, undo links between events, an Undo button. */
export function HistoryTable({
  rows,
  timeZone,
  undo,
}: {
  rows: HistoryRow[];
  timeZone: string;
  undo: (input: { eventId: number; confirm?: boolean }) => Promise<Result>;
}) {
  return (
    <div>
      <table data-testid="history-table" className={styles.table}>
        <thead>
          <tr>
            <th>#</th>
            <th>When ({timeZone})</th>
            <th>Post</th>
            <th>Change</th>
            <th>Note</th>
            <th>
              <span className="sr-only">Undo</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="history-row" data-event={r.id} data-post={r.postId}>
              <td className={`muted ${styles.id}`}>#{r.id}</td>
              <td className={styles.when}>{siteTime(r.at, timeZone)}</td>
              <td>
                <a href={`/posts/${r.postId}`}>{r.title || `(post ${r.postId})`}</a>
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <DecisionBadge decision={r.oldDecision} /> → <DecisionBadge decision={r.newDecision} />
                {r.rereviewOn && <div className="small muted">re-review on {r.rereviewOn}</div>}
                {r.undoes !== null && <div className="small muted">undo of #{r.undoes}</div>}
                {r.undoneBy !== null && <div className="small muted">undone by #{r.undoneBy}</div>}
              </td>
              <td className={`small ${styles.note}`} data-testid="history-note">
                {r.note}
              </td>
              <td>
                {r.undoneBy === null ? (
                  <UndoEventButton eventId={r.id} laterInForce={r.laterInForce} action={undo} />
                ) : (
                  <span className="small muted">undone</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
