/** Every traffic format through the real importer into a real database (Tend's own fixtures, posts from fixtures/e2e). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './client';
import { importViewsFile } from './import-views';
import { importPostsFile } from './importers';
import { setSetting } from './settings';
import { ownFixture, snapshot, tempDb } from './test-helpers';

let t: ReturnType<typeof tempDb>;
beforeEach(async () => {
  t = tempDb();
  await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
});
afterEach(() => t.cleanup());

const DIGGING = '/2024/03/why-i-stopped-digging';
const ONION = '/2024/04/the-onion-that-ate-my-weekend';
const fx = (f: string) => ownFixture('traffic', f);
const q = <T>(db: Db, sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as T[];
const periodOf = (db: Db, source: string) =>
  Object.fromEntries(
    q<{ path: string; pv: number | null; v: number | null; f: string; l: string }>(
      db,
      `select p.path, pv.page_views as pv, pv.visitors as v, pv.first_day as f, pv.last_day as l
       from period_views pv join posts p on p.id = pv.post_id where pv.source = ? order by p.path`,
      source,
    ).map((r) => [r.path, [r.pv, r.v, `${r.f}..${r.l}`]]),
  );
const lifetime = (db: Db, path: string) =>
  (
    db.$client
      .prepare('select s.lifetime_views as n from post_stats s join posts p on p.id = s.post_id where p.path = ?')
      .get(path) as { n: number }
  ).n;

describe('period exports land in period_views, never in daily_views', () => {
  it.each([
    [
      'ga4-pages-and-screens.csv',
      'ga4',
      { [DIGGING]: [1200, 700, '2024-03-01..2024-03-31'], [ONION]: [100, 80, '2024-03-01..2024-03-31'] },
      1300,
      350,
    ],
    [
      'ua-all-pages.csv',
      'universal-analytics',
      {
        [DIGGING]: [3047, null, '2024-01-01..2024-01-03'],
        '/2024/05/a-quiet-post-nobody-read': [12, null, '2024-01-01..2024-01-03'],
      },
      3059,
      1200,
    ],
    [
      'allotment.example-posts-month-03_01_2024-03_31_2024.csv',
      'jetpack',
      { [DIGGING]: [87, null, '2024-03-01..2024-03-31'], [ONION]: [41, null, '2024-03-01..2024-03-31'] },
      128,
      1520,
    ],
    [
      'matomo-pages_2024-03-01_2024-03-31.tsv',
      'matomo',
      {
        [DIGGING]: [52, 40, '2024-03-01..2024-03-31'],
        '/2024/05/companion-planting-what-the-research-says': [12, 5, '2024-03-01..2024-03-31'],
      },
      64,
      9,
    ],
    [
      'umami-export_2024-03-01_2024-03-31/pages.csv',
      'umami',
      { [DIGGING]: [null, 310, '2024-03-01..2024-03-31'] },
      310,
      135,
    ],
  ])('%s', async (file, source, expected, imported, unmatched) => {
    const s = await importViewsFile(t.db, fx(file));
    expect(periodOf(t.db, source)).toEqual(expected);
    expect(s).toMatchObject({ imported, unmatched });
    expect(q(t.db, 'select * from daily_views')).toEqual([]);
    expect(lifetime(t.db, DIGGING)).toBe(0);
    // Totals cover no single day: they never take part in the per-day winner rule.
    expect(q(t.db, 'select * from traffic_coverage')).toEqual([]);
    // Unmatched period rows are kept under the period's origin, for mapping later.
    const um = q<{ origin: string }>(t.db, 'select distinct origin from unmatched_paths where source = ?', source);
    expect(um.map((r) => r.origin)).toEqual([`period:${Object.values(expected)[0][2]}`]);
  });

  it('Umami: the summary says the numbers are visitors', async () => {
    const s = await importViewsFile(t.db, fx('umami-export_2024-03-01_2024-03-31/pages.csv'));
    expect(s.notes.join(' ')).toMatch(/visitors, not page views/);
  });

  it('re-importing a period export replaces it (no double counting)', async () => {
    await importViewsFile(t.db, fx('ga4-pages-and-screens.csv'));
    const before = snapshot(t.db);
    await importViewsFile(t.db, fx('ga4-pages-and-screens.csv'));
    expect(snapshot(t.db)).toEqual(before);
  });

  it('a Plausible dashboard pages.csv takes its period from the visitors.csv beside it', async () => {
    const s = await importViewsFile(t.db, fx('plausible-dashboard/pages.csv'));
    expect(periodOf(t.db, 'plausible')).toEqual({
      [DIGGING]: [95, 80, '2024-03-01..2024-03-03'],
      '/2024/05/companion-planting-what-the-research-says': [25, 20, '2024-03-01..2024-03-03'],
    });
    expect(s.unmatched).toBe(60);
    await importViewsFile(t.db, fx('plausible-dashboard/visitors.csv'));
    expect(
      q(t.db, "select day, page_views as pv from site_daily_totals where source = 'plausible' order by day"),
    ).toEqual([
      { day: '2024-03-01', pv: 40 },
      { day: '2024-03-02', pv: 50 },
      { day: '2024-03-03', pv: 90 },
    ]);
  });

  it('a one-day period is that day: stored as daily rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-jp-'));
    const f = path.join(dir, 'allotment.example-posts-day-03_05_2024-03_05_2024.csv');
    fs.writeFileSync(f, `"Why I stopped digging",7,https://allotment.example${DIGGING}/\n`);
    await importViewsFile(t.db, f);
    expect(q(t.db, 'select day, source, page_views as pv from daily_views')).toEqual([
      { day: '2024-03-05', source: 'jetpack', pv: 7 },
    ]);
    expect(lifetime(t.db, DIGGING)).toBe(7);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--period overrides, --locale reads dots as grouping', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-gen-'));
    const f = path.join(dir, 'stats.csv');
    fs.writeFileSync(f, `Seite,Aufrufe\n${DIGGING},1.234\n`.replace('Seite', 'page').replace('Aufrufe', 'views'));
    await expect(importViewsFile(t.db, f)).rejects.toThrow(/no date column.*--period/);
    await importViewsFile(t.db, f, { period: '2024-02-01..2024-02-29', locale: 'de' });
    expect(periodOf(t.db, 'views-csv')).toEqual({ [DIGGING]: [1234, null, '2024-02-01..2024-02-29'] });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('access logs of every syntax', () => {
  it.each([
    ['caddy.log', 2, 1, 1],
    ['cloudfront.log', 2, 1, 0],
    ['iis.log', 1, 0, 0],
    ['nginx-custom.log', 2, 1, 0],
  ])('%s: post page views, bot hits, rejects', async (file, views, bots, rejected) => {
    const s = await importViewsFile(t.db, fx(file));
    expect(s.imported).toBe(views);
    expect(s.bot).toBe(bots);
    expect(s.rejected).toBe(rejected);
  });

  it('a custom --log-format', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-cl-'));
    const f = path.join(dir, 'custom.log');
    fs.writeFileSync(
      f,
      `1709373600.000 192.0.2.1 GET ${DIGGING}/ 200 "Mozilla/5.0 Firefox/121.0"\n1709373601.000 192.0.2.2 GET ${ONION} 404 "Mozilla/5.0 Firefox/121.0"\n`,
    );
    await expect(importViewsFile(t.db, f)).rejects.toThrow(/not a known traffic format.*--format/);
    const s = await importViewsFile(t.db, f, {
      logFormat: '$msec $remote_addr $request_method $request_uri $status "$http_user_agent"',
    });
    expect(s).toMatchObject({ format: 'custom-log', read: 2, imported: 1 });
    await expect(
      importViewsFile(t.db, f, { logFormat: '$remote_addr [$time_local] "$request" $status' }),
    ).rejects.toThrow(/no line is a line of the given --log-format/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rotated and compressed files (access.log.1, access.log.2.gz) import by content', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-rot-'));
    const text = fs.readFileSync(ownFixture('e2e', 'access.log'));
    fs.writeFileSync(path.join(dir, 'access.log.1'), text);
    fs.writeFileSync(path.join(dir, 'access.log.2.gz'), gzipSync(text));
    const a = await importViewsFile(t.db, path.join(dir, 'access.log.1'));
    const b = await importViewsFile(t.db, path.join(dir, 'access.log.2.gz'));
    expect(a.imported).toBe(9);
    expect(b.imported).toBe(9);
    // Same first line = same log: the .gz replaces the .1's rows instead of adding.
    expect(lifetime(t.db, DIGGING)).toBe(5);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('referrers of matched posts go to post_referrers; the blog itself is (internal)', async () => {
    setSetting(t.db, 'siteUrl', 'https://allotment.example');
    await importViewsFile(t.db, fx('caddy.log'));
    expect(
      q(
        t.db,
        'select p.path, r.referrer, r.page_views as n from post_referrers r join posts p on p.id = r.post_id order by r.referrer',
      ),
    ).toEqual([
      { path: DIGGING, referrer: '(internal)', n: 1 },
      { path: DIGGING, referrer: 'news.example', n: 1 },
    ]);
    // Re-import replaces (same origin).
    await importViewsFile(t.db, fx('caddy.log'));
    expect(q<{ n: number }>(t.db, 'select sum(page_views) as n from post_referrers')[0].n).toBe(2);
  });
});

describe('errors name the file, nothing is written', () => {
  it.each([
    ['an unknown --format', { format: 'excel' }, /unknown traffic format "excel"/],
    ['a bad --period', { period: 'March', format: 'ga4' }, /invalid period "March"/],
    ['a bad --locale', { locale: 'xx-nope-1', format: 'generic-csv' }, /unknown locale/],
  ])('%s', async (_name, opts, re) => {
    const before = snapshot(t.db);
    await expect(importViewsFile(t.db, fx('generic-grouped.csv'), opts)).rejects.toThrow(re);
    expect(snapshot(t.db)).toEqual(before);
  });
  it('a cut .gz file: the error names it', async () => {
    const whole = gzipSync(Buffer.from(fs.readFileSync(fx('small-combined.log'), 'utf8').repeat(50)));
    const cut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tend-cut-gz-')), 'access.log.2.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = snapshot(t.db);
    await expect(importViewsFile(t.db, cut)).rejects.toThrow(/access\.log\.2\.gz: .*unexpected end of file/);
    expect(snapshot(t.db)).toEqual(before);
    fs.rmSync(path.dirname(cut), { recursive: true, force: true });
  });
});
