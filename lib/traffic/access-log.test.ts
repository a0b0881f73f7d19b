import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DailyPathViews } from '../types';
import { type AccessLogResult, isPageView, looksLikeAccessLog, readAccessLog, TrafficAggregator } from './access-log';

const SMALL = path.resolve(__dirname, '../../fixtures/traffic/small-combined.log');
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0';

function aggregate(text: string, timeZone = 'UTC'): AccessLogResult {
  const agg = new TrafficAggregator({ timeZone, file: 'test.log' });
  for (const [i, line] of text.split('\n').entries()) agg.addLine(line, i + 1);
  return agg.finish();
}

function row(rows: DailyPathViews[], day: string, p: string, kind = 'page'): DailyPathViews | undefined {
  return rows.find((r) => r.day === day && r.path === p && r.kind === kind);
}

describe('isPageView (the one page-view rule)', () => {
  it.each([
    ['GET', 200, false, 'page', true],
    ['GET', 204, false, 'page', true],
    ['GET', 304, false, 'page', true],
    ['GET', 301, false, 'page', false],
    ['GET', 404, false, 'page', false],
    ['HEAD', 200, false, 'page', false],
    ['POST', 200, false, 'page', false],
    ['GET', 200, true, 'page', false],
    ['GET', 200, false, 'feed', false],
    ['GET', 200, false, 'asset', false],
    ['GET', 200, false, null, false],
  ] as const)('%s %d bot=%s kind=%s -> %s', (method, status, bot, kind, expected) => {
    expect(isPageView({ method, status }, bot, kind)).toBe(expected);
  });
});

describe('TrafficAggregator on the small own log', () => {
  const text = readFileSync(SMALL, 'utf8');

  it('counts reads, page views, bots, others and rejects (blank and # lines not read)', () => {
    const r = aggregate(text);
    expect(r.counts).toEqual({ read: 20, pageViews: 7, botHits: 5, rejected: 2, other: 6 });
    expect(r.rejects.map((x) => [x.file, x.line])).toEqual([
      ['test.log', 21],
      ['test.log', 22],
    ]);
    expect(r.rejects[0].reason).toMatch(/unterminated quoted user agent/);
    expect([r.firstDay, r.lastDay]).toEqual(['2024-03-03', '2024-03-04']);
  });

  it('merges query-string, trailing-slash and 304 variants of a post; bots are bot hits, not views', () => {
    const r = aggregate(text);
    expect(row(r.rows, '2024-03-03', '/posts/hello-world')).toMatchObject({ pageViews: 3, visitors: 2, botHits: 3 });
    expect(r.rows.filter((x) => x.path.startsWith('/posts/hello-world?'))).toEqual([]);
  });

  it('counts only the request target: a post in the referrer of assets is no view of it', () => {
    const r = aggregate(text);
    expect(row(r.rows, '2024-03-03', '/static/site.css', 'asset')).toMatchObject({ pageViews: 0, botHits: 0 });
    expect(row(r.rows, '2024-03-03', '/posts/hello-world/cover.jpg', 'asset')).toMatchObject({ pageViews: 0 });
  });

  it('keeps rows for every requested path with its kind (404s, redirects, feeds)', () => {
    const r = aggregate(text);
    expect(row(r.rows, '2024-03-03', '/posts/missing-page')).toMatchObject({ pageViews: 0, botHits: 0 });
    expect(row(r.rows, '2024-03-03', '/old-slug')).toMatchObject({ pageViews: 0 });
    expect(row(r.rows, '2024-03-03', '/feed', 'feed')).toMatchObject({ pageViews: 0, botHits: 1 });
    // The `"-"` request has no path: it is a bot hit in the totals but no row.
    expect(r.rows.some((x) => x.path === '/' || x.path === '')).toBe(false);
  });

  it('buckets days in the site time zone (-0700 late evening is the next day in UTC, same day in Los Angeles)', () => {
    const utc = aggregate(text, 'UTC');
    expect(row(utc.rows, '2024-03-03', '/posts/second-post')?.pageViews).toBe(3);
    expect(row(utc.rows, '2024-03-04', '/posts/second-post')?.pageViews).toBe(1);
    const la = aggregate(text, 'America/Los_Angeles');
    expect(row(la.rows, '2024-03-03', '/posts/second-post')).toMatchObject({ pageViews: 4, visitors: 4 });
    expect([la.firstDay, la.lastDay]).toEqual(['2024-03-03', '2024-03-03']);
  });

  it('counts a visitor (same IP and UA) once per day and path, and a new day anew', () => {
    const lines = [
      `192.0.2.1 - - [03/Mar/2024:10:00:00 +0000] "GET /p HTTP/1.1" 200 1 "-" "${UA}"`,
      `192.0.2.1 - - [03/Mar/2024:11:00:00 +0000] "GET /p?x=1 HTTP/1.1" 200 1 "-" "${UA}"`,
      `192.0.2.1 - - [03/Mar/2024:11:00:00 +0000] "GET /p HTTP/1.1" 200 1 "-" "${UA} other"`,
      `192.0.2.1 - - [04/Mar/2024:10:00:00 +0000] "GET /p HTTP/1.1" 200 1 "-" "${UA}"`,
      `192.0.2.2 - - [03/Mar/2024:10:00:00 +0000] "GET /p HTTP/1.1" 200 1`,
      `192.0.2.2 - - [03/Mar/2024:10:00:00 +0000] "GET /p HTTP/1.1" 200 1`,
    ];
    const r = aggregate(lines.join('\n'));
    expect(row(r.rows, '2024-03-03', '/p')).toMatchObject({ pageViews: 5, visitors: 3, botHits: 0 });
    expect(row(r.rows, '2024-03-04', '/p')).toMatchObject({ pageViews: 1, visitors: 1 });
  });

  it('keeps no IP address in its result', () => {
    const r = aggregate(text);
    expect(JSON.stringify(r)).not.toMatch(/192\.0\.2\.|2001:db8/);
  });

  it('refuses lines after finish and invalid time zones', () => {
    const agg = new TrafficAggregator({ timeZone: 'UTC', file: 'x.log' });
    agg.finish();
    expect(() => agg.addLine('', 1)).toThrow(/after finish/);
    expect(() => new TrafficAggregator({ timeZone: 'Nowhere/Town', file: 'x.log' })).toThrow(/Unknown time zone/);
  });
});

describe('readAccessLog', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tend-log-'));
  const text = readFileSync(SMALL, 'utf8');

  it('streams a plain file like the in-memory aggregator, reporting progress', async () => {
    const progress: Array<[number, number]> = [];
    const r = await readAccessLog(SMALL, {
      timeZone: 'UTC',
      progressEvery: 10,
      onProgress: (l, b) => progress.push([l, b]),
    });
    const mem = aggregate(text);
    expect(r.counts).toEqual(mem.counts);
    expect(r.rows.map(({ visitors: _, ...x }) => x)).toEqual(mem.rows.map(({ visitors: _, ...x }) => x));
    expect(r.rejects[0]).toMatchObject({ file: 'small-combined.log', line: 21 });
    expect(progress.map((p) => p[0])).toEqual([10, 20, 22]);
    expect(progress.at(-1)?.[1]).toBe(Buffer.byteLength(text));
  });

  it.each([
    ['by .gz name', 'access.log.gz'],
    ['by magic bytes', 'access.log.1'],
  ])('reads gzip %s', async (_how, name) => {
    const file = path.join(dir, name);
    writeFileSync(file, gzipSync(text));
    const r = await readAccessLog(file, { timeZone: 'UTC' });
    expect(r.counts).toEqual(aggregate(text).counts);
  });

  it('fails clearly on a missing file or corrupt gzip', async () => {
    await expect(readAccessLog(path.join(dir, 'nope.log'), { timeZone: 'UTC' })).rejects.toThrow(
      /nope\.log: cannot open/,
    );
    const bad = path.join(dir, 'bad.log.gz');
    writeFileSync(bad, Buffer.concat([gzipSync(text).subarray(0, 40), Buffer.from('garbage')]));
    await expect(readAccessLog(bad, { timeZone: 'UTC' })).rejects.toThrow(
      /bad\.log\.gz: cannot read access log \(gzip\)/,
    );
  });
});

describe('looksLikeAccessLog', () => {
  it.each([
    ['the small own log', readFileSync(SMALL, 'utf8').split('\n').slice(0, 20), true],
    ['common format', ['192.0.2.1 - - [03/Mar/2024:10:00:00 +0000] "GET / HTTP/1.0" 200 12'], true],
    ['a CSV', ['date,path,views', '2024-03-01,/a,3'], false],
    ['JSON lines', ['{"status":200}', '{"status":404}'], false],
    ['only blanks and comments', ['', '# x'], false],
  ])('%s -> %s', (_name, lines, expected) => {
    expect(looksLikeAccessLog(lines)).toBe(expected);
  });
});
