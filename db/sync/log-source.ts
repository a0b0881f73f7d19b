/**
 * Sync of an access-log source: every file its paths and globs name, read from where the last run stopped (see
 * lib/sync/log-state.ts for rotation and truncation). Exactly once: the rows added and the new offset are written
 * in the same transaction, so a crash between runs never counts a line twice or drops one.
 */
import fs from 'node:fs';
import { isGzipFile } from '../../lib/bounded-read';
import type { SyncSource } from '../../lib/sync/config';
import { countLinesBefore } from '../../lib/sync/count-lines';
import { expandLogPaths } from '../../lib/sync/files';
import { planLogRead, type SavedLogState } from '../../lib/sync/log-state';
import { detectTrafficFormat, logKindOf, resolveFormat } from '../../lib/traffic/detect';
import { logIdentity, logOrigin, readHeadText } from '../../lib/traffic/file-head';
import { createLineParser } from '../../lib/traffic/line-parsers';
import { readAccessLog } from '../../lib/traffic/read-access-log';
import type { Db } from '../client';
import { withLargeCache } from '../import-views';
import { recordRun } from '../importers';
import { refuseShorterLog } from '../log-length';
import { addTraffic, deleteOrigin, dropLegacyLogOrigin, recomputeTouchedPostStats } from '../mutations/traffic';
import { fileSourceResult, ITEM_REJECTS, type SyncItemResult, type SyncSourceResult } from './types';

type LogSource = Extract<SyncSource, { type: 'access-log' }>;

/** Context shared by the sources of a run. */
export interface SyncContext {
  timeZone: string;
  ownHosts: ReadonlySet<string>;
}

/**
 * Whether a plain file's identity line (its first line that is neither blank nor a `#` header, lib/traffic/file-head.ts)
 * is complete (has its newline): only then is its hash the file's identity.
 */
function firstLineComplete(file: string, gzip: boolean): boolean {
  if (gzip) return true;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    let i = 0;
    for (;;) {
      while (i < n && (buf[i] === 10 || buf[i] === 13 || buf[i] === 32 || buf[i] === 9)) i++;
      const nl = buf.indexOf(10, i);
      if (i >= n) return n === buf.length;
      if (buf[i] !== 35) return (nl >= 0 && nl < n) || n === buf.length;
      if (nl < 0 || nl >= n) return n === buf.length;
      i = nl + 1;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Sync one access-log source. Per-file errors are reported in the items; the source fails if any file failed. */
export async function syncLogSource(db: Db, src: LogSource, ctx: SyncContext): Promise<SyncSourceResult> {
  const files = expandLogPaths(src.paths as string[]);
  if (files.length === 0) throw new Error(`no file matches ${(src.paths as string[]).join(', ')}`);
  const items: SyncItemResult[] = [];
  for (const file of files) {
    try {
      items.push(await syncLogFile(db, src, file, ctx));
    } catch (err) {
      items.push({ item: file, action: 'error', reason: (err as Error).message });
    }
  }
  return fileSourceResult(src, files.length, items);
}

async function syncLogFile(db: Db, src: LogSource, file: string, ctx: SyncContext): Promise<SyncItemResult> {
  const stat = fs.statSync(file);
  const gzip = isGzipFile(file);
  const { headHash, legacyHeadHash } = await logIdentity(file);
  const now = {
    path: file,
    size: stat.size,
    gzip,
    headHash: headHash && firstLineComplete(file, gzip) ? headHash : null,
  };
  // One state per log, whatever source lists it: two sources naming the same file must not both add its new lines.
  // (Before 2026-11-29 the key was `source name TAB hash`: such a row is still read, and replaced on write.)
  const key = `${headHash}`;
  const legacyKey = `${src.name}\t${headHash}`;
  const saved = db.$client
    .prepare('select path, size, offset, lines from sync_files where key in (?, ?) order by key = ? desc limit 1')
    .get(key, legacyKey, key) as (SavedLogState & { lines: number | null }) | undefined;
  const plan = planLogRead(now, saved);
  if (plan.action === 'skip' || !headHash) return { item: file, action: 'skip', reason: plan.reason };

  const head = await readHeadText(file);
  const format = src.format
    ? resolveFormat(src.format)
    : src.logFormat
      ? 'custom-log'
      : detectTrafficFormat(head, file, undefined);
  const kind = format ? logKindOf(format) : null;
  if (!format || !kind)
    throw new Error(`not an access log Tend recognizes${format ? ` (looks like ${format})` : ''}: set "format"`);
  const read = (from: number, linesBefore: number) =>
    readAccessLog(file, {
      file,
      timeZone: ctx.timeZone,
      parser: createLineParser(kind, src.logFormat),
      ownHosts: ctx.ownHosts,
      startOffset: from,
      completeLinesOnly: true,
      // Rejects name their line in the whole file, not in this run's new bytes.
      firstLineNo: linesBefore + 1,
      // W3C columns are named once at the top: a resumed read needs them again.
      prelude: kind === 'w3c' && from > 0 ? head.split('\n').filter((l) => l.startsWith('#')) : [],
    });
  let restart = plan.restart;
  // Lines before the resume point: saved with the offset (a state saved before that column existed is counted once).
  let linesBefore = plan.from === 0 ? 0 : (saved?.lines ?? (await countLinesBefore(file, gzip, plan.from)));
  let res = await read(plan.from, linesBefore);
  if (res.endOffset < plan.from) {
    // A gzip file shorter than the saved offset was replaced, not rotated: read it again from the start.
    restart = true;
    linesBefore = 0;
    res = await read(0, 0);
  }
  const origin = logOrigin(headHash);
  return withLargeCache(db, () =>
    db.$client.transaction(() => {
      // Reading from the start replaces what this log gave before: not with a cut or older copy of it.
      if (restart)
        refuseShorterLog(
          db,
          file,
          headHash,
          { rows: res.counts.read, lines: res.lines },
          `If this file is the whole log now, import it once with: npm run import -- views ${file} --replace`,
        );
      if (restart) deleteOrigin(db, 'access-log', origin);
      if (restart && legacyHeadHash) dropLegacyLogOrigin(db, logOrigin(legacyHeadHash));
      db.$client.prepare('delete from sync_files where key = ?').run(legacyKey);
      const w = addTraffic(db, res.rows, { source: 'access-log', origin }, res.referrers);
      db.$client
        .prepare(`insert into sync_files (key, path, device, inode, head_hash, size, offset, lines, updated_at)
        values (?,?,?,?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) on conflict (key) do update set
        path = excluded.path, device = excluded.device, inode = excluded.inode, size = excluded.size,
        offset = excluded.offset, lines = excluded.lines, updated_at = excluded.updated_at`)
        .run(key, file, stat.dev, stat.ino, headHash, stat.size, res.endOffset, linesBefore + res.lines);
      recomputeTouchedPostStats(db);
      if (res.counts.read > 0 || restart) {
        recordRun(
          db,
          {
            kind: 'views',
            file,
            format: `${format} (sync ${src.name})`,
            read: res.counts.read,
            imported: w.pageViews,
            bot: res.counts.botHits,
            unmatched: w.unmatchedPageViews,
            rejected: res.counts.rejected,
            skipped: {},
            rejects: res.rejects,
            warnings: [],
            firstDay: res.firstDay,
            lastDay: res.lastDay,
            detail: {},
          },
          'ok',
          headHash,
        );
      }
      return {
        item: file,
        action: 'read' as const,
        reason: restart ? `${plan.reason}, read from the start` : plan.reason,
        lines: res.counts.read,
        pageViews: w.pageViews,
        botHits: res.counts.botHits,
        rejected: res.counts.rejected,
        rejects: res.rejects.slice(0, ITEM_REJECTS).map((r) => ({ line: r.line, reason: r.reason })),
      };
    })(),
  );
}
