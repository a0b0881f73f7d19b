import { connection } from 'next/server';
import { undoAction } from '@/app/review/actions';
import { fmtInt } from '@/components/Badges';
import { HistoryTable } from '@/components/history/HistoryTable';
import { UndoLastButton } from '@/components/history/UndoLastButton';
import { getDb } from '@/db/client';
import { listDecisionHistory } from '@/db/queries/history';
import { getSettings } from '@/db/settings';

// Every keep/cull decision, newest first, 50 a page (?page=N). Undo appends a new event; nothing is ever deleted.
export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const sp = await searchParams;
  const requested = typeof sp.page === 'string' ? Number(sp.page) : 1;
  const db = getDb();
  const { timeZone } = getSettings(db);
  const h = listDecisionHistory(db, Number.isFinite(requested) ? requested : 1);
  const first = (h.page - 1) * h.perPage + 1;
  return (
    <>
      <h1>History</h1>
      <p className="lede">
        Every keep/cull decision as it happened, newest first. Undo writes a new entry that puts the post back the way
        it was before; if the post changed again since, you are told what will be replaced and asked first.
      </p>
      {h.total > 0 && <UndoLastButton action={undoAction} />}
      {h.total === 0 ? (
        <p className="muted" data-testid="history-empty">
          No decisions yet. Start on the <a href="/review">review queue</a>.
        </p>
      ) : (
        <>
          <p className="small muted" data-testid="history-count">
            {fmtInt(h.total)} decisions in all · showing {fmtInt(first)}–{fmtInt(first + h.rows.length - 1)}
          </p>
          <HistoryTable rows={h.rows} timeZone={timeZone} undo={undoAction} />
          {h.pages > 1 && (
            <nav aria-label="Pages" className="small" style={{ display: 'flex', gap: '1rem', marginTop: '0.75rem' }}>
              {h.page > 1 ? (
                <a href={`/history?page=${h.page - 1}`}>← Newer</a>
              ) : (
                <span className="muted">← Newer</span>
              )}
              <span>
                Page {h.page} of {h.pages}
              </span>
              {h.page < h.pages ? (
                <a href={`/history?page=${h.page + 1}`}>Older →</a>
              ) : (
                <span className="muted">Older →</span>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
