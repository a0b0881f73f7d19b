import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, isStale, pidAlive } from './lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const lockFile = () => path.join(dir, `l${n++}.lock`);

describe('sync lock', () => {
  it('one holder at a time; release frees it', () => {
    const f = lockFile();
    const a = acquireLock(f, { staleHours: 6 });
    expect(a.ok).toBe(true);
    const b = acquireLock(f, { staleHours: 6 });
    expect(b).toMatchObject({ ok: false, heldBy: { pid: process.pid } });
    if (a.ok) a.release();
    expect(fs.existsSync(f)).toBe(false);
    const c = acquireLock(f, { staleHours: 6 });
    expect(c.ok).toBe(true);
    if (c.ok) c.release();
  });

  it('a crashed run (dead pid on this host) does not leave it stuck', () => {
    const f = lockFile();
    fs.writeFileSync(f, JSON.stringify({ pid: 999_999_999, host: os.hostname(), startedAt: new Date().toISOString() }));
    const r = acquireLock(f, { staleHours: 6 });
    expect(r).toMatchObject({ ok: true, tookOverStale: { pid: 999_999_999 } });
    if (r.ok) r.release();
  });

  it('a lock older than staleHours is stale even if its process lives (a hung run)', () => {
    const f = lockFile();
    const old = new Date(Date.now() - 7 * 3_600_000).toISOString();
    fs.writeFileSync(f, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: old }));
    expect(acquireLock(f, { staleHours: 8 }).ok).toBe(false);
    const r = acquireLock(f, { staleHours: 6 });
    expect(r.ok).toBe(true);
    if (r.ok) r.release();
  });

  it('an unreadable (half-written) lock file is stale', () => {
    const f = lockFile();
    fs.writeFileSync(f, '{"pid": 12');
    const r = acquireLock(f, { staleHours: 6 });
    expect(r.ok).toBe(true);
    if (r.ok) r.release();
  });

  it.each([
    ['live process here', { pid: 1, host: os.hostname(), startedAt: new Date().toISOString() }, true, false],
    ['dead process here', { pid: 1, host: os.hostname(), startedAt: new Date().toISOString() }, false, true],
    [
      'other host, young: cannot check its pid, not stale',
      { pid: 1, host: 'elsewhere', startedAt: new Date().toISOString() },
      false,
      false,
    ],
    ['bad time', { pid: 1, host: os.hostname(), startedAt: 'yesterday' }, true, true],
  ])('isStale: %s', (_name, info, alive, stale) => {
    expect(isStale(info, { staleHours: 6, isAlive: () => alive })).toBe(stale);
  });

  it('release only removes its own lock', () => {
    const f = lockFile();
    const a = acquireLock(f, { staleHours: 6 });
    fs.writeFileSync(f, JSON.stringify({ pid: 424242, host: 'x', startedAt: new Date().toISOString() }));
    if (a.ok) a.release();
    expect(fs.existsSync(f)).toBe(true);
  });

  it('pidAlive knows this process', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(999_999_999)).toBe(false);
  });
});
