/**
 * The nightly sync against real files and a real database: idempotence (a second run changes nothing), incremental
 * reading through rotation and truncation, exactly-once writes, export folders, the Plausible API (local server),
 * failure isolation, and one source per day where they overlap.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateSyncConfig } from '../../lib/sync/config';
import type { Db } from '../client';
import { importViewsFile } from '../import-views';
import { importPostsFile } from '../importers';
import { ownFixture, tempDb } from '../test-helpers';
import { runSync } from './run-sync';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const POSTS = ['/2024/03/why-i-stopped-digging/', '/2024/04/the-onion-that-ate-my-weekend/', '/about/'];
/** Line i: a page view of one of three paths on day 1 + i/4, every 5th by GPTBot. */
const line = (i: number) => {
  const day = String(1 + Math.floor(i / 4)).padStart(2, '0');
  const ua = i % 5 === 4 ? 'GPTBot/1.2' : UA;
  return `192.0.2.${i % 250} - - [${day}/Mar/2024:10:${String(i % 60).padStart(2, '0')}:00 +0000] "GET ${POSTS[i % 3]} HTTP/1.1" 200 5 "https://news.example/" "${ua}"\n`;
};
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => line(from + k)).join('');

let t: ReturnType<typeof tempDb>;
let dir: string;
beforeEach(async () => {
  t = tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-sync-'));
  fs.mkdirSync(path.join(dir, 'logs'));
  await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
});
afterEach(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const logs = (...f: string[]) => path.join(dir, 'logs', ...f);
const config = (sources: unknown[], extra: object = {}) =>
  validateSyncConfig({ sources, ...extra }, 'tend.sync.json', dir);
const webLogs = () => config([{ name: 'web', type: 'access-log', paths: 'logs/access.log*' }]);

/** Everything a sync writes that people see, in a stable order. */
function totals(db: Db) {
  const all = (sql: string) => db.$client.prepare(sql).all();
  return {
    daily: all('select post_id, day, source, origin, page_views, visitors, bot_hits from daily_views order by 1,2,3,4'),
    unmatched: all('select path, day, source, kind, page_views, bot_hits from unmatched_paths order by 1,2,3,4'),
    referrers: all('select post_id, referrer, page_views from post_referrers order by 1,2'),
    stats: all('select * from post_stats order by post_id'),
    coverage: all('select * from traffic_coverage order by 1,2,3'),
  };
}
/** Page views and bot hits by path, summed over sources and origins (what a one-shot import would say). */
function byPath(db: Db) {
  const rows = db.$client
    .prepare(`select p.path, sum(v.page_views) as pv, sum(v.bot_hits) as bh, sum(v.visitors) as vis from daily_views v
      join posts p on p.id = v.post_id group by p.path order by p.path`)
    .all() as { path: string; pv: number; bh: number }[];
  const um = db.$client
    .prepare("select path, sum(page_views) as pv from unmatched_paths where kind = 'page' group by path")
    .all();
  return { posts: rows.map((r) => [r.path, r.pv, r.bh]), unmatched: um };
}
/** The same content imported in one go into a fresh database, for comparison. */
async function oneShot(content: string) {
  const o = tempDb();
  await importPostsFile(o.db, ownFixture('e2e', 'feed.xml'));
  const f = path.join(dir, 'oneshot.log');
  fs.writeFileSync(f, content);
  await importViewsFile(o.db, f);
  const r = byPath(o.db);
  o.cleanup();
  return r;
}

describe('npm run sync on access logs', () => {
  it('a second run in a row changes nothing (identical totals)', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 40));
    const first = await runSync(t.db, webLogs());
    expect(first.status).toBe('ok');
    const after1 = totals(t.db);
    expect(after1.daily.length).toBeGreaterThan(0);
    const second = await runSync(t.db, webLogs());
    expect(second.results[0].items.map((i) => i.action)).toEqual(['skip']);
    expect(totals(t.db)).toEqual(after1);
  });

  it('reads only the new bytes of a growing log, leaving a half-written last line for next time', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 10));
    await runSync(t.db, webLogs());
    fs.appendFileSync(logs('access.log'), lines(10, 25) + line(25).slice(0, 40));
    const r = await runSync(t.db, webLogs());
    expect(r.results[0].items[0]).toMatchObject({ action: 'read', lines: 15 });
    fs.appendFileSync(logs('access.log'), line(25).slice(40) + lines(26, 30));
    await runSync(t.db, webLogs());
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 30)));
  });

  it('names a bad line of a resumed read by its line number in the whole file', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 10));
    await runSync(t.db, webLogs());
    // Lines 11-12 good, line 13 bad, lines 14-15 good.
    fs.appendFileSync(logs('access.log'), `${lines(10, 12)}this is not a log line\n${lines(13, 15)}`);
    const r = await runSync(t.db, webLogs());
    // The run's own record says so too (what `npm run sync` prints and the Imports page shows).
    expect(r.results[0].items[0]).toMatchObject({ rejected: 1, rejects: [{ line: 13 }] });
    expect(r.results[0].summary).toMatch(/1 malformed and skipped/);
    const lastRejects = () =>
      JSON.parse(
        (t.db.$client.prepare('select rejects from import_runs order by id desc limit 1').get() as { rejects: string })
          .rejects,
      );
    expect(lastRejects()).toEqual([expect.objectContaining({ line: 13 })]);
    // A state saved before Tend kept the line count (lines unknown) is counted from the file once.
    t.db.$client.prepare('update sync_files set lines = null').run();
    fs.appendFileSync(logs('access.log'), `${lines(15, 16)}still not a log line\n`);
    await runSync(t.db, webLogs());
    expect(lastRejects()).toEqual([expect.objectContaining({ line: 17 })]);
  });

  it('rotation (rename): access.log.1 continues from its offset, the new access.log starts at 0', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 12));
    await runSync(t.db, webLogs());
    fs.appendFileSync(logs('access.log'), lines(12, 20));
    fs.renameSync(logs('access.log'), logs('access.log.1'));
    fs.writeFileSync(logs('access.log'), lines(20, 33));
    const r = await runSync(t.db, webLogs());
    expect(r.results[0].items.map((i) => [path.basename(i.item), i.action, i.lines])).toEqual([
      ['access.log.1', 'read', 8],
      ['access.log', 'read', 13],
    ]);
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 33)));
    const again = totals(t.db);
    await runSync(t.db, webLogs());
    expect(totals(t.db)).toEqual(again);
  });

  it('rotation (copytruncate) and later compression (.2.gz) count every line once', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 10));
    await runSync(t.db, webLogs());
    fs.appendFileSync(logs('access.log'), lines(10, 16));
    fs.copyFileSync(logs('access.log'), logs('access.log.1'));
    fs.truncateSync(logs('access.log'), 0);
    fs.appendFileSync(logs('access.log'), lines(16, 22));
    await runSync(t.db, webLogs());
    // Next night: .1 is compressed to .2.gz, access.log becomes .1, a new access.log.
    fs.writeFileSync(logs('access.log.2.gz'), gzipSync(fs.readFileSync(logs('access.log.1'))));
    fs.renameSync(logs('access.log'), logs('access.log.1'));
    fs.appendFileSync(logs('access.log.1'), lines(22, 25));
    fs.writeFileSync(logs('access.log'), lines(25, 31));
    const r = await runSync(t.db, webLogs());
    expect(r.status).toBe('ok');
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 31)));
  });

  it('a log cut short (same first line, fewer lines) is refused, its numbers kept; a grown one goes on', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 20));
    await runSync(t.db, webLogs());
    const counted = totals(t.db);
    fs.writeFileSync(logs('access.log'), lines(0, 6));
    const r = await runSync(t.db, webLogs());
    expect(r.status).not.toBe('ok');
    expect(JSON.stringify(r.results[0])).toMatch(
      /access\.log: starts like a log Tend counted before with 20 lines \(it has 6\)/,
    );
    expect(totals(t.db)).toEqual(counted);
    // The whole log back and grown: read on from where it stopped.
    fs.writeFileSync(logs('access.log'), lines(0, 26));
    const again = await runSync(t.db, webLogs());
    expect(again.status).toBe('ok');
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 26)));
  });

  it('a cut copy of a log imported by hand is refused by the sync too; after an import with --replace it is taken', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 30));
    await importViewsFile(t.db, logs('access.log'));
    const imported = totals(t.db);
    fs.writeFileSync(logs('access.log'), lines(0, 8));
    const r = await runSync(t.db, webLogs());
    expect(r.status).not.toBe('ok');
    expect(JSON.stringify(r.results[0])).toMatch(/with 30 lines \(it has 8\).*--replace/);
    expect(totals(t.db)).toEqual(imported);
    await importViewsFile(t.db, logs('access.log'), { replace: true });
    expect((await runSync(t.db, webLogs())).status).toBe('ok');
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 8)));
  });

  it('exactly once: when the offset cannot be saved, the rows are not added either', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 10));
    await runSync(t.db, webLogs());
    const before = totals(t.db);
    fs.appendFileSync(logs('access.log'), lines(10, 20));
    t.db.$client.exec(
      `create trigger fail_offset before update on sync_files begin select raise(abort, 'disk full'); end;`,
    );
    const failed = await runSync(t.db, webLogs());
    expect(failed.status).toBe('failed');
    expect(failed.results[0].error).toMatch(/disk full/);
    expect(totals(t.db)).toEqual(before);
    t.db.$client.exec('drop trigger fail_offset');
    await runSync(t.db, webLogs());
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 20)));
  });

  it('a manual import of the same log, then a sync: replaced, not doubled', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 12));
    await runSync(t.db, webLogs());
    fs.appendFileSync(logs('access.log'), lines(12, 16));
    await importViewsFile(t.db, logs('access.log'));
    fs.appendFileSync(logs('access.log'), lines(16, 18));
    await runSync(t.db, webLogs());
    expect(byPath(t.db)).toEqual(await oneShot(lines(0, 18)));
  });
});

describe('export folders, failures, runs', () => {
  it('imports new or changed exports once; unchanged files are skipped on the next run', async () => {
    const ex = path.join(dir, 'exports');
    fs.mkdirSync(ex);
    fs.copyFileSync(ownFixture('traffic', 'ga4-pages-and-screens.csv'), path.join(ex, 'ga4.csv'));
    fs.writeFileSync(path.join(ex, 'notes.txt'), 'my notes');
    const cfg = config([{ name: 'exports', type: 'folder', path: 'exports' }]);
    const r1 = await runSync(t.db, cfg);
    expect(r1.results[0].items.map((i) => [i.item, i.action])).toEqual([
      ['ga4.csv', 'read'],
      ['notes.txt', 'skip'],
    ]);
    const after = totals(t.db);
    const runs = t.db.$client.prepare('select count(*) as n from import_runs').get();
    const r2 = await runSync(t.db, cfg);
    expect(r2.results[0].items.every((i) => i.action === 'skip')).toBe(true);
    expect(totals(t.db)).toEqual(after);
    expect(t.db.$client.prepare('select count(*) as n from import_runs').get()).toEqual(runs);
    // A re-export of the same period with other numbers replaces them.
    fs.writeFileSync(
      path.join(ex, 'ga4.csv'),
      fs.readFileSync(path.join(ex, 'ga4.csv'), 'utf8').replace(',1200,700,', ',1250,700,'),
    );
    await runSync(t.db, cfg);
    expect(t.db.$client.prepare("select sum(page_views) as n from period_views where source = 'ga4'").get()).toEqual({
      n: 1350,
    });
  });

  it('a failed source does not stop the others; the run is recorded as partial', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 8));
    delete process.env.TEND_TEST_NO_SUCH_KEY;
    const cfg = config([
      { name: 'plausible', type: 'plausible-api', siteId: 'x.example', apiKeyEnv: 'TEND_TEST_NO_SUCH_KEY' },
      { name: 'missing', type: 'access-log', paths: 'nowhere/*.log' },
      { name: 'web', type: 'access-log', paths: 'logs/access.log*' },
    ]);
    const r = await runSync(t.db, cfg);
    expect(r.status).toBe('partial');
    expect(r.results.map((x) => [x.source, x.ok])).toEqual([
      ['plausible', false],
      ['missing', false],
      ['web', true],
    ]);
    expect(r.results[0].error).toMatch(/TEND_TEST_NO_SUCH_KEY \(apiKeyEnv\) is not set/);
    expect(r.results[1].error).toMatch(/does not exist/);
    const row = t.db.$client
      .prepare('select status, finished_at, results from sync_runs where id = ?')
      .get(r.runId) as {
      status: string;
      finished_at: string;
      results: string;
    };
    expect(row.status).toBe('partial');
    expect(row.finished_at).toMatch(/^\d{4}-/);
    expect(JSON.parse(row.results)).toHaveLength(3);
  });

  it('a run left "running" by a crash is marked failed by the next run', async () => {
    t.db.$client.prepare("insert into sync_runs (status) values ('running')").run();
    fs.writeFileSync(logs('access.log'), lines(0, 2));
    await runSync(t.db, webLogs());
    expect(t.db.$client.prepare('select status from sync_runs order by id').all()).toEqual([
      { status: 'failed' },
      { status: 'ok' },
    ]);
  });
});

describe('Plausible API source (local server) and priority', () => {
  let server: http.Server;
  let base = '';
  let results: { dimensions: string[]; metrics: number[] }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const q = JSON.parse(body) as { date_range: [string, string] };
        const inRange = results.filter((r) => r.dimensions[1] >= q.date_range[0] && r.dimensions[1] <= q.date_range[1]);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ results: inRange, meta: {}, query: q }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const now = () => Date.parse('2024-03-05T12:00:00Z');

  it('fetches the last days, replaces them, writes nothing when unchanged, and never double counts with the log', async () => {
    process.env.TEND_TEST_PLAUSIBLE_KEY = 'k';
    results = [
      { dimensions: ['/2024/03/why-i-stopped-digging/', '2024-03-01'], metrics: [50, 40] },
      { dimensions: ['/2024/03/why-i-stopped-digging', '2024-03-04'], metrics: [9, 8] },
      { dimensions: ['/2024/03/why-i-stopped-digging', '2024-03-05'], metrics: [3, 3] },
    ];
    const plausible = {
      name: 'plausible',
      type: 'plausible-api',
      siteId: 'allotment.example',
      baseUrl: base,
      apiKeyEnv: 'TEND_TEST_PLAUSIBLE_KEY',
      days: 5,
    };
    // The log covers 03-01 (4 lines, 1 bot: 1 human view of the post) .. 03-03.
    fs.writeFileSync(logs('access.log'), lines(0, 12));
    const cfg = config([{ name: 'web', type: 'access-log', paths: 'logs/access.log*' }, plausible]);
    const r = await runSync(t.db, cfg, { now });
    expect(r.status).toBe('ok');
    const post = () =>
      (
        t.db.$client
          .prepare(
            "select lifetime_views as n from post_stats s join posts p on p.id = s.post_id where p.path = '/2024/03/why-i-stopped-digging'",
          )
          .get() as { n: number }
      ).n;
    const fromLog = (
      t.db.$client
        .prepare(
          "select sum(page_views) as n from daily_views v join posts p on p.id = v.post_id where p.path = '/2024/03/why-i-stopped-digging' and v.source = 'access-log'",
        )
        .get() as { n: number }
    ).n;
    // 03-01: the log wins over Plausible's 50; 03-04 and 03-05 only Plausible has.
    expect(post()).toBe(fromLog + 9 + 3);
    expect(t.db.$client.prepare("select count(*) as n from daily_views where source = 'plausible'").get()).toEqual({
      n: 3,
    });
    const after = totals(t.db);
    const r2 = await runSync(t.db, cfg, { now });
    expect(r2.results[1].items[0]).toMatchObject({ action: 'skip', reason: 'unchanged' });
    expect(totals(t.db)).toEqual(after);
    // Plausible revises 03-05: the period is replaced, not added to.
    results[2].metrics = [5, 4];
    await runSync(t.db, cfg, { now });
    expect(post()).toBe(fromLog + 9 + 5);
    // With Plausible first it wins every day of its range (03-01..03-05, zero where it has no row), the log none.
    await runSync(t.db, config(cfg.sources, { priority: ['plausible', 'access-log'] }), { now });
    expect(post()).toBe(50 + 9 + 5);
    expect(t.db.$client.prepare("select count(*) as n from traffic_winners where source = 'access-log'").get()).toEqual(
      { n: 0 },
    );
  });
});

describe('log identity and sync state (fresh-clone findings)', () => {
  /** A CloudFront file: the same two `#` header lines as every other, then its own day of page views. */
  const cloudfront = (day: string, views: number) =>
    [
      '#Version: 1.0',
      '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query',
      ...Array.from(
        { length: views },
        (_, i) =>
          `${day}\t08:00:0${i}\tFRA56-C1\t5120\t192.0.2.${i + 1}\tGET\td111.cloudfront.net\t${POSTS[0]}\t200\t-\tMozilla/5.0%20(X11;%20Linux%20x86_64)%20Firefox/121.0\t-`,
      ),
      '',
    ].join('\n');
  const views = (db: Db) =>
    (db.$client.prepare('select coalesce(sum(page_views), 0) as n from daily_views').get() as { n: number }).n;

  it('tells CloudFront files apart by their first data line, not the shared #Version header', async () => {
    fs.writeFileSync(logs('E2ABC.2024-03-01.log'), cloudfront('2024-03-01', 5));
    fs.writeFileSync(logs('E2ABC.2024-03-02.log'), cloudfront('2024-03-02', 3));
    await importViewsFile(t.db, logs('E2ABC.2024-03-01.log'));
    await importViewsFile(t.db, logs('E2ABC.2024-03-02.log'));
    expect(views(t.db)).toBe(8);
    // And by the sync, twice: the same 8, nothing added the second time.
    const cfg = config([{ name: 'cdn', type: 'access-log', paths: 'logs/E2ABC.*.log' }]);
    await runSync(t.db, cfg);
    await runSync(t.db, cfg);
    expect(views(t.db)).toBe(8);
  });

  it('replaces rows an earlier version filed under the #Version line when such a file is imported again', async () => {
    fs.writeFileSync(logs('E2ABC.2024-03-01.log'), cloudfront('2024-03-01', 5));
    await importViewsFile(t.db, logs('E2ABC.2024-03-01.log'));
    // What the earlier version wrote: the same rows under the origin of the header line's hash.
    const { headHashOf, logOrigin } = await import('../../lib/traffic/file-head');
    const legacy = logOrigin(headHashOf('#Version: 1.0'));
    for (const table of ['daily_views', 'traffic_coverage', 'post_referrers', 'unmatched_paths'])
      t.db.$client.prepare(`update ${table} set origin = ? where origin like 'log:%'`).run(legacy);
    expect(views(t.db)).toBe(5);
    const s = await importViewsFile(t.db, logs('E2ABC.2024-03-01.log'));
    expect(views(t.db)).toBe(5);
    expect(s.notes.join(' ')).toMatch(/replaced 1 daily rows/);
  });

  it('adds a log’s new lines once when two sources name the same file', async () => {
    fs.writeFileSync(logs('access.log'), lines(0, 40));
    const cfg = config([
      { name: 'a', type: 'access-log', paths: 'logs/access.log' },
      { name: 'b', type: 'access-log', paths: 'logs/access.log*' },
    ]);
    await runSync(t.db, cfg);
    fs.appendFileSync(logs('access.log'), lines(40, 80));
    await runSync(t.db, cfg);
    const once = tempDb();
    try {
      await importPostsFile(once.db, ownFixture('e2e', 'feed.xml'));
      await importViewsFile(once.db, logs('access.log'));
      expect(byPath(t.db)).toEqual(byPath(once.db));
    } finally {
      once.cleanup();
    }
  });
});
