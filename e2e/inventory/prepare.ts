/**
 * Data of the `inventory` e2e area: a WordPress export imported with the real importer, then the same blog after a
 * slug change, then its access log. Tend's own fixtures (fixtures/inventory), so it runs without ../shared.
 */
import path from 'node:path';
import type { Db } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { formatSummary, importPostsFile } from '../../db/importers';

export async function prepare(db: Db): Promise<void> {
  const dir = path.resolve('fixtures', 'inventory');
  console.log(formatSummary(await importPostsFile(db, path.join(dir, 'shed-v1.xml'))));
  console.log(formatSummary(await importViewsFile(db, path.join(dir, 'access.log'))));
  console.log(formatSummary(await importPostsFile(db, path.join(dir, 'shed-v2.xml'))));
}
