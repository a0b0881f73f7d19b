/**
 * Applies the committed drizzle migrations in db/migrations to a database. Run on start and before every
 * import (never inside `next build`). An existing database with data is backed up first when migrations are pending
 * (db/backup.ts), so a failed or unwanted schema change can be undone by restoring the copy.
 */
import path from 'node:path';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { backupDatabase, defaultBackupPath, hasUserData } from './backup';
import type { Db } from './client';

/**
 * Folder of the generated SQL migrations. `TEND_MIGRATIONS` overrides; otherwise `db/migrations` under the working
 * directory (npm scripts and `next start` run from the project root; __dirname is not reliable inside Next's bundle).
 */
export const MIGRATIONS_DIR = process.env.TEND_MIGRATIONS ?? path.join(process.cwd(), 'db', 'migrations');

/** Number of migrations not yet applied, by drizzle's own rule (a migration newer than the last applied one). */
export function pendingMigrations(db: Db, folder = MIGRATIONS_DIR): number {
  const files = readMigrationFiles({ migrationsFolder: folder });
  const c = db.$client;
  const table = c.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return files.length;
  const last = c.prepare('select created_at from __drizzle_migrations order by created_at desc limit 1').get() as
    | { created_at: number | string }
    | undefined;
  return last ? files.filter((f) => Number(last.created_at) < f.folderMillis).length : files.length;
}

/**
 * Bring `db` up to the newest schema. When migrations are pending and the database already holds data, first writes
 * a backup to `<data folder>/backups/tend-<time>-before-migration.db` and logs its path.
 * @returns the backup written, or null.
 * @throws Error (with the cause) when the backup or a migration fails; the failed migration is rolled back.
 */
export function migrate(db: Db): string | null {
  let backup: string | null = null;
  const file = db.$client.name;
  if (file && file !== ':memory:' && !db.$client.memory && pendingMigrations(db) > 0 && hasUserData(db.$client)) {
    backup = backupDatabase(db.$client, defaultBackupPath(file, 'before-migration')).file;
    console.error(`tend: backed up the database to ${backup} before migrating`);
  }
  drizzleMigrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return backup;
}
