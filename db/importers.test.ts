import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostRecord } from '../lib/types';
import type { Db } from './client';
import { importViewsFile } from './import-views';
import { importPostsFile, writePostsImport } from './importers';
import { setAuthorshipLabel, setDecision } from './mutations/decisions';
import { listPosts } from './queries/posts';
import { ownFixture, snapshot, tempDb } from './test-helpers';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

function viewsOf(db: Db, title: string) {
  const p = listPosts(db).find((r) => r.title === title);
  if (!p) throw new Error(`no post ${title}`);
  return p;
}

describe("importing Tend's own fixtures (fixtures/e2e, facts in its README)", () => {
  it('imports 4 posts and 9 human page views, bots apart, unmatched paths kept', async () => {
    const posts = await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    expect(posts.imported).toBe(4);
    const views = await importViewsFile(t.db, ownFixture('e2e', 'access.log'));
    expect(views.read).toBe(19);
    expect(views.rejected).toBe(1);
    expect(views.rejects[0].line).toBe(9);
    expect(views.imported).toBe(9);
    expect(viewsOf(t.db, 'Why I stopped digging').lifetimeViews).toBe(5);
    expect(viewsOf(t.db, 'Why I stopped digging').botHits).toBe(1);
    expect(viewsOf(t.db, 'The onion that ate my weekend').lifetimeViews).toBe(3);
    expect(viewsOf(t.db, 'Companion Planting: What the Research Says').lifetimeViews).toBe(1);
    expect(viewsOf(t.db, 'A quiet post nobody read').lifetimeViews).toBe(0);
    const daily = t.db.$client
      .prepare(
        "select day, sum(page_views) as n from daily_views v join posts p on p.id = v.post_id where p.title like 'Why I%' group by day order by day",
      )
      .all();
    expect(daily).toEqual([
      { day: '2024-03-02', n: 3 },
      { day: '2024-03-03', n: 2 },
    ]);
    const unmatched = t.db.$client
      .prepare("select distinct path from unmatched_paths where kind = 'page' order by path")
      .all();
    expect(unmatched).toEqual([{ path: '/2023/12/an-old-deleted-post' }, { path: '/about' }]);
  });

  it("takes a source tag as the suggested label, never as the author's label", async () => {
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    const p = viewsOf(t.db, 'Companion Planting: What the Research Says');
    expect(p.suggestedLabel).toBe('ai-generated');
    expect(p.label).toBeNull();
  });

  it('re-importing the same files changes nothing', async () => {
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    await importViewsFile(t.db, ownFixture('e2e', 'access.log'));
    const before = snapshot(t.db);
    const again = await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    expect(again.detail).toMatchObject({ inserted: 0, unchanged: 4 });
    await importViewsFile(t.db, ownFixture('e2e', 'access.log'));
    expect(snapshot(t.db)).toEqual(before);
  });

  it('imports traffic before posts and matches it once the posts arrive', async () => {
    await importViewsFile(t.db, ownFixture('e2e', 'access.log'));
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    expect(viewsOf(t.db, 'Why I stopped digging').lifetimeViews).toBe(5);
  });

  it("never overwrites the author's label or decision on re-import", async () => {
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    const id = viewsOf(t.db, 'Companion Planting: What the Research Says').id;
    setAuthorshipLabel(t.db, id, 'human', 'author');
    setDecision(t.db, id, 'keep', 'mine');
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    const p = viewsOf(t.db, 'Companion Planting: What the Research Says');
    expect(p.label).toBe('human');
    expect(p.decision).toBe('keep');
    expect(p.note).toBe('mine');
  });
});

describe('failed imports write nothing', () => {
  it('a file in no known format fails with its name and leaves the database as it was', async () => {
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    const before = snapshot(t.db);
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bad-')), 'notes.txt');
    fs.writeFileSync(bad, 'just some words\nnot a log, not a feed\n');
    await expect(importViewsFile(t.db, bad)).rejects.toThrow(/notes\.txt/);
    await expect(importPostsFile(t.db, bad)).rejects.toThrow(/notes\.txt/);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('a write that fails half-way rolls the whole file back', async () => {
    await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
    const before = snapshot(t.db);
    const good = (n: number): PostRecord => ({
      sourceId: `new-${n}`,
      title: `New ${n}`,
      url: null,
      path: `/new-${n}`,
      publishedAt: '2024-06-01T00:00:00.000Z',
      status: 'publish',
      content: 'text',
      wordCount: 1,
      commentCount: null,
      tags: [],
      author: null,
      aliases: [],
      authorshipHint: null,
    });
    // The third record breaks the status CHECK constraint after two posts were already written.
    const records = [good(1), good(2), { ...good(3), status: 'bogus' as never }, good(4)];
    expect(() =>
      writePostsImport(t.db, { records, rejects: [], warnings: [] }, { file: 'x', format: 'rss', hash: null }),
    ).toThrow(/CHECK/);
    expect(snapshot(t.db)).toEqual(before);
  });
});
