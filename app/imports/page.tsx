import { connection } from 'next/server';
import { fmtInt } from '@/components/Badges';
import { CoverageTimeline } from '@/components/imports/CoverageTimeline';
import { ImportRunsTable } from '@/components/imports/ImportRunsTable';
import { SyncStatus } from '@/components/imports/SyncStatus';
import { UnmatchedTable } from '@/components/imports/UnmatchedTable';
import { getDb } from '@/db/client';
import {
  countUnmatchedByKind,
  getCoverage,
  listImportRuns,
  listPostChoices,
  listSyncRuns,
  listUnmatchedPaths,
  suggestPostFor,
} from '@/db/queries/imports';
import { mapPathAction } from './actions';

/** Unmatched paths shown by default: the most viewed first; `?unmatched=all` shows up to 1,000. */
const UNMATCHED_SHOWN = 25;

export default async function ImportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const all = (await searchParams).unmatched === 'all';
  const db = getDb();
  const runs = listImportRuns(db);
  const kinds = countUnmatchedByKind(db);
  const posts = listPostChoices(db);
  const unmatched = listUnmatchedPaths(db, 'page', all ? 1000 : UNMATCHED_SHOWN).map((u) => ({
    ...u,
    suggested: suggestPostFor(u.path, posts),
  }));
  const syncRuns = listSyncRuns(db, 6);
  const coverage = getCoverage(db);
  return (
    <>
      <h1>Imports</h1>
      <p className="lede">
        Where your numbers come from: the nightly sync, which days each source covers, every import, and the traffic
        whose path matched no post (kept, never dropped; map it to a post below).
      </p>
      <section className="panel" aria-labelledby="sync-h">
        <h2 id="sync-h" style={{ marginTop: 0 }}>
          Nightly sync
        </h2>
        <SyncStatus runs={syncRuns} />
      </section>
      <section className="panel" aria-labelledby="coverage-h">
        <h2 id="coverage-h" style={{ marginTop: 0 }}>
          Coverage by source
        </h2>
        <CoverageTimeline rows={coverage} />
      </section>
      <section className="panel" aria-labelledby="unmatched-h">
        <h2 id="unmatched-h" style={{ marginTop: 0 }}>
          Unmatched traffic
        </h2>
        <p className="muted small">
          {kinds.length === 0
            ? 'None: every page view matched a post.'
            : kinds
                .map(
                  (k) =>
                    `${k.kind}: ${fmtInt(k.paths)} paths, ${fmtInt(k.pageViews)} page views, ${fmtInt(k.botHits)} bot hits`,
                )
                .join(' · ')}
        </p>
        {unmatched.length > 0 && (
          <>
            <p className="small">
              A page path that is really one of your posts (an old permalink, a renamed slug)? Map it: it becomes an
              alias of the post, and its page views, past and future, count for that post.
            </p>
            <UnmatchedTable rows={unmatched} posts={posts} action={mapPathAction} />
            <p className="small muted">
              {all ? (
                <a href="/imports#unmatched-h">Show the {UNMATCHED_SHOWN} most viewed only</a>
              ) : (
                unmatched.length === UNMATCHED_SHOWN && (
                  <>
                    The {UNMATCHED_SHOWN} most viewed page paths.{' '}
                    <a href="/imports?unmatched=all#unmatched-h">Show all (up to 1,000)</a>
                  </>
                )
              )}
            </p>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="runs-h">
        <h2 id="runs-h" style={{ marginTop: 0 }}>
          Import runs
        </h2>
        <ImportRunsTable runs={runs} />
      </section>
    </>
  );
}
