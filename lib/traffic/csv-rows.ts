/**
 * Shared CSV plumbing for the traffic CSV parsers (simple views CSV, Plausible, GoatCounter): csv-parse with line
 * numbers, header lookup by name, and the value checks (day, count) they all need.
 */
import { parse } from 'csv-parse/sync';
import { MAX_CSV_COLUMNS, MAX_CSV_RECORD_CHARS } from '../limits';
import type { Reject } from '../types';
import { parseCount as parseGroupedCount } from './numbers';

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
 * The delimiter is a tab when the first line has more tabs than commas (TSV exports such as Matomo's), else a comma.
 * @param opts.header false when the file has no header row (all rows are data; `header` is then empty).
 * @param opts.lineOffset added to line numbers, when `text` is a part of a file starting below its line 1.
 * @throws Error naming the file when there is no row at all, or when the header has more than
 *   MAX_CSV_COLUMNS columns (checked on the first line, before the rest is parsed).
 */
export function readCsvTable(
  text: string,
  file: string,
  opts: { header?: boolean; lineOffset?: number } = {},
): CsvTable {
  assertColumnLimit(text, file);
  const rejects: Reject[] = [];
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  const tabs = firstLine.split('\t').length;
  const delimiter = tabs > 1 && tabs > firstLine.split(',').length ? '\t' : ',';
  const offset = opts.lineOffset ?? 0;
  const records = parse(text, {
    delimiter,
    // A record past this size is skipped as unreadable instead of being buffered whole (lib/limits.ts).
    max_record_size: MAX_CSV_RECORD_CHARS,
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
        line: typeof err?.lines === 'number' ? err.lines + offset : null,
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
    return { line: info.lines - breaks + offset, cells: record };
  });
  if (opts.header === false) return { header: [], rows, rejects };
  const header = rows[0].cells.map((h) => h.trim());
  return { header, rows: rows.slice(1), rejects };
}

/** Throws when the first line of `text` has more than MAX_CSV_COLUMNS cells: no export of Tend's formats comes near. */
function assertColumnLimit(text: string, file: string): void {
  const nl = text.indexOf('\n');
  const first = nl === -1 ? text : text.slice(0, nl);
  // Cheap upper bound first: cells = separators + 1, quoted commas included.
  let commas = 0;
  for (let i = first.indexOf(','); i !== -1 && commas <= MAX_CSV_COLUMNS; i = first.indexOf(',', i + 1)) commas++;
  if (commas < MAX_CSV_COLUMNS) return;
  let cells: number;
  try {
    cells = (parse(first, { bom: true, relax_quotes: true, relax_column_count: true }) as string[][])[0]?.length ?? 0;
  } catch {
    return; // a header with a quoted line break: the full parse reads it
  }
  if (cells > MAX_CSV_COLUMNS)
    throw new Error(
      `${file}: the header has ${cells.toLocaleString('en-US')} columns, over the limit of ${MAX_CSV_COLUMNS.toLocaleString('en-US')} (see lib/limits.ts): not a traffic export; nothing imported`,
    );
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
 * A non-negative integer count from a CSV cell: `1234`, ` 1234 `, `1,234` / `1 234` (thousands grouping, as
 * spreadsheets export it), `12.0`. Returns null for anything else (negative, fractional, text, ambiguous `1.234`);
 * see ./numbers.ts for locale-aware parsing with reasons.
 */
export function parseCount(raw: string): number | null {
  return parseGroupedCount(raw);
}
