/**
 * Data of the `traffic` browser tests (facts in fixtures/traffic/e2e/README.md): the 4 posts of fixtures/e2e, two
 * access logs (one with an old permalink that matches no post), a Plausible export overlapping the log's days, and a
 * real `npm run sync` run (a folder with a GA4 export, and a Plausible API source whose key variable is unset, so
 * the last sync shows an error).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { formatSummary, importPostsFile } from '../../db/importers';
import { runSync } from '../../db/sync/run-sync';
import { validateSyncConfig } from '../../lib/sync/config';

export async function prepare(db: Db): Promise<void> {
  const fx = (...p: string[]) => path.resolve('fixtures', ...p);
  console.log(formatSummary(await importPostsFile(db, fx('e2e', 'feed.xml'))));
  for (const f of [
    fx('e2e', 'access.log'),
    fx('traffic', 'e2e', 'old-permalinks.log'),
    fx('traffic', 'e2e', 'imported_pages_20240301_20240310.csv'),
  ]) {
    console.log(formatSummary(await importViewsFile(db, f)));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-e2e-sync-'));
  fs.copyFileSync(fx('traffic', 'ga4-pages-and-screens.csv'), path.join(dir, 'ga4-pages-and-screens.csv'));
  delete process.env.TEND_E2E_UNSET_PLAUSIBLE_KEY;
  const config = validateSyncConfig(
    {
      sources: [
        { name: 'exports', type: 'folder', path: dir },
        {
          name: 'plausible',
          type: 'plausible-api',
          siteId: 'allotment.example',
          apiKeyEnv: 'TEND_E2E_UNSET_PLAUSIBLE_KEY',
        },
      ],
    },
    'e2e sync config',
    dir,
  );
  const run = await runSync(db, config);
  console.log(`sync: ${run.status}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
