/**
 * Import orchestration shared by `npm run import`, the demo and the tests: read a file with the parsers in lib/,
 * then write everything in ONE transaction (it lands whole or not at all) and record the run in import_runs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { readPostsFile } from '../lib/posts/detect';
import { readAccessLog } from '../lib/traffic/access-log';
import { detectTrafficFormat } from '../lib/traffic/detect';
import { parseViewsCsv } from '../lib/traffic/simple-csv';
import type { DailyPathViews, ParseResult, PostRecord, Reject } from '../lib/types';
import type { Db } from './client';
import { refreshSuggestions } from './mutations/authorship';
import { upsertPosts } from './mutations/posts';
import { rematchUnmatched, recomputePostStats, replaceTraffic, type TrafficScope } from './mutations/traffic';
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
  return `${s.kind} ${s.format} ${s.file}${period}: read ${s.read}, imported ${s.imported}, bot ${s.bot}, unmatched ${s.unmatched}, rejected ${s.rejected}, ${s.ms} ms${detail ? ` [${detail}]` : ''}`;
}

function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function recordRun(db: Db, s: Omit<ImportSummary, 'ms'>, status: 'ok' | 'failed', hash: string | null, error?: string) {
  db.$client
    .prepare(`insert into import_runs (kind, format, file, file_hash, finished_at, rows_read, rows_imported, rows_bot,
      rows_unmatched, rows_rejected, first_day, last_day, status, error, rejects)
      values (?,?,?,?,strftime('%Y-%m-%dT%H:%M:%fZ','now'),?,?,?,?,?,?,?,?,?,?)`)
    .run(s.kind, s.format, s.file, hash, s.read, s.imported, s.bot, s.unmatched, s.rejected, s.firstDay, s.lastDay,
      status, error ?? null, JSON.stringify(s.rejects.slice(0, 200)));
}

/** Record a run that failed before anything was written (bad format, unreadable file). Never throws. */
export function recordFailedRun(db: Db, kind: 'posts' | 'views', file: string, error: string): void {
  try {
    recordRun(db, { kind, file, format: 'unknown', read: 0, imported: 0, bot: 0, unmatched: 0, rejected: 0, skipped: {},
      rejects: [], warnings: [], firstDay: null, lastDay: null, detail: {} }, 'failed', null, error);
  } catch {
    // the failure being reported matters more than its record
  }
}

/**
 * Write parsed posts in one transaction: upsert posts and aliases, refresh suggestions, re-match unmatched
 * traffic, recompute post_stats, record the run. Throws (and writes nothing) when any write fails.
 */
export function writePostsImport(db: Db, parsed: ParseResult<PostRecord>, meta: { file: string; format: string; hash: string | null }, started = Date.now()): ImportSummary {
  const { timeZone } = getSettings(db);
  return db.$client.transaction(() => {
    const r = upsertPosts(db, parsed.records, meta.format, timeZone);
    refreshSuggestions(db, r.ids, parsed.records.map((p) => p.authorshipHint));
    rematchUnmatched(db);
    recomputePostStats(db);
    const summary: ImportSummary = {
      kind: 'posts', file: meta.file, format: meta.format, read: parsed.records.length + parsed.rejects.length,
      imported: parsed.records.length, bot: 0, unmatched: 0, rejected: parsed.rejects.length,
      skipped: parsed.skipped ?? {}, rejects: parsed.rejects, warnings: parsed.warnings, firstDay: null, lastDay: null,
      ms: 0, detail: { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged },
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
export async function importPostsFile(db: Db, file: string, opts: { format?: string; includePages?: boolean } = {}): Promise<ImportSummary> {
  const started = Date.now();
  const { timeZone } = getSettings(db);
  const parsed = await readPostsFile(file, { timeZone, format: opts.format, includePages: opts.includePages } as never);
  const hash = fs.statSync(file).isFile() ? sha256File(file) : null;
  return writePostsImport(db, parsed, { file, format: parsed.format, hash }, started);
}

/** First non-blank line of a (possibly gzip-compressed) file, or '' when empty. */
async function firstLine(file: string): Promise<string> {
  let stream: NodeJS.ReadableStream = fs.createReadStream(file);
  if (file.endsWith('.gz')) stream = stream.pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of rl) if (line.trim()) return line;
    return '';
  } finally {
    rl.close();
    (stream as fs.ReadStream).destroy?.();
  }
}

/** Read up to 64 KiB of the head of a file as text (decompressing gzip) for format detection. */
async function head(file: string): Promise<string> {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(65536);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  const bytes = buf.subarray(0, n);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const lines: string[] = [];
    const first = await firstLine(file);
    lines.push(first);
    return lines.join('\n');
  }
  return bytes.toString('utf8');
}

export interface ViewsImportOptions {
  format?: string;
  onProgress?: (lines: number, bytes: number) => void;
}

/**
 * Import a traffic file: an access log (origin = identity of its first line, so re-importing the same or a grown
 * log replaces its rows) or a `date,path,views` CSV (an export: its days replace earlier rows of that source).
 * @throws Error naming the file when the format is unknown or unreadable; nothing is written then.
 */
export async function importViewsFile(db: Db, file: string, opts: ViewsImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const { timeZone } = getSettings(db);
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const format = opts.format ?? detectTrafficFormat(await head(file), file);
  let rows: DailyPathViews[];
  let scope: TrafficScope;
  let read: number;
  let rejects: Reject[];
  let firstDay: string | null;
  let lastDay: string | null;
  let bot: number;
  if (format === 'access-log') {
    const res = await readAccessLog(file, { timeZone, file, onProgress: opts.onProgress });
    if (res.counts.read > 0 && res.counts.rejected === res.counts.read)
      throw new Error(`${file}: no line is an Apache/nginx combined or common log line (first: ${res.rejects[0]?.reason})`);
    const origin = `log:${crypto.createHash('sha256').update(await firstLine(file)).digest('hex').slice(0, 16)}`;
    ({ rows, rejects, firstDay, lastDay } = res);
    read = res.counts.read;
    bot = res.counts.botHits;
    scope = { source: 'access-log', origin };
  } else if (format === 'views-csv') {
    const parsed = parseViewsCsv(fs.readFileSync(file, 'utf8'), { file });
    rows = parsed.records;
    rejects = parsed.rejects;
    read = rows.length + rejects.length;
    bot = rows.reduce((a, r) => a + r.botHits, 0);
    const days = rows.map((r) => r.day).sort();
    firstDay = days[0] ?? null;
    lastDay = days[days.length - 1] ?? null;
    scope = { source: 'views-csv', origin: 'views-csv', replaceDays: firstDay && lastDay ? { firstDay, lastDay } : undefined };
  } else {
    throw new Error(
      `${file}: not a known traffic format${format ? ` (${format} is not supported by this command yet)` : ''}. Expected an Apache/nginx access log or a CSV with the header date,path,views`,
    );
  }
  const hash = sha256File(file);
  return db.$client.transaction(() => {
    const w = replaceTraffic(db, rows, scope);
    recomputePostStats(db);
    const summary: ImportSummary = {
      kind: 'views', file, format, read, imported: w.pageViews, bot, unmatched: w.unmatchedPageViews,
      rejected: rejects.length, skipped: {}, rejects, warnings: [], firstDay, lastDay, ms: 0,
      detail: { 'post-days': w.matchedRows, 'unmatched-path-days': w.unmatchedRows },
    };
    recordRun(db, summary, 'ok', hash);
    summary.ms = Date.now() - started;
    return summary;
  })();
}
