import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectTrafficFormat } from './detect';

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
