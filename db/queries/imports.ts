/**
 * Reads for the imports page: recent import runs and the unmatched paths with their counts.
 */
import type { Db } from '../client';

export interface ImportRunRow {
  id: number;
  kind: string;
  format: string | null;
  file: string;
  finishedAt: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsBot: number;
  rowsUnmatched: number;
  rowsRejected: number;
  firstDay: string | null;
  lastDay: string | null;
  status: string;
  error: string | null;
}

/** The newest `limit` import runs, newest first. */
export function listImportRuns(db: Db, limit = 50): ImportRunRow[] {
  return db.$client
    .prepare(`select id, kind, format, file, finished_at as finishedAt, rows_read as rowsRead, rows_imported as rowsImported,
      rows_bot as rowsBot, rows_unmatched as rowsUnmatched, rows_rejected as rowsRejected, first_day as firstDay,
      last_day as lastDay, status, error from import_runs order by id desc limit ?`)
    .all(limit) as ImportRunRow[];
}

export interface UnmatchedRow {
  path: string;
  kind: string;
  pageViews: number;
  botHits: number;
  days: number;
}

/** Unmatched paths of one kind, most page views (then bot hits) first. */
export function listUnmatchedPaths(db: Db, kind = 'page', limit = 100): UnmatchedRow[] {
  return db.$client
    .prepare(`select path, kind, sum(page_views) as pageViews, sum(bot_hits) as botHits, count(distinct day) as days
      from unmatched_paths where kind = ? group by path order by pageViews desc, botHits desc, path limit ?`)
    .all(kind, limit) as UnmatchedRow[];
}

/** Totals of unmatched traffic by kind (page, feed, asset, api, admin). */
export function countUnmatchedByKind(db: Db): { kind: string; paths: number; pageViews: number; botHits: number }[] {
  return db.$client
    .prepare(`select kind, count(distinct path) as paths, sum(page_views) as pageViews, sum(bot_hits) as botHits
      from unmatched_paths group by kind order by kind`)
    .all() as never;
}
