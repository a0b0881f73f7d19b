import { fmtInt } from '@/components/Badges';
import type { ImportRunRow } from '@/db/queries/imports';
import styles from './imports.module.css';

/** The file name without its folder (the full path stays in the tooltip). */
const baseName = (f: string) => f.split(/[\\/]/).pop() || f;

/**
 * Every import run (CLI, sync, demo), newest first: what was read, what landed, how it ended. On a phone the table
 * scrolls sideways rather than squeezing the file names into a column of letters.
 */
export function ImportRunsTable({ runs }: { runs: ImportRunRow[] }) {
  if (runs.length === 0) {
    return (
      <p className="muted">
        Nothing imported yet. See the README: <code>npm run import -- posts FILE</code>, then{' '}
        <code>npm run import -- views FILE</code>.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table data-testid="import-runs" className={styles.runsTable}>
        <thead>
          <tr>
            <th>When (UTC)</th>
            <th>Kind</th>
            <th>File</th>
            <th className="num">Read</th>
            <th className="num">Imported</th>
            <th className="num">Bot</th>
            <th className="num">Unmatched</th>
            <th className="num">Rejected</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{r.finishedAt?.replace('T', ' ').slice(0, 16)}</td>
              <td>
                {r.kind} <span className="muted small">{r.format}</span>
              </td>
              <td className={`small ${styles.file}`} title={r.file}>
                {baseName(r.file)}
                {r.firstDay && (
                  <div className="muted">
                    {r.firstDay} to {r.lastDay}
                  </div>
                )}
              </td>
              <td className="num">{fmtInt(r.rowsRead)}</td>
              <td className="num">{fmtInt(r.rowsImported)}</td>
              <td className="num">{fmtInt(r.rowsBot)}</td>
              <td className="num">{fmtInt(r.rowsUnmatched)}</td>
              <td className="num">{fmtInt(r.rowsRejected)}</td>
              <td className={r.status === 'ok' ? 'ok' : 'error'}>
                {r.status}
                {r.error && <div className="small">{r.error}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
