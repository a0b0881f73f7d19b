/**
 * Test helpers: a real, migrated SQLite file in a fresh temporary folder, and a snapshot of every table for
 * "nothing changed" assertions. Used by *.test.ts only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, openDb } from './client';
import { migrate } from './migrate';

/** Open a migrated database in a new temp folder. Call `cleanup()` when done. */
export function tempDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-test-'));
  const file = path.join(dir, 'tend.db');
  const db = openDb(file);
  migrate(db);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every data table (import_runs excluded: it records each attempt by design), in a stable order. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = [
    'posts',
    'post_aliases',
    'daily_views',
    'unmatched_paths',
    'period_views',
    'post_stats',
    'authorship',
    'decisions',
    'decision_events',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = db.$client.prepare(`select * from ${t}`).all() as Record<string, unknown>[];
    out[t] = rows
      .map((r) => {
        const { updated_at: _u, created_at: _c, ...rest } = r;
        return rest;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** Absolute path of a file in ../shared (next to the project), and whether it exists. */
export function sharedFile(...parts: string[]): { path: string; exists: boolean } {
  const p = path.resolve(__dirname, '..', '..', 'shared', ...parts);
  const exists = fs.existsSync(p);
  if (!exists) console.warn(`skipping: ${p} is absent (../shared is not next to this checkout)`);
  return { path: p, exists };
}

/** Absolute path of one of Tend's own fixtures. */
export function ownFixture(...parts: string[]): string {
  return path.resolve(__dirname, '..', 'fixtures', ...parts);
}
