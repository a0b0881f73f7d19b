/**
 * Crashes and concurrent writers, with real processes on a real SQLite file (WAL, busy timeout):
 * - an import killed with SIGKILL at random points leaves the database as it was (or, killed after its commit, as the
 *   finished import left it), never in between, and intact;
 * - a traffic import and the author tagging posts at the same time both succeed;
 * - `npm run backup` during writes gives intact, consistent copies;
 * - migrations back up a database with data first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../lib/random';
import { openDb } from './client';
import { importViewsFile } from './import-views';
import { importPostsFile } from './importers';
import { MIGRATIONS_DIR, migrate, pendingMigrations } from './migrate';
import { writeBigLog } from './test-children/big-log';
import { snapshot } from './test-helpers';

const ROOT = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-crash-'));
const base = path.join(dir, 'base.db');
const bigLog = path.join(dir, 'big.log');

type Snap = ReturnType<typeof snapshot>;

/** Start `node --import tsx ARGS` in the project with TEND_DB=db; resolves with its exit and output. */
function start(args: string[], db: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, TEND_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; ms: number }>(
    (resolve) => {
      const t0 = Date.now();
      child.on('exit', (code, signal) => resolve({ code, signal, out, ms: Date.now() - t0 }));
    },
  );
  return { child, done };
}

function freshCopy(name: string): string {
  const file = path.join(dir, name);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(base, file);
  return file;
}

function read<T>(file: string, fn: (db: ReturnType<typeof openDb>) => T): T {
  const db = openDb(file);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

/** Whether some connection holds the write lock of `file` now (a write transaction is open): BEGIN IMMEDIATE fails. */
function writerActive(probe: Database.Database): boolean {
  try {
    probe.prepare('begin immediate').run();
    probe.prepare('rollback').run();
    return false;
  } catch (err) {
    if (/locked|busy/i.test((err as Error).message)) return true;
    throw err;
  }
}

function openProbe(file: string): Database.Database {
  const probe = new Database(file);
  probe.pragma('busy_timeout = 0');
  return probe;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let before: Snap;

beforeAll(async () => {
  const db = openDb(base);
  migrate(db);
  await importPostsFile(db, path.join(ROOT, 'fixtures', 'e2e', 'feed.xml'));
  await importViewsFile(db, path.join(ROOT, 'fixtures', 'e2e', 'access.log'));
  before = snapshot(db);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  writeBigLog(bigLog, 70_000);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an import killed with SIGKILL', () => {
  it('leaves the database as before it started, at random points (repeated)', async () => {
    // The finished import, for kills that land after its commit.
    const full = freshCopy('full.db');
    const run = await start(['scripts/import.ts', 'views', bigLog], full).done;
    expect(run.code, run.out).toBe(0);
    const after: Snap = read(full, snapshot);
    expect(after).not.toEqual(before);

    const rand = mulberry32(20240301);
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const file = freshCopy(`kill-${i}.db`);
      const probe = openProbe(file);
      const { child, done } = start(['scripts/import.ts', 'views', bigLog], file);
      if (i % 2 === 0) {
        // Anywhere in the run: start-up, parsing or writing.
        await sleep(Math.floor(300 + rand() * (run.ms - 300)));
      } else {
        // Inside the write transaction: once the write lock has been held for 20 ms (longer than any start-up
        // bookkeeping), plus a small random extra. The write lasts ~150 ms here, so a longer extra would often land
        // after the commit and the run would test nothing.
        let heldSince = 0;
        const t0 = Date.now();
        while (child.exitCode === null && Date.now() - t0 < 60_000) {
          if (!writerActive(probe)) heldSince = 0;
          else if (!heldSince) heldSince = Date.now();
          else if (Date.now() - heldSince >= 20) break;
          await sleep(5);
        }
        await sleep(Math.floor(rand() * 30));
      }
      const killedWhile = writerActive(probe) ? 'writing' : 'not writing';
      probe.close();
      child.kill('SIGKILL');
      const res = await done;
      const state = read(file, (db) => {
        expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
        return snapshot(db);
      });
      const same = JSON.stringify(state) === JSON.stringify(before);
      const finished = JSON.stringify(state) === JSON.stringify(after);
      outcomes.push(
        `${i}: ${res.signal === 'SIGKILL' ? 'killed while' : 'exited before the kill,'} ${killedWhile} → ${same ? 'as before' : finished ? 'import complete' : 'MIXED'}`,
      );
      expect(same || finished, outcomes.join('\n')).toBe(true);
      if (res.signal === 'SIGKILL' && !finished) expect(state).toEqual(before);
    }
    console.log(outcomes.join('\n'));
    // At least the kills aimed at the write transaction must have rolled it back.
    expect(
      outcomes.filter((o) => /while writing.*as before/.test(o)).length,
      outcomes.join('\n'),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('two writers at once', () => {
  it('a traffic import and the author tagging posts in another process both succeed', async () => {
    const file = freshCopy('concurrent.db');
    const stop = path.join(dir, 'stop-deciding');
    fs.rmSync(stop, { force: true });
    const decider = start(['db/test-children/decide-loop.ts', '100000', '7', stop], file);
    await sleep(500);
    const importer = start(['scripts/import.ts', 'views', bigLog], file);
    const imp = await importer.done;
    fs.writeFileSync(stop, '');
    const dec = await decider.done;
    expect(imp.code, imp.out).toBe(0);
    expect(imp.out).toMatch(/read 70000/);
    expect(dec.code, dec.out).toBe(0);
    const summary = JSON.parse(dec.out.trim().split('\n').pop() as string) as { ok: number; failed: number };
    expect(summary.failed).toBe(0);
    expect(summary.ok).toBeGreaterThan(50);
    read(file, (db) => {
      const c = db.$client;
      expect((c.prepare('select count(*) n from decision_events').get() as { n: number }).n).toBe(summary.ok);
      // Each post's current decision is the one its last event produced.
      const mismatched = c
        .prepare(`select d.post_id from decisions d join decision_events e on e.id =
          (select max(id) from decision_events where post_id = d.post_id) where e.new_decision != d.decision`)
        .all();
      expect(mismatched).toEqual([]);
      expect((c.prepare('select count(*) n from unmatched_paths').get() as { n: number }).n).toBeGreaterThan(1000);
    });
  });
});

describe('npm run backup', () => {
  it('writes intact, consistent copies while another process writes', async () => {
    const file = freshCopy('live.db');
    const stop = path.join(dir, 'stop-backup-writer');
    fs.rmSync(stop, { force: true });
    const writer = start(['db/test-children/decide-loop.ts', '100000', '11', stop], file);
    await sleep(700);
    const copies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = path.join(dir, 'backups', `copy-${i}.db`);
      const res = await start(['scripts/backup.ts', '--out', out], file).done;
      expect(res.code, res.out).toBe(0);
      expect(res.out).toMatch(/backed up .* to .*copy-\d\.db/);
      copies.push(out);
    }
    fs.writeFileSync(stop, '');
    expect((await writer.done).code).toBe(0);
    const counts: number[] = [];
    for (const copy of copies) {
      const c = new Database(copy, { readonly: true });
      expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
      counts.push((c.prepare('select count(*) n from decision_events').get() as { n: number }).n);
      const mismatched = c
        .prepare(`select d.post_id from decisions d join decision_events e on e.id =
          (select max(id) from decision_events where post_id = d.post_id) where e.new_decision != d.decision`)
        .all();
      expect(mismatched).toEqual([]);
      expect((c.prepare('select count(*) n from posts').get() as { n: number }).n).toBe(before.posts.length);
      c.close();
    }
    // Taken while the writer ran: the copies hold different, growing histories.
    expect(counts[2]).toBeGreaterThan(counts[0]);
    // Never overwrites.
    const again = await start(['scripts/backup.ts', '--out', copies[0]], file).done;
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);
  });
});

describe('migrations', () => {
  it('back up a database with data before applying pending migrations, and only then', () => {
    // An "old" database: all migrations but the newest, with data in it.
    const old = path.join(dir, 'old-migrations');
    fs.cpSync(MIGRATIONS_DIR, old, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(old, 'meta', '_journal.json'), 'utf8'));
    expect(journal.entries.length).toBeGreaterThan(1);
    journal.entries.pop();
    fs.writeFileSync(path.join(old, 'meta', '_journal.json'), JSON.stringify(journal));
    const file = path.join(dir, 'upgrade', 'tend.db');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = openDb(file);
    drizzleMigrate(db, { migrationsFolder: old });
    db.$client.prepare("insert into settings (key, value) values ('siteUrl', 'https://b.example')").run();
    expect(pendingMigrations(db)).toBe(1);
    const backup = migrate(db);
    expect(backup).toMatch(/upgrade[\\/]backups[\\/]tend-\d{8}-\d{6}Z-before-migration\.db$/);
    expect(pendingMigrations(db)).toBe(0);
    db.$client.close();
    const copy = new Database(backup as string, { readonly: true });
    expect(copy.prepare("select value from settings where key = 'siteUrl'").get()).toEqual({
      value: 'https://b.example',
    });
    expect((copy.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n).toBe(
      journal.entries.length,
    );
    copy.close();
    // Up to date: no backup. A new, empty database: no backup either.
    const again = openDb(file);
    expect(migrate(again)).toBeNull();
    again.$client.close();
    const fresh = openDb(path.join(dir, 'fresh', 'tend.db'));
    expect(migrate(fresh)).toBeNull();
    fresh.$client.close();
    expect(fs.existsSync(path.join(dir, 'fresh', 'backups'))).toBe(false);
  });
});
