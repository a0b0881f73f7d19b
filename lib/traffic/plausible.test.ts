import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlausibleCsv, parsePlausiblePages, parsePlausibleVisitors, plausibleFileInfo } from './plausible';

const OWN = path.resolve(__dirname, '../../fixtures/traffic');
const SHARED = path.resolve(__dirname, '../../../shared/fixtures');
const PAGES = path.join(SHARED, 'imported_pages_20211230_20220101.csv');
const VISITORS = path.join(SHARED, 'imported_visitors_20111225_20111230.csv');

describe('plausibleFileInfo', () => {
  it.each([
    ['imported_pages_20211230_20220101.csv', { table: 'pages', firstDay: '2021-12-30', lastDay: '2022-01-01' }],
    [
      '/tmp/x/imported_visitors_20111225_20111230.csv',
      { table: 'visitors', firstDay: '2011-12-25', lastDay: '2011-12-30' },
    ],
    ['imported_pages_20210231_20220101.csv', null],
    ['imported_pages_20220101_20211230.csv', null],
    ['imported_sources_20211230_20220101.csv', null],
    ['pages.csv', null],
  ])('%s', (name, expected) => {
    expect(plausibleFileInfo(name)).toEqual(expected);
  });
});

describe('Plausible on own fixtures', () => {
  const pagesFile = 'imported_pages_20240301_20240303.csv';
  const visitorsFile = 'imported_visitors_20240301_20240303.csv';

  it('pages: columns by name, repeated rows summed, bad rows rejected, rows outside the period warned', () => {
    const r = parsePlausiblePages(readFileSync(path.join(OWN, pagesFile), 'utf8'), { file: pagesFile });
    expect(r.records).toEqual([
      { day: '2024-03-01', path: '/posts/hello-world', pageViews: 7, visitors: 5, botHits: 0, kind: 'page' },
      { day: '2024-03-02', path: '/posts/second-post', pageViews: 1, visitors: 1, botHits: 0, kind: 'page' },
      { day: '2024-03-09', path: '/posts/second-post', pageViews: 2, visitors: 2, botHits: 0, kind: 'page' },
    ]);
    expect(r.rejects).toEqual([{ file: pagesFile, line: 6, reason: 'invalid date "not-a-day"' }]);
    expect(r.period).toEqual({ firstDay: '2024-03-01', lastDay: '2024-03-03' });
    expect(r.warnings.map((w) => w.reason)).toEqual(['1 rows fall outside the period in the file name']);
    expect(r.siteTotals).toBeUndefined();
  });

  it('visitors: site totals per day, columns in any order, no per-path records', () => {
    const text = readFileSync(path.join(OWN, visitorsFile), 'utf8');
    const r = parsePlausibleVisitors(text, { file: visitorsFile });
    expect(parsePlausibleCsv(text, { file: visitorsFile })).toEqual(r);
    expect(r.records).toEqual([]);
    expect(r.siteTotals).toEqual([
      { day: '2024-03-01', pageViews: 20, visitors: 5, visits: 6, bounces: 2, visitDurationSeconds: 120 },
      { day: '2024-03-02', pageViews: 7, visitors: 3, visits: 3, bounces: 1, visitDurationSeconds: 30 },
    ]);
  });

  it('takes the period from the rows, with a warning, when the file was renamed', () => {
    const r = parsePlausibleCsv(readFileSync(path.join(OWN, pagesFile), 'utf8'), { file: 'pages.csv' });
    expect(r.period).toEqual({ firstDay: '2024-03-01', lastDay: '2024-03-09' });
    expect(r.warnings[0].reason).toMatch(/period taken from the rows/);
  });

  it('throws naming the file for other tables or missing columns', () => {
    expect(() => parsePlausibleCsv('date,source,visitors\n', { file: 'imported_sources.csv' })).toThrow(
      /^imported_sources\.csv: not a Plausible imported_pages or imported_visitors CSV/,
    );
    expect(() => parsePlausiblePages('date,visitors\n', { file: 'p.csv' })).toThrow(/p\.csv: .*lacks page, pageviews/);
  });
});

if (!existsSync(PAGES)) console.warn(`skipping real Plausible tests: ${SHARED} not found (shared fixtures absent)`);

describe.skipIf(!existsSync(PAGES) || !existsSync(VISITORS))('Plausible on the real export files', () => {
  it('imported_pages: /14776416252794997127 has 8 pageviews on 2021-12-30; page total 69; period from the name', () => {
    const r = parsePlausibleCsv(readFileSync(PAGES, 'utf8'), { file: path.basename(PAGES) });
    expect(r.rejects).toEqual([]);
    const lucky = r.records.filter((x) => x.path === '/14776416252794997127' && x.day === '2021-12-30');
    expect(lucky).toHaveLength(1);
    expect(lucky[0].pageViews).toBe(8);
    expect(r.records.reduce((a, x) => a + x.pageViews, 0)).toBe(69);
    expect(r.period).toEqual({ firstDay: '2021-12-30', lastDay: '2022-01-01' });
  });

  it('imported_visitors: site total 99 pageviews over 2011-12-25..30, kept as site totals', () => {
    const r = parsePlausibleCsv(readFileSync(VISITORS, 'utf8'), { file: path.basename(VISITORS) });
    expect(r.records).toEqual([]);
    expect(r.siteTotals?.reduce((a, x) => a + x.pageViews, 0)).toBe(99);
    expect(r.siteTotals).toHaveLength(6);
    expect(r.period).toEqual({ firstDay: '2011-12-25', lastDay: '2011-12-30' });
  });
});
