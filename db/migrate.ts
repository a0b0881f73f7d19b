/**
 * Applies the committed drizzle migrations in db/migrations to a database. Run on start and before every
 * import (never inside `next build`).
 */
import path from 'node:path';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client';

/**
 * Folder of the generated SQL migrations. `TEND_MIGRATIONS` overrides; otherwise `db/migrations` under the working
 * directory (npm scripts and `next start` run from the project root; __dirname is not reliable inside Next's bundle).
 */
export const MIGRATIONS_DIR = process.env.TEND_MIGRATIONS ?? path.join(process.cwd(), 'db', 'migrations');

/** Bring `db` up to the newest schema. Throws (with the cause) when a migration fails; the failed one is rolled back. */
export function migrate(db: Db): void {
  drizzleMigrate(db, { migrationsFolder: MIGRATIONS_DIR });
}
