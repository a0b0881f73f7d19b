import type { SyncRunRow } from '@/db/queries/imports';
import styles from './imports.module.css';

const when = (t: string | null) => (t ? `${t.replace('T', ' ').slice(0, 16)} UTC` : '—');

const STATUS_TEXT: Record<string, string> = {
  ok: 'every source synced',
  partial: 'some sources failed',
  failed: 'every source failed',
  running: 'still running (or stopped before finishing)',
};

/** The last nightly sync: when, how it ended, each source's outcome and error; then the runs before it. */
export function SyncStatus({ runs }: { runs: SyncRunRow[] }) {
  const [last, ...older] = runs;
  if (!last) {
    return (
      <p className="muted" data-testid="sync-none">
        No sync has run yet. List your logs, export folders or Plausible site in <code>tend.sync.json</code> and run{' '}
        <code>npm run sync</code> (nightly from cron or a systemd timer; see the README).
      </p>
    );
  }
  return (
    <div data-testid="sync-last">
      <p style={{ margin: 0 }}>
        Last sync: <strong>{when(last.finishedAt ?? last.startedAt)}</strong> —{' '}
        <span className={last.status === 'ok' ? 'ok' : 'error'} data-testid="sync-status">
          {last.status}
        </span>{' '}
        ({STATUS_TEXT[last.status] ?? last.status})
      </p>
      <ul className={styles.sources}>
        {last.results.map((r) => (
          <li key={r.source} data-source={r.source}>
            <span className={r.ok ? 'ok' : 'error'}>{r.ok ? '✓' : '✗'}</span> <strong>{r.source}</strong>{' '}
            <span className="muted small">({r.type})</span>: {r.summary}
            {r.error && (
              <div className="error small" data-testid="sync-error">
                {r.error}
              </div>
            )}
          </li>
        ))}
      </ul>
      {older.length > 0 && (
        <ol className={styles.runs} aria-label="Earlier syncs">
          {older.map((r) => (
            <li key={r.id}>
              {when(r.finishedAt ?? r.startedAt)}: {r.status}
              {r.results.some((x) => !x.ok) &&
                ` (failed: ${r.results
                  .filter((x) => !x.ok)
                  .map((x) => x.source)
                  .join(', ')})`}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
