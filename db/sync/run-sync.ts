/**
 * One nightly sync run: apply the configured source priority, run every source in order (a failing source does not
 * stop the others), and record the run in `sync_runs` (status `running` while it goes, then `ok`, `partial` or
 * `failed` with each source's result). The caller holds the lock (lib/sync/lock.ts).
 */
import type { SyncConfig } from '../../lib/sync/config';
import { ownHostsOf } from '../../lib/traffic/counting-rules';
import type { Db } from '../client';
import { recomputePostStats } from '../mutations/traffic';
import { DEFAULT_SOURCE_PRIORITY, getSourcePriority, setSourcePriority } from '../mutations/traffic-coverage';
import { getSettings } from '../settings';
import { syncFolderSource } from './folder-source';
import { syncLogSource } from './log-source';
import { syncPlausibleSource } from './plausible-source';
import type { SyncRunResult, SyncSourceResult } from './types';

export interface RunSyncOptions {
  /** Clock (epoch ms), for the Plausible date range in tests. */
  now?: () => number;
  /** fetch for the Plausible API, for tests. */
  fetchImpl?: typeof fetch;
  /** Called with each source's result as it finishes (the CLI prints it). */
  onSource?: (r: SyncSourceResult) => void;
}

/** Run all sources of a config once. Never throws for a source's failure; see the returned status. */
export async function runSync(db: Db, config: SyncConfig, opts: RunSyncOptions = {}): Promise<SyncRunResult> {
  const settings = getSettings(db);
  const ctx = { timeZone: settings.timeZone, ownHosts: ownHostsOf(settings.siteUrl) };
  // The caller holds the lock, so a run still marked running was interrupted (killed, power cut).
  db.$client
    .prepare(`update sync_runs set status = 'failed', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
      results = ? where status = 'running'`)
    .run(
      JSON.stringify([
        {
          source: '(run)',
          type: 'run',
          ok: false,
          summary: 'interrupted',
          error: 'the run stopped before finishing (killed or crashed)',
          items: [],
        },
      ]),
    );
  const runId = Number(db.$client.prepare("insert into sync_runs (status) values ('running')").run().lastInsertRowid);
  const priority = config.priority ?? [...DEFAULT_SOURCE_PRIORITY];
  if (JSON.stringify(getSourcePriority(db)) !== JSON.stringify(priority)) {
    db.$client.transaction(() => {
      setSourcePriority(db, priority);
      recomputePostStats(db);
    })();
  }
  const results: SyncSourceResult[] = [];
  for (const src of config.sources) {
    let r: SyncSourceResult;
    try {
      r =
        src.type === 'access-log'
          ? await syncLogSource(db, src, ctx)
          : src.type === 'folder'
            ? await syncFolderSource(db, src)
            : await syncPlausibleSource(db, src, { timeZone: ctx.timeZone, now: opts.now, fetchImpl: opts.fetchImpl });
    } catch (err) {
      const error = (err as Error).message;
      r = { source: src.name, type: src.type, ok: false, summary: 'failed', error, items: [] };
    }
    results.push(r);
    opts.onSource?.(r);
  }
  const ok = results.filter((r) => r.ok).length;
  const status = ok === results.length ? 'ok' : ok === 0 ? 'failed' : 'partial';
  db.$client
    .prepare(
      `update sync_runs set status = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), results = ? where id = ?`,
    )
    .run(status, JSON.stringify(results), runId);
  return { runId, status, results };
}
