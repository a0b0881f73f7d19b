/**
 * Nightly sync: read every traffic source in the sync config (log files and globs, export folders, the Plausible
 * Stats API) and add what is new since the last run. Safe to run any number of times: a second run in a row changes
 * nothing. One run at a time (a lock next to the database; a crashed run's lock goes stale).
 *
 * Usage: npm run sync [-- --config FILE] [--quiet]
 * Config: tend.sync.json (or .yaml) next to the database unless --config; see the README, "Nightly sync".
 * Database: TEND_DB (default data/tend.db), migrated first.
 * Exit codes: 0 every source synced, 1 some source failed (the others were synced), 2 bad arguments or config,
 * 3 another sync is running.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../db/client';
import { migrate } from '../db/migrate';
import { runSync } from '../db/sync/run-sync';
import type { SyncSourceResult } from '../db/sync/types';
import { defaultConfigPath, loadSyncConfig, type SyncConfig } from '../lib/sync/config';
import { acquireLock } from '../lib/sync/lock';

const HELP = `Usage: npm run sync [-- --config FILE] [--quiet]

Reads the sources listed in the sync config and imports what is new: log files from where the last run stopped
(rotation and truncation detected), changed export files, the last days of the Plausible Stats API.
Config: ${defaultConfigPath(databasePath())} unless --config FILE (JSON or YAML; see the README).
Exit codes: 0 all sources synced, 1 some source failed, 2 bad arguments or config, 3 another sync is running.`;

function printSource(r: SyncSourceResult, quiet: boolean): void {
  const line = `${r.ok ? 'ok    ' : 'FAILED'} ${r.source} (${r.type}): ${r.summary}`;
  if (r.ok) {
    if (!quiet) console.log(line);
  } else console.error(`${line}${r.error ? `\n       ${r.error}` : ''}`);
  if (quiet) return;
  for (const i of r.items) {
    if (i.action === 'error') continue;
    console.log(`       ${i.action} ${i.item}: ${i.reason}`);
    // Malformed lines: the first few by their line in the whole file (the Imports page lists up to 200).
    for (const x of i.rejects ?? []) console.log(`       rejected ${i.item}${x.line ? `:${x.line}` : ''}: ${x.reason}`);
    const more = (i.rejected ?? 0) - (i.rejects?.length ?? 0);
    if (more > 0)
      console.log(`       ... and ${more.toLocaleString('en-US')} more malformed lines (see the Imports page)`);
  }
}

async function main(): Promise<number> {
  let values: { config?: string; quiet?: boolean; help?: boolean };
  try {
    values = parseArgs({
      options: {
        config: { type: 'string', short: 'c' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const dbFile = databasePath();
  const configFile = path.resolve(values.config ?? defaultConfigPath(dbFile));
  let config: SyncConfig;
  try {
    config = loadSyncConfig(configFile);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const lockFile = path.join(path.dirname(dbFile), 'tend.sync.lock');
  const lock = acquireLock(lockFile, { staleHours: config.lockStaleHours });
  if (!lock.ok) {
    const h = lock.heldBy;
    console.error(
      `another sync is running (pid ${h.pid} on ${h.host || '?'}, since ${h.startedAt}); lock: ${lockFile}`,
    );
    return 3;
  }
  if (lock.tookOverStale)
    console.error(`took over a stale lock (pid ${lock.tookOverStale.pid}, since ${lock.tookOverStale.startedAt})`);
  const release = () => lock.release();
  process.once('SIGINT', () => {
    release();
    process.exit(130);
  });
  process.once('SIGTERM', () => {
    release();
    process.exit(143);
  });
  const db = openDb(dbFile);
  try {
    migrate(db);
    const run = await runSync(db, config, { onSource: (r) => printSource(r, Boolean(values.quiet)) });
    const failed = run.results.filter((r) => !r.ok).length;
    const msg = `sync run ${run.runId}: ${run.status}, ${run.results.length - failed} of ${run.results.length} sources synced`;
    if (failed) console.error(msg);
    else if (!values.quiet) console.log(msg);
    return failed ? 1 : 0;
  } finally {
    db.$client.close();
    release();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(`sync failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  });
