// The real WordPress exports in ../shared/fixtures through the real importer into a real SQLite file (facts in
// ../shared/fixtures/README.md). Skips with a message where ../shared is absent; db/identity.test.ts covers the same
// kinds of case with Tend's own WXR fixtures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPostsFile } from './importers';
import { listPosts } from './queries/posts';
import { sharedFile, snapshot, tempDb } from './test-helpers';

const theme = sharedFile('fixtures', 'wxr-theme-unit-test.xml');
const small = sharedFile('fixtures', 'wxr-small-export.xml');

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe.skipIf(!theme.exists)('wxr-theme-unit-test.xml', () => {
  it('imports the 58 posts (56 published, 1 scheduled, 1 draft) with their identities and dates', async () => {
    const s = await importPostsFile(t.db, theme.path);
    expect(s.imported).toBe(58);
    expect(s.skipped).toMatchObject({ attachment: 37, nav_menu_item: 70, page: 21 });
    const posts = listPosts(t.db);
    expect(posts).toHaveLength(58);
    const byStatus = posts.reduce<Record<string, number>>((a, p) => {
      a[p.status] = (a[p.status] ?? 0) + 1;
      return a;
    }, {});
    expect(byStatus).toEqual({ publish: 56, future: 1, draft: 1 });
    const kb = posts.find((p) => p.title === 'Keyboard navigation');
    expect(kb?.publishedAt).toBe('2018-10-21T03:03:48.000Z');
    const noTitle = posts.find((p) => p.title === '' && p.publishedAt === '2009-09-05T16:00:23.000Z');
    expect(noTitle).toBeDefined();
    const scheduled = posts.find((p) => p.title === 'Scheduled');
    expect(scheduled).toMatchObject({ status: 'future', publishedAt: '2030-01-01T19:00:18.000Z' });
  });
});

describe.skipIf(!small.exists)('wxr-small-export.xml', () => {
  it('importing twice (pages included) gives exactly the same 11 items', async () => {
    await importPostsFile(t.db, small.path, { includePages: true });
    expect(listPosts(t.db)).toHaveLength(11);
    const before = snapshot(t.db);
    const again = await importPostsFile(t.db, small.path, { includePages: true });
    expect(again.detail).toMatchObject({ inserted: 0, unchanged: 11 });
    expect(snapshot(t.db)).toEqual(before);
    const draftPage = listPosts(t.db).find((p) => p.status === 'draft');
    expect(draftPage?.publishedAt).toBeNull();
  });
});
