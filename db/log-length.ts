/**
 * How long a log was when Tend last counted it, so neither an import nor the nightly sync replaces a log's page
 * views with a cut or older copy of it (same first line, fewer lines). A log is known by its identity (the hash of
 * its first data line, lib/traffic/file-head.ts).
 */
import type { Db } from './client';

type Tx = Pick<Db, '$client'>;

/** What a read of a log found: parsed lines (`counts.read`) and physical lines (blank and `#` lines too). */
export interface LogLength {
  rows: number;
  lines: number;
}

/**
 * Refuse a log that is shorter than what Tend counted of the same log before: fewer parsed lines than its latest
 * import or sync run read (a sync run reads only new lines, so this is a lower bound), or fewer lines than the sync
 * has read of it so far. Call before writing, inside the transaction.
 * @param how what the author can do instead, appended to the message.
 * @throws Error naming the file and both counts.
 */
export function refuseShorterLog(tx: Tx, file: string, headHash: string, now: LogLength, how: string): void {
  const c = tx.$client;
  const last = c
    .prepare(`select rows_read as n from import_runs where kind = 'views' and status = 'ok' and file_hash = ?
      order by id desc limit 1`)
    .get(headHash) as { n: number } | undefined;
  const synced = c.prepare('select lines from sync_files where head_hash = ? and lines is not null').get(headHash) as
    | { lines: number }
    | undefined;
  let before: string | null = null;
  if (last && now.rows < last.n) before = `${last.n} lines (it has ${now.rows})`;
  else if (synced && now.lines < synced.lines) before = `${synced.lines} lines (it has ${now.lines})`;
  if (before)
    throw new Error(
      `${file}: starts like a log Tend counted before with ${before}: a cut or older copy? Reading it would replace that log's page views with fewer, so they are left as they are. ${how}`,
    );
}
