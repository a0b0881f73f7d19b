// The real files in ../shared (the sample dump and the Apache fixture log) through the real importers into a real
// SQLite file. Skips with a message where ../shared is absent; db/importers.test.ts covers the same kinds of case
// with Tend's own fixtures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importViewsFile } from './import-views';
import { importPostsFile } from './importers';
import { upsertPosts } from './mutations/posts';
import { recomputePostStats, rematchUnmatched } from './mutations/traffic';
import { listPosts } from './queries/posts';
import { sharedFile, snapshot, tempDb } from './test-helpers';

const dump = sharedFile('samples', 'blog-feed-dump.txt');
const log = sharedFile('fixtures', 'apache-combined-10k.log');

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe.skipIf(!dump.exists)('the sample feed dump', () => {
  it('imports all 10 posts with their slugs, times and suggested labels', async () => {
    const s = await importPostsFile(t.db, dump.path);
    expect(s.format).toBe('feed-dump');
    expect(s.imported).toBe(10);
    const posts = listPosts(t.db, { sort: 'published', dir: 'desc' });
    expect(posts).toHaveLength(10);
    expect(posts[0].title).toBe('So, about this blog…');
    expect(posts[0].path).toBe('/so-about-this-blog');
    expect(posts[0].publishedAt).toBe('2025-09-25T14:32:00.000Z');
    expect(posts[0].suggestedLabel).toBe('human');
    expect(posts.slice(1).map((p) => p.suggestedLabel)).toEqual(Array(9).fill('ai-generated'));
    expect(posts.every((p) => p.label === null)).toBe(true);
  });

  it('a second import of the dump changes nothing', async () => {
    await importPostsFile(t.db, dump.path);
    const before = snapshot(t.db);
    await importPostsFile(t.db, dump.path);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe.skipIf(!log.exists)('the Apache fixture log (facts in ../shared/fixtures/README.md)', () => {
  it('gives 12 and 70 human page views to the two posts, bots apart, and survives line 8899', async () => {
    const post = (path: string, title: string) => ({
      sourceId: null,
      title,
      url: null,
      path,
      publishedAt: '2015-05-01T00:00:00.000Z',
      status: 'publish' as const,
      content: '',
      wordCount: 0,
      commentCount: null,
      tags: [],
      author: null,
      aliases: [],
      authorshipHint: null,
    });
    const s = await importViewsFile(t.db, log.path);
    expect(s.read).toBe(10000);
    // Posts arrive after the traffic: the unmatched rows are matched then.
    t.db.$client.transaction(() => {
      upsertPosts(
        t.db,
        [
          post('/blog/geekery/disabling-battery-in-ubuntu-vms.html', 'Battery'),
          post('/blog/geekery/ssl-latency.html', 'SSL latency'),
        ],
        'test',
        'UTC',
      );
      rematchUnmatched(t.db);
      recomputePostStats(t.db);
    })();
    const byTitle = Object.fromEntries(listPosts(t.db).map((p) => [p.title, p]));
    expect(byTitle.Battery.lifetimeViews).toBe(12);
    expect(byTitle.Battery.botHits).toBe(48);
    expect(byTitle['SSL latency'].lifetimeViews).toBe(70);
    expect(byTitle['SSL latency'].botHits).toBe(7);
    const feed = t.db.$client
      .prepare(
        "select kind, sum(page_views) as pv, sum(bot_hits) as bots from unmatched_paths where path = '/blog/tags/puppet' and kind = 'feed'",
      )
      .get();
    expect(feed).toEqual({ kind: 'feed', pv: 0, bots: 488 });
  });
});
