// An export replaces the days it states, and only those: a second export of the same source never wipes the days
// an earlier one covered and it does not (a data-loss bug found by a fresh-user test). Real importer, real SQLite.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importViewsFile } from './import-views';
import { importPostsFile } from './importers';
import { listPosts } from './queries/posts';
import { ownFixture, snapshot, tempDb } from './test-helpers';

let t: ReturnType<typeof tempDb>;
let dir: string;
beforeEach(async () => {
  t = tempDb();
  dir = path.dirname(t.file);
  await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
});
afterEach(() => t.cleanup());

function csv(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `date,path,views\n${rows.join('\n')}\n`);
  return file;
}

const views = (title: string) => listPosts(t.db).find((p) => p.title === title)?.lifetimeViews;
const DIG = '/2024/03/why-i-stopped-digging/';
const ONION = '/2024/04/the-onion-that-ate-my-weekend/';

describe('exports replace their own days only', () => {
  it('a second CSV of the same source keeps the days the first covered and it does not', async () => {
    await importViewsFile(t.db, csv('a.csv', [`2024-03-02,${DIG},3`, `2024-03-05,${ONION},7`]));
    expect(views('Why I stopped digging')).toBe(3);
    expect(views('The onion that ate my weekend')).toBe(7);
    // b.csv states 2024-03-02 only: that day is replaced, 2024-03-05 stays.
    await importViewsFile(t.db, csv('b.csv', [`2024-03-02,${DIG},4`]));
    expect(views('Why I stopped digging')).toBe(4);
    expect(views('The onion that ate my weekend')).toBe(7);
  });

  it('importing the same CSV again changes nothing', async () => {
    const a = csv('a.csv', [`2024-03-02,${DIG},3`, `2024-03-05,${ONION},7`, '2024-03-05,/not-a-post/,2']);
    await importViewsFile(t.db, a);
    const before = snapshot(t.db);
    await importViewsFile(t.db, a);
    expect(snapshot(t.db)).toEqual(before);
  });
});
