/**
 * Builds the throwaway database for the browser tests with the real importers: Tend's own fixtures in
 * fixtures/e2e (always present). Usage: TEND_DB=... tsx e2e/prepare-db.ts. Exit 1 when an import fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDb } from '../db/client';
import { importViewsFile } from '../db/import-views';
import { formatSummary, importPostsFile } from '../db/importers';
import { migrate } from '../db/migrate';

async function main() {
  const file = databasePath();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  migrate(db);
  const dir = path.resolve('fixtures', 'e2e');
  console.log(formatSummary(await importPostsFile(db, path.join(dir, 'feed.xml'))));
  console.log(formatSummary(await importViewsFile(db, path.join(dir, 'access.log'))));
  db.$client.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
