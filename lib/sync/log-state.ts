/**
 * Incremental reading of a log file: from the file's identity, size and the state saved by the last run, decide
 * where to start. Pure (no I/O), so every rotation and truncation case is unit-tested.
 *
 * Identity is the hash of the file's first line, not its path or inode: after `logrotate` renames `access.log` to
 * `access.log.1` (or copies and truncates it), the old content keeps its hash and continues from its offset under its
 * new name, while the new `access.log` has a new first line and starts at 0. Compressed rotations (`.2.gz`) keep the
 * hash too (it is taken on the inflated content), with the offset counted in inflated bytes.
 */

/** What the last run saved about one log (a `sync_files` row). */
export interface SavedLogState {
  path: string;
  size: number;
  /** Bytes of the (inflated) content already counted. */
  offset: number;
}

/** The file as it is now. */
export interface LogFileNow {
  path: string;
  /** Size on disk (compressed size for gzip). */
  size: number;
  gzip: boolean;
  /** Hash of the first line, or null when the file has no complete first line yet. */
  headHash: string | null;
}

export type LogPlan =
  | { action: 'skip'; reason: string }
  | {
      action: 'read';
      /** Inflated byte offset to start at. */
      from: number;
      /**
       * Delete what this identity wrote before adding (a first read, or a truncated file read again). The caller refuses a
       * restart whose file has fewer lines than Tend counted of the log before (db/log-length.ts).
       */
      restart: boolean;
      reason: string;
    };

/** Decide what to do with a log file this run. */
export function planLogRead(now: LogFileNow, saved: SavedLogState | undefined): LogPlan {
  if (!now.headHash) return { action: 'skip', reason: 'no complete first line yet' };
  if (!saved) return { action: 'read', from: 0, restart: true, reason: 'new file' };
  if (!now.gzip && now.size < saved.offset) {
    return { action: 'read', from: 0, restart: true, reason: `truncated (${now.size} bytes < offset ${saved.offset})` };
  }
  if (!now.gzip && now.size === saved.offset) return { action: 'skip', reason: 'no new bytes' };
  // A gzip file never grows: the same file at the same size was read to its end last time.
  if (now.gzip && saved.path === now.path && saved.size === now.size) return { action: 'skip', reason: 'no new bytes' };
  const renamed = saved.path !== now.path ? ` (rotated from ${saved.path})` : '';
  return { action: 'read', from: saved.offset, restart: false, reason: `from byte ${saved.offset}${renamed}` };
}
