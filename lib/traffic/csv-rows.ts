/**
 * Shared CSV plumbing for the traffic CSV parsers (simple views CSV, Plausible, GoatCounter): csv-parse with line
 * numbers, header lookup by name, and the value checks (day, count) they all need.
 */
import { parse } from 'csv-parse/sync';
import type { Reject } from '../types';

export interface CsvRow {
  /** 1-based line where the record starts in the file. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** Header cells as written (BOM removed, trimmed). */
  header: string[];
  rows: CsvRow[];
  /** Records csv-parse could not read (bad quoting), with their line. */
  rejects: Reject[];
}

/**
 * Parse CSV text with a header row. Empty lines are skipped; records csv-parse cannot read (a quote never closed)
 * become rejects instead of failing the whole file; rows may have any number of cells (callers check what they need).
 * @throws Error naming the file when there is no header row at all.
 */
export function readCsvTable(text: string, file: string): CsvTable {
  const rejects: Reject[] = [];
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    // A stray quote (`"4"x`, `/a"b`) stays in the cell, so the row is rejected by value checks on its own line
    // instead of derailing csv-parse for the rest of the file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      rejects.push({
        file,
        line: typeof err?.lines === 'number' ? err.lines : null,
        reason: `unreadable CSV record: ${err?.message ?? 'unknown error'}`,
      });
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  if (records.length === 0) throw new Error(`${file}: empty CSV file (no header row)`);
  const rows = records.map(({ record, info, raw }) => {
    // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
    const inner = raw.replace(/[\r\n]+$/, '');
    let breaks = 0;
    for (let i = inner.indexOf('\n'); i >= 0; i = inner.indexOf('\n', i + 1)) breaks++;
    return { line: info.lines - breaks, cells: record };
  });
  const header = rows[0].cells.map((h) => h.trim());
  return { header, rows: rows.slice(1), rejects };
}

/** Index of the first header matching any of `names` (case-insensitive, spaces/underscores/hyphens ignored), or -1. */
export function findColumn(header: string[], ...names: string[]): number {
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wanted = names.map(squash);
  return header.findIndex((h) => wanted.includes(squash(h)));
}

/** Whether `s` is a real calendar day written `YYYY-MM-DD` (2023-02-29 is not). */
export function isValidDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A non-negative integer count from a CSV cell: `1234`, ` 1234 `, `1,234` (thousands grouping, as spreadsheets
 * export it), `12.0`. Returns null for anything else (negative, fractional, text).
 */
export function parseCount(raw: string): number | null {
  let s = raw.trim();
  if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
  if (/^\d+\.0+$/.test(s)) s = s.slice(0, s.indexOf('.'));
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}
