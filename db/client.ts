/**
 * The one better-sqlite3 handle per process, wrapped by drizzle. WAL mode, foreign keys on, a busy timeout so a
 * nightly sync and the dashboard can write at the same time.
 *
 * The database file comes from `TEND_DB` (default `data/tend.db`, relative to the working directory).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Resolved path of the database file: `TEND_DB` or `data/tend.db`. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.TEND_DB ?? path.join('data', 'tend.db'));
}

/**
 * Open (creating the folder if needed) a SQLite database with Tend's pragmas. Does not migrate: call
 * `migrate(db)` from db/migrate.ts before use in scripts.
 */
export function openDb(file = databasePath()): Db {
  if (file !== ':memory:') fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // 16 KiB pages for a new database (an existing file keeps the size it was made with): a 1M-line log's import spent
  // about 80 ms less writing and checkpointing pages than with SQLite's default 4 KiB (`npm run bench`).
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  beginImmediately(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Makes `sqlite.transaction(fn)()` begin with BEGIN IMMEDIATE (`.deferred()` stays available). Every transaction in
 * Tend writes; a deferred one that reads first and writes later fails at once with "database is locked"
 * (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not retry) when another process committed in between, e.g. the
 * author tagging a post during a nightly import. Taking the write lock at BEGIN makes it wait its turn instead.
 */
function beginImmediately(sqlite: Database.Database): void {
  const original = sqlite.transaction;
  sqlite.transaction = function immediateTransaction(this: Database.Database, fn) {
    return original.call(this, fn).immediate;
  } as typeof sqlite.transaction;
}

const globalForDb = globalThis as unknown as { tendDb?: Db };

/** The process-wide handle (reused across Next.js hot reloads), migrated on first use at run time. */
export function getDb(): Db {
  if (!globalForDb.tendDb) {
    const db = openDb();
    migrate(db);
    globalForDb.tendDb = db;
  }
  return globalForDb.tendDb;
}
