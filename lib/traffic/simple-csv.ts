/**
 * Tend's own simple traffic CSV, for any source that can produce a spreadsheet:
 *
 *     date,path,views[,visitors][,bot_hits]
 *     2024-03-01,/blog/hello-world,"1,234",800,12
 *
 * Columns are found by header name (any order; `day` is accepted for `date`, `pageviews`/`page_views` for
 * `views`). `date` is a calendar day `YYYY-MM-DD` already in the site time zone; `path` may be a path or a full
 * URL (normalized with normalizePath). Views are whole numbers >= 0, `1,234` grouping accepted.
 */
import { classifyPath, normalizePath } from '../paths';
import type { DailyPathViews, ParseResult, Reject } from '../types';
import { findColumn, isValidDay, parseCount, readCsvTable } from './csv-rows';

/**
 * Parse a simple views CSV. Repeated (date, path) rows are summed with a warning (visitors become null when a
 * repeated row lacks them: unique counts cannot be added up reliably anyway).
 *
 * @returns records per (day, path, kind), rejects for bad rows (file, line, reason), warnings.
 * @throws Error naming the file when the header lacks `date`, `path` or `views`.
 */
export function parseViewsCsv(text: string, opts: { file: string }): ParseResult<DailyPathViews> {
  const { file } = opts;
  const table = readCsvTable(text, file);
  const col = {
    day: findColumn(table.header, 'date', 'day'),
    path: findColumn(table.header, 'path', 'page', 'url'),
    views: findColumn(table.header, 'views', 'pageviews', 'page_views'),
    visitors: findColumn(table.header, 'visitors'),
    bots: findColumn(table.header, 'bot_hits', 'bots'),
  };
  const missing = (['day', 'path', 'views'] as const).filter((k) => col[k] < 0).map((k) => (k === 'day' ? 'date' : k));
  if (missing.length > 0) {
    throw new Error(
      `${file}: not a views CSV: the header "${table.header.join(',')}" lacks ${missing.join(', ')} (expected date,path,views)`,
    );
  }

  const rejects: Reject[] = [...table.rejects];
  const warnings: Reject[] = [];
  const byKey = new Map<string, DailyPathViews>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const bad = (reason: string) => rejects.push({ file, line, reason });
    const cell = (i: number) => (i >= 0 && i < cells.length ? cells[i].trim() : '');

    const day = cell(col.day);
    if (!isValidDay(day)) {
      bad(`invalid date "${day}" (expected a real day written YYYY-MM-DD)`);
      continue;
    }
    const rawPath = cell(col.path);
    if (rawPath === '') {
      bad('empty path');
      continue;
    }
    const views = parseCount(cell(col.views));
    if (views === null) {
      bad(`invalid views "${cell(col.views)}" (expected a whole number >= 0)`);
      continue;
    }
    let visitors: number | null = null;
    if (cell(col.visitors) !== '') {
      visitors = parseCount(cell(col.visitors));
      if (visitors === null) {
        bad(`invalid visitors "${cell(col.visitors)}" (expected a whole number >= 0)`);
        continue;
      }
    }
    let botHits = 0;
    if (cell(col.bots) !== '') {
      const b = parseCount(cell(col.bots));
      if (b === null) {
        bad(`invalid bot_hits "${cell(col.bots)}" (expected a whole number >= 0)`);
        continue;
      }
      botHits = b;
    }

    const path = normalizePath(rawPath);
    const kind = classifyPath(path, rawPath);
    const key = `${day}\t${kind}\t${path}`;
    const prev = byKey.get(key);
    if (prev) {
      warnings.push({ file, line, reason: `repeated row for ${day} ${path}: summed` });
      prev.pageViews += views;
      prev.botHits += botHits;
      prev.visitors = prev.visitors === null || visitors === null ? null : prev.visitors + visitors;
    } else {
      byKey.set(key, { day, path, pageViews: views, visitors, botHits, kind });
    }
  }
  return { records: [...byKey.values()], rejects, warnings };
}
