/**
 * Write a consistent copy of the Tend database, safe while the dashboard and imports run (VACUUM INTO: one read
 * snapshot; writers go on).
 *
 * Usage: npm run backup [-- --out FILE]
 *   default FILE: <data folder>/backups/tend-<UTC time>.db   (database: TEND_DB, default data/tend.db)
 * Restore: stop Tend, copy the backup over the database file and delete the database's -wal and -shm files, start.
 * Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { backupDatabase, defaultBackupPath } from '../db/backup';
import { databasePath } from '../db/client';

const HELP = `Usage: npm run backup [-- --out FILE]
  Writes a consistent copy of the database (TEND_DB, now ${databasePath()}) while Tend runs.
  Default FILE: <data folder>/backups/tend-<UTC time>.db. An existing FILE is never overwritten.
Restore: stop Tend; cp BACKUP ${databasePath()}; rm -f ${databasePath()}-wal ${databasePath()}-shm; start Tend.`;

function main(): number {
  let values: { out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`backup failed: there is no database at ${file} (set TEND_DB)`);
    return 1;
  }
  try {
    // VACUUM INTO only reads the live database; the busy timeout waits out another process's checkpoint.
    const sqlite = new Database(file, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    try {
      const started = Date.now();
      const { file: out, bytes } = backupDatabase(sqlite, values.out ?? defaultBackupPath(file));
      console.log(`backed up ${file} to ${out} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms)`);
    } finally {
      sqlite.close();
    }
    return 0;
  } catch (err) {
    console.error(`backup failed: ${(err as Error).message}`);
    return 1;
  }
}

process.exit(main());
