import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectTrafficFormat, resolveFormat } from './detect';
import { decodeText } from './text-decode';

const OWN = path.resolve(__dirname, '../../fixtures/traffic');
const SHARED = path.resolve(__dirname, '../../../shared/fixtures');
const own = (f: string) => readFileSync(path.join(OWN, f), 'utf8');
const LOG_LINE = '192.0.2.1 - - [03/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 12 "-" "curl/8"';

describe('detectTrafficFormat', () => {
  it.each([
    ['own access log', own('small-combined.log'), 'access.log', 'access-log'],
    ['access log head cut mid-line', `${LOG_LINE}\n${LOG_LINE}\n192.0.2.1 - - [03/Ma`, 'x', 'access-log'],
    ['gzip bytes with a .log.gz name', gzipSync('x').toString('latin1'), 'access.log.2.gz', 'access-log'],
    ['gzip bytes with another name', gzipSync('x').toString('latin1'), 'export.csv.gz', null],
    ['views CSV', own('views.csv'), 'views.csv', 'views-csv'],
    ['views CSV with BOM, quoted header, other order', '\uFEFF"path","views","date"\n', 'v.csv', 'views-csv'],
    ['views CSV using page/pageviews but also path', 'date,path,pageviews\n', 'v.csv', 'views-csv'],
    [
      'Plausible pages by name',
      own('imported_pages_20240301_20240303.csv'),
      'imported_pages_20240301_20240303.csv',
      'plausible-pages',
    ],
    ['Plausible pages renamed, by header', own('imported_pages_20240301_20240303.csv'), 'pages.csv', 'plausible-pages'],
    [
      'Plausible visitors by name',
      own('imported_visitors_20240301_20240303.csv'),
      'dir/imported_visitors_20240301_20240303.csv',
      'plausible-visitors',
    ],
    [
      'Plausible visitors renamed, by header',
      own('imported_visitors_20240301_20240303.csv'),
      'v.csv',
      'plausible-visitors',
    ],
    ['GoatCounter v2', own('goatcounter-small.csv'), 'export.csv', 'goatcounter'],
    ['GoatCounter other version (parser rejects it)', own('goatcounter-v3.csv'), 'export.csv', 'goatcounter'],
    ['unrelated CSV', 'name,email\nx,y\n', 'people.csv', null],
    ['empty', '', 'x', null],
    ['JSON', '{"a":1}\n', 'x.json', null],
  ])('%s', (_name, head, file, expected) => {
    expect(detectTrafficFormat(head, file)).toBe(expected);
  });
});

if (!existsSync(SHARED)) console.warn(`skipping real detection tests: ${SHARED} not found (shared fixtures absent)`);

describe.skipIf(!existsSync(SHARED))('detectTrafficFormat on the real files', () => {
  it.each([
    ['apache-combined-10k.log', 'access-log'],
    ['imported_pages_20211230_20220101.csv', 'plausible-pages'],
    ['imported_visitors_20111225_20111230.csv', 'plausible-visitors'],
    ['goatcounter-export.csv', 'goatcounter'],
    ['wxr-small-export.xml', null],
  ])('%s -> %s', (file, expected) => {
    const head = readFileSync(path.join(SHARED, file), 'utf8').slice(0, 65536);
    expect(detectTrafficFormat(head, file)).toBe(expected);
  });
});

describe('detectTrafficFormat: every format, from its head and name', () => {
  const fix = (f: string) => readFileSync(path.join(OWN, f));
  const text = (f: string) => decodeText(fix(f)).text;
  it.each([
    ['ga4-pages-and-screens.csv', 'ga4'],
    ['ua-all-pages.csv', 'universal-analytics'],
    ['allotment.example-posts-month-03_01_2024-03_31_2024.csv', 'jetpack'],
    ['matomo-pages_2024-03-01_2024-03-31.tsv', 'matomo'],
    ['matomo-pages-daily.csv', 'matomo'],
    ['umami-export_2024-03-01_2024-03-31/pages.csv', 'umami'],
    ['plausible-dashboard/pages.csv', 'plausible-dashboard-pages'],
    ['plausible-dashboard/visitors.csv', 'plausible-dashboard-visitors'],
    ['generic-grouped.csv', 'generic-csv'],
    ['caddy.log', 'caddy'],
    ['cloudfront.log', 'w3c'],
    ['iis.log', 'w3c'],
    ['nginx-custom.log', 'access-log'],
  ])('%s -> %s', (file, expected) => {
    expect(detectTrafficFormat(text(file), file)).toBe(expected);
  });

  it('a custom log format decides when given', () => {
    const line = '192.0.2.1 [02/Mar/2024:10:00:00 +0000] /a 200\n';
    expect(detectTrafficFormat(line, 'x.log')).toBeNull();
    expect(detectTrafficFormat(line, 'x.log', '$remote_addr [$time_local] $request_uri $status')).toBe('custom-log');
  });

  it('rotated names are read by content: access.log.1 is a log', () => {
    expect(detectTrafficFormat(`${LOG_LINE}\n`, '/var/log/nginx/access.log.1')).toBe('access-log');
  });
});

describe('resolveFormat', () => {
  it.each([
    ['nginx', 'access-log'],
    ['CloudFront', 'w3c'],
    ['ga4', 'ga4'],
    ['csv', 'generic-csv'],
  ])('%s -> %s', (name, format) => {
    expect(resolveFormat(name)).toBe(format);
  });
  it('an unknown name lists the formats', () => {
    expect(() => resolveFormat('excel')).toThrow(/unknown traffic format "excel": use one of access-log, caddy/);
  });
});
