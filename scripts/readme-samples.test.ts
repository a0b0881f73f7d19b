// The README's format samples are real: each one is cut out of README.md and imported with the real importer into
// a real SQLite file. A README edit that breaks a sample fails here.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importViewsFile } from '../db/import-views';
import { importPostsFile } from '../db/importers';
import { listPosts } from '../db/queries/posts';
import { tempDb } from '../db/test-helpers';

const README = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');

/** The first fenced code block after `marker` in the README. */
function sampleAfter(marker: string): string {
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  if (!m) throw new Error(`no code block after "${marker}"`);
  return m[1];
}

let t: ReturnType<typeof tempDb>;
let dir: string;
beforeEach(() => {
  t = tempDb();
  dir = path.dirname(t.file);
});
afterEach(() => t.cleanup());

describe('README post-format samples import', () => {
  it.each([
    ['**Plain-text feed dump**', 'dump.txt', 'So, about this blog…'],
    ['**RSS 0.9x/1.0/2.0 and Atom 1.0**', 'feed.xml', 'Why I stopped digging'],
    ['**WordPress export, WXR', 'export.xml', 'Hello world'],
    ['**Ghost JSON export**', 'ghost.json', 'Hello'],
  ])('%s', async (marker, name, title) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, sampleAfter(marker));
    const s = await importPostsFile(t.db, file);
    expect(s.rejected).toBe(0);
    expect(listPosts(t.db).map((p) => p.title)).toEqual([title]);
  });

  it('**A folder of Markdown files**', async () => {
    const folder = path.join(dir, 'site');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, 'why-i-stopped-digging.md'),
      `${sampleAfter('**A folder of Markdown files**')}\nText.\n`,
    );
    await importPostsFile(t.db, folder);
    const [post] = listPosts(t.db);
    expect(post.title).toBe('Why I stopped digging');
    expect(post.publishedAt?.slice(0, 10)).toBe('2024-03-01');
  });

  it('**Substack export**', async () => {
    const file = path.join(dir, 'posts.csv');
    fs.writeFileSync(file, sampleAfter('**Substack export**'));
    await importPostsFile(t.db, file);
    expect(
      listPosts(t.db)
        .map((p) => p.title)
        .sort(),
    ).toEqual(['Draft idea', 'Why I stopped digging']);
  });
});

describe('README traffic sample imports', () => {
  it('the access-log sample: one human page view; the feed reader and the client with no user agent are bot hits', async () => {
    const file = path.join(dir, 'access.log');
    fs.writeFileSync(file, sampleAfter('| `access-log` |'));
    const s = await importViewsFile(t.db, file);
    expect(s.read).toBe(3);
    expect(s.rejected).toBe(0);
    expect(s.unmatched).toBe(1);
    expect(s.bot).toBe(2);
  });
});
