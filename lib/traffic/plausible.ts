/**
 * Plausible Analytics CSV export (Settings > Imports & Exports > Export, a zip of `imported_*.csv` tables; the same
 * files Plausible's own CSV importer reads). Source: plausible/analytics `lib/plausible/exports.ex` and
 * `test/plausible/imported/csv_importer_test.exs`. Two tables matter here:
 *
 * - `imported_pages_YYYYMMDD_YYYYMMDD.csv`: date, visitors, pageviews, hostname, page (+ more columns in newer
 *   versions). Per-page daily numbers. The same (date, page) may appear on several rows: they are summed.
 * - `imported_visitors_YYYYMMDD_YYYYMMDD.csv`: date, visitors, pageviews, bounces, visits, visit_duration.
 *   Site totals per day: kept as site totals, never spread over posts.
 *
 * The period covered comes from the file name (a day with no rows still belongs to it). Columns are found by header
 * name: their order differs between versions. Dates are already days in the site's time zone.
 */
import { classifyPath, normalizePath } from '../paths';
import type { DailyPathViews, ParseResult, Reject } from '../types';
import { type CsvTable, findColumn, isValidDay, parseCount, readCsvTable } from './csv-rows';

/** Site-wide numbers for one day, from `imported_visitors`. Durations in seconds. */
export interface SiteDayTotals {
  day: string;
  pageViews: number;
  visitors: number | null;
  visits: number | null;
  bounces: number | null;
  visitDurationSeconds: number | null;
}

export interface PlausibleResult extends ParseResult<DailyPathViews> {
  /** Per-day site totals (visitors file only). */
  siteTotals?: SiteDayTotals[];
  /** Days covered (file name first, else the rows' own range); null ends when unknown. */
  period: { firstDay: string | null; lastDay: string | null };
}

const NAME = /imported_(pages|visitors)_(\d{4})(\d{2})(\d{2})_(\d{4})(\d{2})(\d{2})\.csv$/i;

/** Which Plausible table and period a file name names, or null when it is not an `imported_*` name. */
export function plausibleFileInfo(
  fileName: string,
): { table: 'pages' | 'visitors'; firstDay: string; lastDay: string } | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const firstDay = `${m[2]}-${m[3]}-${m[4]}`;
  const lastDay = `${m[5]}-${m[6]}-${m[7]}`;
  if (!isValidDay(firstDay) || !isValidDay(lastDay) || firstDay > lastDay) return null;
  return { table: m[1].toLowerCase() as 'pages' | 'visitors', firstDay, lastDay };
}

/**
 * Parse a Plausible export table, choosing pages or visitors by file name (or, failing that, by header).
 * @throws Error naming the file when it is neither table.
 */
export function parsePlausibleCsv(text: string, opts: { file: string }): PlausibleResult {
  const table = plausibleFileInfo(opts.file)?.table ?? null;
  if (table === 'pages') return parsePlausiblePages(text, opts);
  if (table === 'visitors') return parsePlausibleVisitors(text, opts);
  const header = readCsvTable(text, opts.file).header;
  if (findColumn(header, 'page') >= 0) return parsePlausiblePages(text, opts);
  if (findColumn(header, 'visits') >= 0) return parsePlausibleVisitors(text, opts);
  throw new Error(
    `${opts.file}: not a Plausible imported_pages or imported_visitors CSV (header "${header.join(',')}")`,
  );
}

/**
 * `imported_pages_*.csv` -> daily page views per path (visitors summed too, as Plausible itself does for imported
 * data; bot hits 0: Plausible never records bots).
 * @throws Error naming the file when the header lacks date, page or pageviews.
 */
export function parsePlausiblePages(text: string, opts: { file: string }): PlausibleResult {
  const { file } = opts;
  const t = readCsvTable(text, file);
  const col = need(t, file, { date: 'date', page: 'page', pageviews: 'pageviews' });
  const visitorsCol = findColumn(t.header, 'visitors');
  const rejects: Reject[] = [...t.rejects];
  const warnings: Reject[] = [];
  const byKey = new Map<string, DailyPathViews>();
  for (const { line, cells } of t.rows) {
    const day = cell(cells, col.date);
    const page = cell(cells, col.page);
    const views = parseCount(cell(cells, col.pageviews));
    const visitors = visitorsCol < 0 ? null : parseCount(cell(cells, visitorsCol));
    const reason = !isValidDay(day)
      ? `invalid date "${day}"`
      : page === ''
        ? 'empty page'
        : views === null
          ? `invalid pageviews "${cell(cells, col.pageviews)}"`
          : visitorsCol >= 0 && visitors === null
            ? `invalid visitors "${cell(cells, visitorsCol)}"`
            : null;
    if (reason || views === null) {
      rejects.push({ file, line, reason: reason ?? 'invalid row' });
      continue;
    }
    const path = normalizePath(page);
    const kind = classifyPath(path, page);
    const key = `${day}\t${kind}\t${path}`;
    const prev = byKey.get(key);
    if (prev) {
      prev.pageViews += views;
      prev.visitors = prev.visitors === null || visitors === null ? null : prev.visitors + visitors;
    } else byKey.set(key, { day, path, pageViews: views, visitors, botHits: 0, kind });
  }
  const records = [...byKey.values()];
  return { records, rejects, warnings, period: period(file, records, warnings) };
}

/**
 * `imported_visitors_*.csv` -> site totals per day (no per-path records).
 * @throws Error naming the file when the header lacks date or pageviews.
 */
export function parsePlausibleVisitors(text: string, opts: { file: string }): PlausibleResult {
  const { file } = opts;
  const t = readCsvTable(text, file);
  const col = need(t, file, { date: 'date', pageviews: 'pageviews' });
  const optional = {
    visitors: findColumn(t.header, 'visitors'),
    visits: findColumn(t.header, 'visits'),
    bounces: findColumn(t.header, 'bounces'),
    duration: findColumn(t.header, 'visit_duration'),
  };
  const rejects: Reject[] = [...t.rejects];
  const warnings: Reject[] = [];
  const byDay = new Map<string, SiteDayTotals>();
  for (const { line, cells } of t.rows) {
    const day = cell(cells, col.date);
    const pageViews = parseCount(cell(cells, col.pageviews));
    if (!isValidDay(day) || pageViews === null) {
      const reason = !isValidDay(day) ? `invalid date "${day}"` : `invalid pageviews "${cell(cells, col.pageviews)}"`;
      rejects.push({ file, line, reason });
      continue;
    }
    const num = (i: number) => (i < 0 ? null : parseCount(cell(cells, i)));
    const row: SiteDayTotals = {
      day,
      pageViews,
      visitors: num(optional.visitors),
      visits: num(optional.visits),
      bounces: num(optional.bounces),
      visitDurationSeconds: num(optional.duration),
    };
    const prev = byDay.get(day);
    if (prev) {
      warnings.push({ file, line, reason: `repeated day ${day}: summed` });
      prev.pageViews += row.pageViews;
      for (const k of ['visitors', 'visits', 'bounces', 'visitDurationSeconds'] as const) {
        const a = prev[k];
        const b = row[k];
        prev[k] = a === null || b === null ? null : a + b;
      }
    } else byDay.set(day, row);
  }
  const siteTotals = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  return { records: [], rejects, warnings, siteTotals, period: period(file, siteTotals, warnings) };
}

function cell(cells: string[], i: number): string {
  return i >= 0 && i < cells.length ? cells[i].trim() : '';
}

/** Column indexes of required headers; throws naming the missing ones. */
function need<K extends string>(t: CsvTable, file: string, names: Record<K, string>): Record<K, number> {
  const out = {} as Record<K, number>;
  const missing: string[] = [];
  for (const k of Object.keys(names) as K[]) {
    out[k] = findColumn(t.header, names[k]);
    if (out[k] < 0) missing.push(names[k]);
  }
  if (missing.length) throw new Error(`${file}: not a Plausible export: the header lacks ${missing.join(', ')}`);
  return out;
}

/** The period from the file name, else from the rows (with a warning); warns about rows outside the named period. */
function period(file: string, rows: Array<{ day: string }>, warnings: Reject[]): PlausibleResult['period'] {
  const days = rows.map((r) => r.day).sort();
  const info = plausibleFileInfo(file);
  if (!info) {
    warnings.push({
      file,
      line: null,
      reason: 'no YYYYMMDD_YYYYMMDD period in the file name: period taken from the rows',
    });
    return { firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null };
  }
  const outside = days.filter((d) => d < info.firstDay || d > info.lastDay).length;
  if (outside > 0)
    warnings.push({ file, line: null, reason: `${outside} rows fall outside the period in the file name` });
  return { firstDay: info.firstDay, lastDay: info.lastDay };
}
