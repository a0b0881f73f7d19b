/**
 * Data of the `pruning` e2e area: the demo blog (lib/demo, fixed seed, 76 posts, 400 days of access log) written to a
 * temp folder and imported with the real importers, the author's labels, and a few earlier decisions so the cull plan
 * has something to show: the 4 least-read AI-generated posts culled (one of them marked gone), 12 human essays kept,
 * and one kept post whose re-review day has come (it is back in the queue).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { formatSummary, importPostsFile } from '../../db/importers';
import { setAuthorshipLabel, setDecision } from '../../db/mutations/decisions';
import { setRedirect } from '../../db/mutations/redirects';
import { loadPathIndex } from '../../db/mutations/traffic';
import { setSetting } from '../../db/settings';
import { generateDemoBlog, SITE_URL } from '../../lib/demo/generate';
import { normalizePath } from '../../lib/paths';

export const SEED = 20250925;
export const END_DAY = '2026-11-15';

export async function prepare(db: Db): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-e2e-pruning-'));
  try {
    const blog = generateDemoBlog({ seed: SEED, endDay: END_DAY });
    fs.writeFileSync(path.join(dir, 'feed.xml'), blog.feedXml);
    fs.writeFileSync(path.join(dir, 'access.log'), blog.accessLog);
    setSetting(db, 'timeZone', 'UTC');
    setSetting(db, 'siteUrl', SITE_URL);
    console.log(formatSummary(await importPostsFile(db, path.join(dir, 'feed.xml'))));
    console.log(formatSummary(await importViewsFile(db, path.join(dir, 'access.log'))));
    const index = loadPathIndex(db);
    for (const l of blog.labels) {
      const id = index.get(normalizePath(l.path));
      if (id !== undefined && l.label) setAuthorshipLabel(db, id, l.label, 'author');
    }
    const rows = db.$client
      .prepare(`select p.id, coalesce(a.label, '') as label, coalesce(s.lifetime_views, 0) as views from posts p
        left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
        where p.status = 'publish' order by views, p.id`)
      .all() as { id: number; label: string; views: number }[];
    const culled = rows.filter((r) => r.label === 'ai-generated').slice(0, 4);
    for (const r of culled) setDecision(db, r.id, 'cull', 'thin AI post nobody reads');
    setRedirect(db, { postId: culled[0].id, target: 'gone' });
    const kept = rows.filter((r) => r.label === 'human').slice(-13);
    for (const r of kept.slice(1)) setDecision(db, r.id, 'keep', 'an essay people still read');
    setDecision(db, kept[0].id, 'keep', 'look again later', { rereviewOn: '2026-01-01' });
    // Decisions made "earlier": move their times back, so today's progress starts at 0.
    db.$client.prepare("update decision_events set at = '2026-11-16T09:00:00.000Z'").run();
    db.$client.prepare("update decisions set updated_at = '2026-11-16T09:00:00.000Z'").run();
    console.log(`pruning: culled ${culled.length}, kept ${kept.length} (one due for re-review)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
