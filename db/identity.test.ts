// Post identity across re-imports (issue: one identity per post), with Tend's own WXR fixtures in
// fixtures/inventory (facts in its README), through the real importers into a real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importViewsFile } from './import-views';
import { importPostsFile } from './importers';
import { setAuthorshipLabel, setDecision } from './mutations/decisions';
import { listPosts } from './queries/posts';
import { ownFixture, snapshot, tempDb } from './test-helpers';

const v1 = ownFixture('inventory', 'shed-v1.xml');
const v2 = ownFixture('inventory', 'shed-v2.xml');
const log = ownFixture('inventory', 'access.log');

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('post identity', () => {
  it('imports posts only: drafts yes, attachments and pages no, counted by reason', async () => {
    const s = await importPostsFile(t.db, v1);
    expect(s.format).toBe('wxr');
    expect(s.imported).toBe(4);
    expect(s.skipped).toMatchObject({ attachment: 1, page: 1 });
    const draft = listPosts(t.db).find((p) => p.title === 'Draft idea');
    expect(draft?.publishedAt).toBeNull();
    expect(draft?.status).toBe('draft');
  });

  it('keeps two posts with the same title as two posts', async () => {
    await importPostsFile(t.db, v1);
    const same = listPosts(t.db).filter((p) => p.title === 'Same title');
    expect(same.map((p) => p.path).sort()).toEqual(['/2023/01/same-title', '/2023/02/same-title-2']);
  });

  it('a renamed post keeps its id, traffic, label and decision, and its old path becomes an alias', async () => {
    await importPostsFile(t.db, v1);
    const before = listPosts(t.db).find((p) => p.title === 'Old name');
    if (!before) throw new Error('post 103 missing');
    setAuthorshipLabel(t.db, before.id, 'human', 'author');
    setDecision(t.db, before.id, 'keep', 'renamed later');
    await importViewsFile(t.db, log);
    const s = await importPostsFile(t.db, v2);
    expect(s.detail).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const after = listPosts(t.db).find((p) => p.id === before.id);
    expect(after?.title).toBe('New name');
    expect(after?.path).toBe('/2023/03/new-name');
    // 2 views of the old path + 1 of the new path, which was unmatched until v2 arrived.
    expect(after?.lifetimeViews).toBe(3);
    expect(after?.label).toBe('human');
    expect(after?.suggestedLabel).toBe('ai-assisted');
    expect(after?.decision).toBe('keep');
    const alias = t.db.$client
      .prepare('select post_id as id from post_aliases where path = ?')
      .get('/2023/03/old-name');
    expect(alias).toEqual({ id: before.id });
    expect(listPosts(t.db)).toHaveLength(4);
  });

  it('matches a WordPress short link /?p=ID to its post', async () => {
    await importPostsFile(t.db, v1);
    await importViewsFile(t.db, log);
    const first = listPosts(t.db).find((p) => p.path === '/2023/01/same-title');
    expect(first?.lifetimeViews).toBe(1);
  });

  it('importing the same export twice, or v2 twice, changes nothing the second time', async () => {
    await importPostsFile(t.db, v1);
    await importPostsFile(t.db, v2);
    const before = snapshot(t.db);
    await importPostsFile(t.db, v2);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('a post on plain ?p=ID permalinks also answers at /<slug>', async () => {
    const file = path.join(path.dirname(t.file), 'plain.xml');
    fs.writeFileSync(
      file,
      `<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>Hello world</title>
<link>https://plain.example/?p=1</link><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><wp:post_name>hello-world</wp:post_name>
<wp:post_date_gmt>2024-03-01 09:15:00</wp:post_date_gmt></item></channel></rss>`,
    );
    await importPostsFile(t.db, file);
    const post = listPosts(t.db)[0];
    expect(post.path).toBe('/?p=1');
    const alias = t.db.$client.prepare('select post_id as id from post_aliases where path = ?').get('/hello-world');
    expect(alias).toEqual({ id: post.id });
  });
});
