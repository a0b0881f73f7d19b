/**
 * One sync at a time: a lock file (`tend.sync.lock` next to the database) created atomically (`wx`), holding the
 * owner's pid, host and start time. A crashed run cannot leave it stuck: a lock whose process is gone (same host), or
 * that is older than `staleHours` whatever its process, is stale and taken over.
 */
import fs from 'node:fs';
import os from 'node:os';

/** What the lock file says about its owner. */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export type LockResult =
  | { ok: true; release: () => void; tookOverStale: LockInfo | null }
  | { ok: false; heldBy: LockInfo };

export interface LockOptions {
  /** A lock older than this is stale even when its process seems alive (a hung run). */
  staleHours: number;
  now?: () => Date;
  /** Whether a pid is a live process on this host (default: `process.kill(pid, 0)`). */
  isAlive?: (pid: number) => boolean;
}

/** `process.kill(pid, 0)`: ESRCH = no such process; EPERM = it exists but belongs to someone else. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.startedAt === 'string'
      ? { pid: v.pid, host: String(v.host ?? ''), startedAt: v.startedAt }
      : null;
  } catch {
    return null;
  }
}

/** Whether an existing lock may be taken over. A lock file that cannot be read (half-written) is stale. */
export function isStale(info: LockInfo | null, opts: LockOptions): boolean {
  if (!info) return true;
  const now = (opts.now ?? (() => new Date()))().getTime();
  const age = now - Date.parse(info.startedAt);
  if (!Number.isFinite(age) || age > opts.staleHours * 3_600_000) return true;
  return info.host === os.hostname() && !(opts.isAlive ?? pidAlive)(info.pid);
}

/**
 * Take the lock, taking over a stale one once.
 * @returns `{ ok: true, release }` (release is idempotent and only removes the lock if it is still ours), or
 *   `{ ok: false, heldBy }` when a live run holds it.
 */
export function acquireLock(file: string, opts: LockOptions): LockResult {
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: (opts.now ?? (() => new Date()))().toISOString(),
  };
  let tookOverStale: LockInfo | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      return {
        ok: true,
        tookOverStale,
        release: () => {
          if (released) return;
          released = true;
          const cur = readLock(file);
          if (cur && cur.pid === me.pid && cur.startedAt === me.startedAt) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const info = readLock(file);
      if (!isStale(info, opts)) return { ok: false, heldBy: info as LockInfo };
      tookOverStale = info ?? { pid: 0, host: '', startedAt: '' };
      fs.rmSync(file, { force: true });
    }
  }
  const info = readLock(file);
  return { ok: false, heldBy: info ?? { pid: 0, host: '', startedAt: '' } };
}
