/**
 * Import orchestration shared by `npm run import`, the demo and the tests: read a file with the parsers in lib/,
 * then write everything in ONE transaction (it lands whole or not at all) and record the run in import_runs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { readPostsFile } from '../lib/posts/detect';
import type { ParseResult, PostRecord, Reject } from '../lib/types';
import type { Db } from './client';
import { refreshSuggestions } from './mutations/authorship';
import { upsertPosts } from './mutations/posts';
import { recomputePostStats, rematchUnmatched } from './mutations/traffic';
import { getSettings } from './settings';

/** What one import did, for the summary line and the import_runs row. */
export interface ImportSummary {
  kind: 'posts' | 'views';
  file: string;
  format: string;
  read: number;
  imported: number;
  bot: number;
  unmatched: number;
  rejected: number;
  skipped: Record<string, number>;
  rejects: Reject[];
  warnings: Reject[];
  firstDay: string | null;
  lastDay: string | null;
  ms: number;
  /** Posts: inserted/updated/unchanged. */
  detail: Record<string, number>;
}

/** One summary line: `read N, imported N, bot N, unmatched N, rejected N, N ms`. */
export function formatSummary(s: ImportSummary): string {
  const period = s.firstDay ? ` (${s.firstDay} to ${s.lastDay})` : '';
  const detail = Object.entries(s.detail)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  // Units differ by kind: a posts import reads items and imports posts; a traffic import reads lines (or rows) and
  // counts page views and bot hits, so each number says what it counts.
  const counts =
    s.kind === 'posts'
      ? `read ${s.read} items, imported ${s.imported} posts, rejected ${s.rejected}`
      : `read ${s.read} lines, imported ${s.imported} page views, bot ${s.bot} hits, unmatched ${s.unmatched} page views, rejected ${s.rejected} lines`;
  return `${s.kind} ${s.format} ${s.file}${period}: ${counts}, ${s.ms} ms${detail ? ` [${detail}]` : ''}`;
}

/** SHA-256 of a file's bytes, hex. Reads 1 MiB at a time, so memory stays flat whatever the file's size. */
export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n = fs.readSync(fd, buf, 0, buf.length, null); n > 0; n = fs.readSync(fd, buf, 0, buf.length, null))
      hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function recordRun(
  db: Db,
  s: Omit<ImportSummary, 'ms'>,
  status: 'ok' | 'failed',
  hash: string | null,
  error?: string,
) {
  db.$client
    .prepare(`insert into import_runs (kind, format, file, file_hash, finished_at, rows_read, rows_imported, rows_bot,
      rows_unmatched, rows_rejected, first_day, last_day, status, error, rejects)
      values (?,?,?,?,strftime('%Y-%m-%dT%H:%M:%fZ','now'),?,?,?,?,?,?,?,?,?,?)`)
    .run(
      s.kind,
      s.format,
      s.file,
      hash,
      s.read,
      s.imported,
      s.bot,
      s.unmatched,
      s.rejected,
      s.firstDay,
      s.lastDay,
      status,
      error ?? null,
      JSON.stringify(s.rejects.slice(0, 200)),
    );
}

/** Record a run that failed before anything was written (bad format, unreadable file). Never throws. */
export function recordFailedRun(db: Db, kind: 'posts' | 'views', file: string, error: string): void {
  try {
    recordRun(
      db,
      {
        kind,
        file,
        format: 'unknown',
        read: 0,
        imported: 0,
        bot: 0,
        unmatched: 0,
        rejected: 0,
        skipped: {},
        rejects: [],
        warnings: [],
        firstDay: null,
        lastDay: null,
        detail: {},
      },
      'failed',
      null,
      error,
    );
  } catch {
    // the failure being reported matters more than its record
  }
}

/**
 * Write parsed posts in one transaction: upsert posts and aliases, refresh suggestions, re-match unmatched
 * traffic, recompute post_stats, record the run. Throws (and writes nothing) when any write fails.
 */
export function writePostsImport(
  db: Db,
  parsed: ParseResult<PostRecord>,
  meta: { file: string; format: string; hash: string | null },
  started = Date.now(),
): ImportSummary {
  const { timeZone } = getSettings(db);
  return db.$client.transaction(() => {
    const r = upsertPosts(db, parsed.records, meta.format, timeZone);
    refreshSuggestions(
      db,
      r.ids,
      parsed.records.map((p) => p.authorshipHint),
    );
    rematchUnmatched(db);
    recomputePostStats(db);
    const summary: ImportSummary = {
      kind: 'posts',
      file: meta.file,
      format: meta.format,
      read: parsed.records.length + parsed.rejects.length,
      imported: parsed.records.length,
      bot: 0,
      unmatched: 0,
      rejected: parsed.rejects.length,
      skipped: parsed.skipped ?? {},
      rejects: parsed.rejects,
      warnings: parsed.warnings,
      firstDay: null,
      lastDay: null,
      ms: 0,
      detail: { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged },
    };
    recordRun(db, summary, 'ok', meta.hash);
    summary.ms = Date.now() - started;
    return summary;
  })();
}

/**
 * Import a posts file (or Markdown folder). The format is detected from content unless `format` is given.
 * @throws Error naming the file when it cannot be read or is not a known posts format; nothing is written then.
 */
export async function importPostsFile(
  db: Db,
  file: string,
  opts: { format?: string; includePages?: boolean } = {},
): Promise<ImportSummary> {
  const started = Date.now();
  const { timeZone } = getSettings(db);
  const parsed = await readPostsFile(file, { timeZone, format: opts.format, includePages: opts.includePages } as never);
  const hash = fs.statSync(file).isFile() ? sha256File(file) : null;
  return writePostsImport(db, parsed, { file, format: parsed.format, hash }, started);
}
