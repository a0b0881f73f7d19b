/**
 * The comparison area's database: fixtures/comparison (12 posts, 16 days of views; facts in its README.md) through
 * the real importers, the author's labels set as the author would, and one timeline note.
 */
import path from 'node:path';
import type { Db } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { formatSummary, importPostsFile } from '../../db/importers';
import { setAuthorshipLabel } from '../../db/mutations/decisions';
import { addAnnotation } from '../../db/mutations/settings-annotations';
import type { AuthorshipLabel } from '../../lib/types';

/** Label of each post by its title's slug prefix (h = human, g = AI-generated, a = AI-assisted, u = none). */
const LABELS: Record<string, AuthorshipLabel | null> = { h: 'human', g: 'ai-generated', a: 'ai-assisted', u: null };

export async function prepare(db: Db): Promise<void> {
  const dir = path.resolve('fixtures', 'comparison');
  console.log(formatSummary(await importPostsFile(db, path.join(dir, 'feed.xml'))));
  console.log(formatSummary(await importViewsFile(db, path.join(dir, 'views.csv'))));
  const posts = db.$client.prepare('select id, path from posts').all() as { id: number; path: string }[];
  for (const p of posts) {
    const slug = p.path.split('/').filter(Boolean).pop() ?? '';
    const label = LABELS[slug[0]];
    if (label === undefined) throw new Error(`prepare: unexpected post path ${p.path}`);
    if (label) setAuthorshipLabel(db, p.id, label, 'author');
  }
  addAnnotation(db, { day: '2024-02-14', text: 'started AI posts' });
}
