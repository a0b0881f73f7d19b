import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandLogPaths, listExportFiles, rotationIndex, segmentPattern } from './files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const f of ['access.log', 'access.log.1', 'access.log.2.gz', 'access.log.10.gz', 'error.log', 'x.csv']) {
  fs.writeFileSync(path.join(dir, f), 'x');
}
fs.mkdirSync(path.join(dir, 'sub', 'deeper', 'deepest'), { recursive: true });
fs.writeFileSync(path.join(dir, 'sub', 'pages.csv'), 'x');
fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'deepest', 'too-deep.csv'), 'x');
fs.writeFileSync(path.join(dir, '.hidden.csv'), 'x');

describe('sync file lists', () => {
  it('expands a rotation glob oldest first, each file once', () => {
    const files = expandLogPaths([path.join(dir, 'access.log*'), path.join(dir, 'access.log')]);
    expect(files.map((f) => path.basename(f))).toEqual([
      'access.log.10.gz',
      'access.log.2.gz',
      'access.log.1',
      'access.log',
    ]);
  });

  it('a missing literal file is skipped; a glob in a folder name or a missing folder is an error', () => {
    expect(expandLogPaths([path.join(dir, 'gone.log')])).toEqual([]);
    expect(() => expandLogPaths([path.join(dir, '*', 'access.log')])).toThrow(/only allowed in the file name/);
    expect(() => expandLogPaths([path.join(dir, 'nope', '*.log')])).toThrow(/does not exist/);
    // A folder named where log files are expected says so, and how to name its logs.
    expect(() => expandLogPaths([path.join(dir, 'sub')])).toThrow(/sub: is a folder; name the log files in it/);
  });

  it.each([
    ['access.log*', 'access.log.1', true],
    ['access.log*', 'xaccess.log', false],
    ['*.csv', 'a.csv', true],
    ['?.csv', 'ab.csv', false],
    ['a.b', 'axb', false],
  ])('segmentPattern %s ~ %s: %s', (g, name, ok) => {
    expect(segmentPattern(g).test(name)).toBe(ok);
  });

  it.each([
    ['access.log', 0],
    ['access.log.1', 1],
    ['access.log.12.gz', 12],
  ])('rotationIndex %s = %d', (f, n) => {
    expect(rotationIndex(f)).toBe(n);
  });

  it('lists export files two levels deep, hidden files skipped, pattern on the name', () => {
    const all = listExportFiles(dir).map((f) => path.relative(dir, f));
    expect(all).toContain(path.join('sub', 'pages.csv'));
    expect(all).not.toContain(path.join('sub', 'deeper', 'deepest', 'too-deep.csv'));
    expect(all).not.toContain('.hidden.csv');
    expect(listExportFiles(dir, '*.csv').map((f) => path.relative(dir, f))).toEqual(['sub/pages.csv', 'x.csv']);
    expect(() => listExportFiles(path.join(dir, 'missing'))).toThrow(/no such folder/);
  });
});
