/**
 * Builds the throwaway database of one e2e area with the real importers.
 * Usage: TEND_DB=... tsx e2e/prepare-db.ts AREA
 * An area may bring its own e2e/AREA/prepare.ts exporting `prepare(db)`; otherwise the database gets Tend's own
 * fixtures in fixtures/e2e (4 posts, facts in fixtures/e2e/README.md). Exit 1 when an import fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Db, databasePath, openDb } from '../db/client';
import { importViewsFile } from '../db/import-views';
import { formatSummary, importPostsFile } from '../db/importers';
import { migrate } from '../db/migrate';

/** The default data set: fixtures/e2e's feed and access log. */
export async function prepareDefault(db: Db): Promise<void> {
  const dir = path.resolve('fixtures', 'e2e');
  console.log(formatSummary(await importPostsFile(db, path.join(dir, 'feed.xml'))));
  console.log(formatSummary(await importViewsFile(db, path.join(dir, 'access.log'))));
}

async function main() {
  const area = process.argv[2] ?? 'core';
  const file = databasePath();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  migrate(db);
  const own = path.resolve('e2e', area, 'prepare.ts');
  if (fs.existsSync(own)) {
    const mod = (await import(own)) as { prepare: (db: Db) => Promise<void> };
    await mod.prepare(db);
  } else await prepareDefault(db);
  db.$client.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
