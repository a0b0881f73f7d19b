/** Table-driven tests of the analytics-export parsers on Tend's own small fixtures (facts in fixtures/traffic/README.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrafficFormat } from './detect';
import type { ParsedExport } from './export-common';
import { numberStyle } from './numbers';
import { parseExport } from './parse-export';
import { decodeText, sniffEncoding } from './text-decode';

const DIR = path.resolve(__dirname, '../../fixtures/traffic');
const read = (f: string) => decodeText(readFileSync(path.join(DIR, f))).text;
const parse = (format: TrafficFormat, f: string, extra: object = {}) =>
  parseExport(format, read(f), { file: path.join(DIR, f), timeZone: 'UTC', ...extra });
const totals = (p: ParsedExport) => Object.fromEntries(p.periodRows.map((r) => [r.path, [r.pageViews, r.visitors]]));

describe('period-total exports (never spread into days)', () => {
  it.each([
    [
      'GA4 pages and screens: period from the preamble, totals row skipped',
      'ga4' as const,
      'ga4-pages-and-screens.csv',
      { firstDay: '2024-03-01', lastDay: '2024-03-31' },
      {
        '/2024/03/why-i-stopped-digging': [1200, 700],
        '/': [300, 200],
        '/2024/04/the-onion-that-ate-my-weekend': [100, 80],
        '/about': [50, 30],
      },
    ],
    [
      'Universal Analytics: "3,047", % and 00:00:45 cells',
      'universal-analytics' as const,
      'ua-all-pages.csv',
      { firstDay: '2024-01-01', lastDay: '2024-01-03' },
      {
        '/2024/03/why-i-stopped-digging': [3047, null],
        '/': [1200, null],
        '/2024/05/a-quiet-post-nobody-read': [12, null],
      },
    ],
    [
      'Jetpack: no header, period from the download name',
      'jetpack' as const,
      'allotment.example-posts-month-03_01_2024-03_31_2024.csv',
      { firstDay: '2024-03-01', lastDay: '2024-03-31' },
      {
        '/': [1520, null],
        '/2024/03/why-i-stopped-digging': [87, null],
        '/2024/04/the-onion-that-ate-my-weekend': [41, null],
      },
    ],
    [
      'Matomo TSV in UTF-16LE with BOM, "Others" row skipped',
      'matomo' as const,
      'matomo-pages_2024-03-01_2024-03-31.tsv',
      { firstDay: '2024-03-01', lastDay: '2024-03-31' },
      {
        '/2024/03/why-i-stopped-digging': [52, 40],
        '/about': [9, 7],
        '/2024/05/companion-planting-what-the-research-says': [12, 5],
      },
    ],
    [
      'Umami pages.csv: visitors only, period from the folder name',
      'umami' as const,
      'umami-export_2024-03-01_2024-03-31/pages.csv',
      { firstDay: '2024-03-01', lastDay: '2024-03-31' },
      { '/2024/03/why-i-stopped-digging': [null, 310], '/': [null, 120], '/about': [null, 15] },
    ],
  ])('%s', (_name, format, file, period, expected) => {
    const p = parse(format, file);
    expect(p.period).toEqual(period);
    expect(p.daily).toEqual([]);
    expect(totals(p)).toEqual(expected);
  });

  it('GA4 and UA count the totals row as skipped, not read; UA keeps its Day Index as site totals', () => {
    expect(parse('ga4', 'ga4-pages-and-screens.csv')).toMatchObject({ read: 4, skipped: { 'totals row': 1 } });
    const ua = parse('universal-analytics', 'ua-all-pages.csv');
    expect(ua.siteDays).toEqual([
      { day: '2024-01-01', pageViews: 140, visitors: null },
      { day: '2024-01-02', pageViews: 1100, visitors: null },
      { day: '2024-01-03', pageViews: 3019, visitors: null },
    ]);
  });

  it('Umami says its numbers are visitors, not page views', () => {
    expect(parse('umami', 'umami-export_2024-03-01_2024-03-31/pages.csv').notes.join(' ')).toMatch(
      /visitors, not page views/,
    );
  });

  it('Jetpack rejects an old row without a URL, naming its line', () => {
    const p = parse('jetpack', 'allotment.example-posts-month-03_01_2024-03_31_2024.csv');
    expect(p.rejects).toHaveLength(1);
    expect(p.rejects[0]).toMatchObject({ line: 4 });
    expect(p.rejects[0].reason).toMatch(/no URL/);
  });

  it('Plausible dashboard pages.csv takes a given period; visitors.csv gives daily site totals', () => {
    const p = parse('plausible-dashboard-pages', 'plausible-dashboard/pages.csv', {
      period: { firstDay: '2024-03-01', lastDay: '2024-03-03' },
    });
    expect(totals(p)).toEqual({
      '/2024/03/why-i-stopped-digging': [95, 80],
      '/2024/05/companion-planting-what-the-research-says': [25, 20],
      '/': [60, 50],
    });
    const v = parse('plausible-dashboard-visitors', 'plausible-dashboard/visitors.csv');
    expect(v.siteDays.map((d) => d.pageViews)).toEqual([40, 50, 90]);
    expect(v.period).toEqual({ firstDay: '2024-03-01', lastDay: '2024-03-03' });
  });

  it.each([
    ['ga4' as const, '# Pages\nPage path and screen class,Views\n/a,1\n', /Start date.*--period/],
    [
      'ga4' as const,
      '# Start date: 20240101\n# End date: 20240131\nPage title and screen class,Views\nHome,1\n',
      /by title/,
    ],
    ['umami' as const, 'x,y\n/a,1\n', /--period/],
    ['jetpack' as const, '"A",1,https://x.example/a\n', /--period/],
    ['matomo' as const, 'label,nb_visits,nb_hits\n/a,1,1\n', /--period/],
    ['plausible-dashboard-pages' as const, 'name,visitors,pageviews\n/a,1,1\n', /no period/],
    [
      'plausible-dashboard-visitors' as const,
      'date,visitors,pageviews,bounce_rate\n2024-01-01,1,1,0\n2024-02-01,1,1,0\n',
      /one per day/,
    ],
  ])('%s without what it needs is a clear error', (format, text, re) => {
    expect(() => parseExport(format, text, { file: 'x.csv' })).toThrow(re);
  });
});

describe('daily exports', () => {
  it('Matomo with a date column gives daily rows', () => {
    const p = parse('matomo', 'matomo-pages-daily.csv');
    expect(p.daily.map((r) => [r.day, r.path, r.pageViews, r.visitors])).toEqual([
      ['2024-03-01', '/2024/03/why-i-stopped-digging', 5, 4],
      ['2024-03-02', '/2024/03/why-i-stopped-digging', 3, 2],
      ['2024-03-02', '/about', 1, 1],
    ]);
    expect(p.periodRows).toEqual([]);
  });

  it('a generic CSV accepts "1,234" and "1 234", and rejects an ambiguous "1.234" unless the locale says so', () => {
    const plain = parse('generic-csv', 'generic-grouped.csv');
    expect(plain.daily.map((r) => r.pageViews)).toEqual([1234, 1234, 17]);
    expect(plain.rejects).toHaveLength(1);
    expect(plain.rejects[0]).toMatchObject({ line: 5 });
    expect(plain.rejects[0].reason).toMatch(/ambiguous.*--locale/);
    const de = parseExport('generic-csv', 'Date,Page,Views\n2024-03-03,/a,1.234\n', {
      file: 'x.csv',
      numbers: numberStyle('de'),
    });
    expect(de.daily[0].pageViews).toBe(1234);
  });

  it('a generic CSV without a date column needs a period and then gives totals', () => {
    expect(() => parseExport('generic-csv', 'page,views\n/a,3\n', { file: 'x.csv' })).toThrow(/no date column/);
    const p = parseExport('generic-csv', 'page,views\n/a,3\n/a/,2\n', {
      file: 'x.csv',
      period: { firstDay: '2024-01-01', lastDay: '2024-01-31' },
    });
    expect(p.periodRows).toEqual([{ path: '/a', kind: 'page', pageViews: 5, visitors: null }]);
  });
});

describe('text decoding', () => {
  it.each([
    ['UTF-8', Buffer.from('a,b\n'), 'utf8', 'a,b\n'],
    ['UTF-8 with BOM', Buffer.from('\uFEFFa,b\n'), 'utf8', 'a,b\n'],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n', 'utf16le')]),
      'utf16le',
      'a\tb\n',
    ],
    ['UTF-16LE without BOM', Buffer.from('label\tnb_hits\n/a\t1\n', 'utf16le'), 'utf16le', 'label\tnb_hits\n/a\t1\n'],
    ['UTF-16BE with BOM', Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a]), 'utf16be', 'a\n'],
  ])('%s', (_name, buf, enc, text) => {
    expect(sniffEncoding(buf)).toBe(enc);
    expect(decodeText(buf).text).toBe(text);
  });
});
