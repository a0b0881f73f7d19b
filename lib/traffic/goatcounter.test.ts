import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goatCounterVersion, parseGoatCounterCsv } from './goatcounter';

const OWN = path.resolve(__dirname, '../../fixtures/traffic');
const REAL = path.resolve(__dirname, '../../../shared/fixtures/goatcounter-export.csv');

describe('goatCounterVersion', () => {
  it.each([
    ['2Path', '2'],
    ['\uFEFF2Path', '2'],
    ['13Path', '13'],
    ['Path', null],
    ['date', null],
  ])('%j -> %j', (h, v) => {
    expect(goatCounterVersion(h)).toBe(v);
  });
});

describe('parseGoatCounterCsv on the own fixture', () => {
  const text = readFileSync(path.join(OWN, 'goatcounter-small.csv'), 'utf8');

  it('counts page views, sessions as visitors, bots apart, skips events, rejects bad dates', () => {
    const r = parseGoatCounterCsv(text, { file: 'gc.csv' });
    expect(r.records).toEqual([
      { day: '2024-03-01', path: '/posts/hello-world', pageViews: 3, visitors: 2, botHits: 1, kind: 'page' },
    ]);
    expect(r.skipped).toEqual({ event: 1 });
    expect(r.rejects).toEqual([{ file: 'gc.csv', line: 7, reason: 'invalid Date "yesterday" (expected RFC 3339)' }]);
    expect(r.period).toEqual({ firstDay: '2024-03-01', lastDay: '2024-03-01' });
  });

  it('buckets days in the given time zone', () => {
    const r = parseGoatCounterCsv(text, { file: 'gc.csv', timeZone: 'Europe/Berlin' });
    // 23:30Z on 2024-03-01 is 00:30 on 2024-03-02 in Berlin.
    expect(r.records.map((x) => [x.day, x.pageViews, x.botHits])).toEqual([
      ['2024-03-01', 2, 1],
      ['2024-03-02', 1, 0],
    ]);
  });

  it('fails clearly on an unknown version or a file that is not a GoatCounter export', () => {
    const v3 = readFileSync(path.join(OWN, 'goatcounter-v3.csv'), 'utf8');
    expect(() => parseGoatCounterCsv(v3, { file: 'gc3.csv' })).toThrow(
      /^gc3\.csv: GoatCounter export format version 3 is not supported \(supported: 2\)$/,
    );
    expect(() => parseGoatCounterCsv('date,path,views\n', { file: 'v.csv' })).toThrow(
      /v\.csv: not a GoatCounter export/,
    );
    expect(() => parseGoatCounterCsv('2Path,Title\n/a,A\n', { file: 'short.csv' })).toThrow(
      /lacks the column\(s\) event, bot, date/,
    );
  });
});

if (!existsSync(REAL)) console.warn(`skipping real GoatCounter test: ${REAL} not found (shared fixtures absent)`);

describe.skipIf(!existsSync(REAL))('parseGoatCounterCsv on the real export', () => {
  it('version 2; the Event row is skipped; the two page views are kept, no bots', () => {
    const r = parseGoatCounterCsv(readFileSync(REAL, 'utf8'), { file: 'goatcounter-export.csv' });
    expect(r.rejects).toEqual([]);
    expect(r.skipped).toEqual({ event: 1 });
    expect(r.records.map((x) => [x.day, x.path, x.pageViews, x.botHits])).toEqual([
      ['2020-12-01', '/stupid-light.html', 1, 0],
      ['2020-12-27', '/static-go.html', 1, 0],
    ]);
    expect(r.records.some((x) => x.path.includes('click-cv'))).toBe(false);
  });
});
