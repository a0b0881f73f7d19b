import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidDay, parseCount } from './csv-rows';
import { parseViewsCsv } from './simple-csv';

const VIEWS = path.resolve(__dirname, '../../fixtures/traffic/views.csv');

describe('parseCount / isValidDay', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    [' 7 ', 7],
    ['1,234', 1234],
    ['12,345,678', 12345678],
    ['3.0', 3],
    ['1,23', null],
    ['-1', null],
    ['2.5', null],
    ['', null],
    ['lots', null],
  ])('parseCount(%j) -> %j', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-3-1', false],
    ['01/03/2024', false],
  ])('isValidDay(%j) -> %s', (s, expected) => {
    expect(isValidDay(s)).toBe(expected);
  });
});

describe('parseViewsCsv', () => {
  it('parses the own fixture: sums repeated (day, path), rejects bad rows with line numbers', () => {
    const r = parseViewsCsv(readFileSync(VIEWS, 'utf8'), { file: 'views.csv' });
    expect(r.records).toEqual([
      { day: '2024-03-01', path: '/posts/hello-world', pageViews: 1246, visitors: null, botHits: 3, kind: 'page' },
      { day: '2024-03-02', path: '/posts/second-post', pageViews: 5, visitors: null, botHits: 0, kind: 'page' },
      { day: '2024-03-03', path: '/feed', pageViews: 40, visitors: null, botHits: 0, kind: 'feed' },
    ]);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [5, expect.stringMatching(/invalid date "2024-02-30"/)],
      [6, expect.stringMatching(/invalid views "-1"/)],
      [7, 'empty path'],
    ]);
    expect(r.rejects.every((x) => x.file === 'views.csv')).toBe(true);
    expect(r.warnings).toEqual([{ file: 'views.csv', line: 3, reason: expect.stringMatching(/repeated row.*summed/) }]);
  });

  it('finds columns by header name in any order, with optional columns absent', () => {
    const r = parseViewsCsv('views,date,path\n3,2024-01-02,/a\n', { file: 'x.csv' });
    expect(r.records).toEqual([
      { day: '2024-01-02', path: '/a', pageViews: 3, visitors: null, botHits: 0, kind: 'page' },
    ]);
  });

  it('reports line numbers across blank lines, CRLF and multi-line quoted cells; stray quotes reject one row', () => {
    const text = 'date,path,views\r\n\r\n2024-01-02,"/a\nb",x\r\n2024-01-03,/c,"4"x\r\n2024-01-04,/d,5\r\n';
    const r = parseViewsCsv(text, { file: 'x.csv' });
    expect(r.records.map((x) => x.path)).toEqual(['/d']);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [3, expect.stringMatching(/invalid views "x"/)],
      [5, expect.stringMatching(/invalid views/)],
    ]);
  });

  it('turns a never-closed quote into a reject, not a crash', () => {
    const r = parseViewsCsv('date,path,views\n2024-01-02,/a,1\n2024-01-03,"/b,2\n', { file: 'x.csv' });
    expect(r.records.map((x) => x.path)).toEqual(['/a']);
    expect(r.rejects).toEqual([
      {
        file: 'x.csv',
        line: expect.any(Number),
        reason: expect.stringMatching(/unreadable CSV record: Quote Not Closed/),
      },
    ]);
  });

  it.each([
    ['no date column', 'day_of_week,path,views\n'],
    ['no views column', 'date,path,hits\n'],
    ['empty file', ''],
  ])('throws naming the file when %s', (_name, text) => {
    expect(() => parseViewsCsv(text, { file: 'bad.csv' })).toThrow(/^bad\.csv: /);
  });
});
