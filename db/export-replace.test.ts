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

describe('a cut copy of a log never silently replaces the whole log', () => {
  it('refuses a file with the same first line and fewer lines, unless --replace', async () => {
    const full = ownFixture('e2e', 'access.log');
    await importViewsFile(t.db, full);
    const before = snapshot(t.db);
    const cut = path.join(dir, 'cut.log');
    fs.writeFileSync(cut, `${fs.readFileSync(full, 'utf8').split('\n').slice(0, 5).join('\n')}\n`);
    await expect(importViewsFile(t.db, cut)).rejects.toThrow(
      /cut\.log: starts like a log Tend counted before with 19 lines \(it has 5\)/,
    );
    expect(snapshot(t.db)).toEqual(before);
    // The same log again, or grown, still replaces; --replace lets the cut copy through.
    await importViewsFile(t.db, full);
    expect(snapshot(t.db)).toEqual(before);
    await importViewsFile(t.db, cut, { replace: true });
    expect(views('Why I stopped digging')).toBe(3);
    // Once replaced, the cut copy is the log Tend knows: importing it again is allowed and changes nothing.
    const replaced = snapshot(t.db);
    await importViewsFile(t.db, cut);
    expect(snapshot(t.db)).toEqual(replaced);
  });
});

describe('encodings of exports', () => {
  it('a Latin-1 CSV keeps its accents (read as windows-1252, not as broken UTF-8)', async () => {
    const file = path.join(dir, 'latin1.csv');
    fs.writeFileSync(file, Buffer.from('date,path,views\n2024-03-02,/café/,3\n', 'latin1'));
    await importViewsFile(t.db, file);
    const rows = t.db.$client.prepare('select distinct path from unmatched_paths').all();
    expect(rows).toEqual([{ path: '/café' }]);
  });
});
