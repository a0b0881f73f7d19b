/**
 * Consistent copies of the database while Tend runs: `VACUUM INTO` reads the database in one read transaction (a
 * snapshot: in WAL mode writers in other processes go on meanwhile) and writes a compact, self-contained file. Used by
 * `npm run backup` and before migrations (db/migrate.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * `<folder of the database>/backups/tend-<UTC time>[-label].db`, e.g. `data/backups/tend-20250301-091500Z.db`; a
 * `-2`, `-3`… suffix when that name is taken.
 */
export function defaultBackupPath(dbFile: string, label?: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace(/\.\d+Z$/, 'Z');
  const base = path.join(path.dirname(path.resolve(dbFile)), 'backups', `tend-${stamp}${label ? `-${label}` : ''}`);
  let file = `${base}.db`;
  for (let i = 2; fs.existsSync(file); i++) file = `${base}-${i}.db`;
  return file;
}

/**
 * Copy the database open in `sqlite` to `out`: written to a temporary file beside it, checked with
 * `PRAGMA quick_check`, then renamed, so `out` is either complete or absent.
 * @returns the file written and its size in bytes.
 * @throws Error when `out` already exists (never overwrites), or the copy fails its check.
 */
export function backupDatabase(sqlite: Database.Database, out: string): { file: string; bytes: number } {
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new Error(`${file} already exists: choose another --out (a backup never overwrites)`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(tmp);
    const copy = new Database(tmp, { readonly: true });
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { file, bytes: fs.statSync(file).size };
}

/** Whether any table besides SQLite's and drizzle's own bookkeeping holds a row. */
export function hasUserData(sqlite: Database.Database): boolean {
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'",
    )
    .all() as { name: string }[];
  return tables.some(
    (t) => sqlite.prepare(`select 1 from "${t.name.replace(/"/g, '""')}" limit 1`).get() !== undefined,
  );
}
