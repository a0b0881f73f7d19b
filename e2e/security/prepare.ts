/**
 * Database of the security e2e area: Tend's default e2e fixtures plus fixtures/security (posts whose titles, bodies,
 * paths, tags and authors are XSS payloads or spreadsheet formulas, and their page views). The formula post is culled
 * so the cull-plan exports contain it.
 */
import path from 'node:path';
import type { Db } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { formatSummary, importPostsFile } from '../../db/importers';
import { setDecision } from '../../db/mutations/decisions';

export async function prepare(db: Db): Promise<void> {
  const e2e = path.resolve('fixtures', 'e2e');
  const own = path.resolve('fixtures', 'security');
  console.log(formatSummary(await importPostsFile(db, path.join(e2e, 'feed.xml'))));
  console.log(formatSummary(await importPostsFile(db, path.join(own, 'hostile-feed.xml'))));
  console.log(formatSummary(await importViewsFile(db, path.join(e2e, 'access.log'))));
  console.log(formatSummary(await importViewsFile(db, path.join(own, 'access.log'))));
  const formula = db.$client.prepare("select id from posts where title like '=HYPERLINK%'").get() as { id: number };
  setDecision(db, formula.id, 'cull', '=1+1 a formula in a note');
}
