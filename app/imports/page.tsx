import { connection } from 'next/server';
import { fmtInt } from '@/components/Badges';
import { getDb } from '@/db/client';
import { countUnmatchedByKind, listImportRuns, listUnmatchedPaths } from '@/db/queries/imports';

export default async function ImportsPage() {
  await connection();
  const db = getDb();
  const runs = listImportRuns(db);
  const kinds = countUnmatchedByKind(db);
  const unmatched = listUnmatchedPaths(db, 'page', 100);
  return (
    <>
      <h1>Imports</h1>
      <p className="lede">Every import run, and the traffic whose path matched no post (kept, never dropped).</p>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Import runs</h2>
        {runs.length === 0 ? (
          <p className="muted">
            Nothing imported yet. See the README: <code>npm run import -- posts FILE</code>.
          </p>
        ) : (
          <div className="table-wrap">
            <table data-testid="import-runs">
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
                    <td className="small" style={{ wordBreak: 'break-all' }}>
                      {r.file}
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
        )}
      </section>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Unmatched traffic</h2>
        <p className="muted small">
          {kinds.length === 0
            ? 'None.'
            : kinds
                .map(
                  (k) =>
                    `${k.kind}: ${fmtInt(k.paths)} paths, ${fmtInt(k.pageViews)} page views, ${fmtInt(k.botHits)} bot hits`,
                )
                .join(' · ')}
        </p>
        {unmatched.length > 0 && (
          <div className="table-wrap">
            <table data-testid="unmatched">
              <thead>
                <tr>
                  <th>Path (pages only)</th>
                  <th className="num">Page views</th>
                  <th className="num">Bot hits</th>
                  <th className="num">Days</th>
                </tr>
              </thead>
              <tbody>
                {unmatched.map((u) => (
                  <tr key={u.path}>
                    <td style={{ wordBreak: 'break-all' }}>
                      <code>{u.path}</code>
                    </td>
                    <td className="num">{fmtInt(u.pageViews)}</td>
                    <td className="num">{fmtInt(u.botHits)}</td>
                    <td className="num">{fmtInt(u.days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
