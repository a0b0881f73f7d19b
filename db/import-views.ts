/**
 * Traffic import: detect the format, parse with lib/traffic, then write in ONE transaction with the run record.
 * Idempotence: an access log's rows are keyed by the log's identity (its first line), so a re-import of the same
 * or a grown log replaces them; an export (CSV, Plausible, GoatCounter) replaces the days it covers for its source.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { readAccessLog } from '../lib/traffic/access-log';
import { detectTrafficFormat, type TrafficFormat } from '../lib/traffic/detect';
import { parseGoatCounterCsv } from '../lib/traffic/goatcounter';
import { parsePlausibleCsv, type SiteDayTotals } from '../lib/traffic/plausible';
import { parseViewsCsv } from '../lib/traffic/simple-csv';
import type { DailyPathViews, Reject } from '../lib/types';
import type { Db } from './client';
import { type ImportSummary, recordRun, sha256File } from './importers';
import { recomputePostStats, replaceTraffic, type TrafficScope } from './mutations/traffic';
import { getSettings } from './settings';

export interface ViewsImportOptions {
  format?: string;
  /** Called every so many lines of an access log (lines read, bytes read). */
  onProgress?: (lines: number, bytes: number) => void;
}

interface ParsedTraffic {
  format: TrafficFormat;
  rows: DailyPathViews[];
  rejects: Reject[];
  read: number;
  bot: number;
  firstDay: string | null;
  lastDay: string | null;
  scope: TrafficScope;
  siteTotals?: SiteDayTotals[];
  skipped: Record<string, number>;
}

/** First non-blank line of a (possibly gzip-compressed) file, or '' when empty. */
async function firstLine(file: string): Promise<string> {
  const raw = fs.createReadStream(file);
  const gz = isGzip(file);
  const input = gz ? raw.pipe(zlib.createGunzip()) : raw;
  const rl = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of rl) if (line.trim()) return line;
    return '';
  } finally {
    rl.close();
    raw.destroy();
  }
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  const b = Buffer.alloc(2);
  fs.readSync(fd, b, 0, 2, 0);
  fs.closeSync(fd);
  return b[0] === 0x1f && b[1] === 0x8b;
}

/** Up to 64 KiB of the file's start as text, decompressed first when it is gzip. */
async function head(file: string): Promise<string> {
  if (isGzip(file)) return firstLine(file);
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(65536);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  return buf.subarray(0, n).toString('utf8');
}

const FORMATS: TrafficFormat[] = ['access-log', 'views-csv', 'plausible-pages', 'plausible-visitors', 'goatcounter'];

function rangeOf(rows: { day: string }[]): { firstDay: string | null; lastDay: string | null } {
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  for (const r of rows) {
    if (firstDay === null || r.day < firstDay) firstDay = r.day;
    if (lastDay === null || r.day > lastDay) lastDay = r.day;
  }
  return { firstDay, lastDay };
}

async function parseTraffic(file: string, format: TrafficFormat, timeZone: string, opts: ViewsImportOptions): Promise<ParsedTraffic> {
  if (format === 'access-log') {
    const res = await readAccessLog(file, { timeZone, file, onProgress: opts.onProgress });
    if (res.counts.read > 0 && res.counts.rejected === res.counts.read)
      throw new Error(`${file}: no line is an Apache/nginx combined or common log line (line 1: ${res.rejects[0]?.reason})`);
    const origin = `log:${crypto.createHash('sha256').update(await firstLine(file)).digest('hex').slice(0, 16)}`;
    return { format, rows: res.rows, rejects: res.rejects, read: res.counts.read, bot: res.counts.botHits,
      firstDay: res.firstDay, lastDay: res.lastDay, scope: { source: 'access-log', origin }, skipped: {} };
  }
  const text = fs.readFileSync(file, 'utf8');
  const parsed =
    format === 'views-csv'
      ? { ...parseViewsCsv(text, { file }), period: undefined, siteTotals: undefined }
      : format === 'goatcounter'
        ? { ...parseGoatCounterCsv(text, { file, timeZone }), siteTotals: undefined }
        : parsePlausibleCsv(text, { file });
  const source = format.startsWith('plausible') ? 'plausible' : format;
  const range = parsed.period?.firstDay ? parsed.period : rangeOf([...parsed.records, ...(parsed.siteTotals ?? [])]);
  const replaceDays = range.firstDay && range.lastDay ? { firstDay: range.firstDay, lastDay: range.lastDay } : undefined;
  return {
    format, rows: parsed.records, rejects: parsed.rejects,
    read: parsed.records.length + parsed.rejects.length + (parsed.siteTotals?.length ?? 0),
    bot: parsed.records.reduce((a, r) => a + r.botHits, 0), firstDay: range.firstDay ?? null, lastDay: range.lastDay ?? null,
    // The visitors table holds no pages: it must not wipe the page rows of the same period.
    scope: { source: format === 'plausible-visitors' ? 'plausible-site' : source, origin: source, replaceDays },
    siteTotals: parsed.siteTotals, skipped: parsed.skipped ?? {},
  };
}

/**
 * Import a traffic file (access log, `.gz` too; `date,path,views` CSV; Plausible `imported_pages_*`/
 * `imported_visitors_*`; GoatCounter v2 export). The format is detected unless `opts.format` names one.
 * @throws Error naming the file when it is missing, unreadable or in no known format; nothing is written then.
 */
export async function importViewsFile(db: Db, file: string, opts: ViewsImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const { timeZone } = getSettings(db);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`${file}: no such file`);
  if (opts.format && !FORMATS.includes(opts.format as TrafficFormat))
    throw new Error(`unknown traffic format "${opts.format}": use one of ${FORMATS.join(', ')}`);
  const format = (opts.format as TrafficFormat | undefined) ?? detectTrafficFormat(await head(file), file);
  if (!format)
    throw new Error(`${file}: not a known traffic format. Expected an Apache/nginx access log, a CSV with the header date,path,views, a Plausible or a GoatCounter export`);
  const p = await parseTraffic(file, format, timeZone, opts);
  const hash = sha256File(file);
  return db.$client.transaction(() => {
    const w = replaceTraffic(db, p.rows, p.scope);
    if (p.siteTotals) {
      const c = db.$client;
      if (p.firstDay && p.lastDay)
        c.prepare("delete from site_daily_totals where source = 'plausible' and day between ? and ?").run(p.firstDay, p.lastDay);
      const ins = c.prepare("insert or replace into site_daily_totals (day, source, page_views, visitors) values (?, 'plausible', ?, ?)");
      for (const t of p.siteTotals) ins.run(t.day, t.pageViews, t.visitors);
    }
    recomputePostStats(db);
    const summary: ImportSummary = {
      kind: 'views', file, format, read: p.read, imported: w.pageViews, bot: p.bot, unmatched: w.unmatchedPageViews,
      rejected: p.rejects.length, skipped: p.skipped, rejects: p.rejects, warnings: [], firstDay: p.firstDay,
      lastDay: p.lastDay, ms: 0,
      detail: { 'post-days': w.matchedRows, 'unmatched-path-days': w.unmatchedRows, ...(p.siteTotals ? { 'site-days': p.siteTotals.length } : {}) },
    };
    recordRun(db, summary, 'ok', hash);
    summary.ms = Date.now() - started;
    return summary;
  })();
}
