/**
 * Data of the `authorship` e2e area: the seeded demo blog (lib/demo, fixed seed and end day: 76 posts, 36 of them
 * human essays, the rest AI-assisted and AI-generated) written to a temp folder as an RSS feed and an access log
 * and imported with the real importers. Unlike `npm run demo`, no label is set: every post starts unlabelled, with
 * the rules' suggestion only, so the specs can label them and watch the cohorts move.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { formatSummary, importPostsFile } from '../../db/importers';
import { generateDemoBlog } from '../../lib/demo/generate';

export async function prepare(db: Db): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-e2e-authorship-'));
  const blog = generateDemoBlog({ seed: 20250925, endDay: '2026-11-15' });
  fs.writeFileSync(path.join(dir, 'feed.xml'), blog.feedXml);
  fs.writeFileSync(path.join(dir, 'access.log'), blog.accessLog);
  console.log(formatSummary(await importPostsFile(db, path.join(dir, 'feed.xml'))));
  console.log(formatSummary(await importViewsFile(db, path.join(dir, 'access.log'))));
  fs.rmSync(dir, { recursive: true, force: true });
}
