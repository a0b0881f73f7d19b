/**
 * Export formats for the post inventory. Pure: rows in, text out.
 */
import { stringify } from 'csv-stringify/sync';

/** Columns of `npm run export -- posts`, in order. */
export const POST_EXPORT_COLUMNS = [
  'id',
  'path',
  'title',
  'published_at',
  'authorship',
  'suggested_authorship',
  'lifetime_page_views',
  'first_30_days_page_views',
  'bot_hits',
  'decision',
  'note',
] as const;

export type PostExportRow = Record<(typeof POST_EXPORT_COLUMNS)[number], string | number | null>;

/**
 * Make a text cell safe for spreadsheets: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is
 * prefixed with `'` so Excel, LibreOffice and Google Sheets show it as text instead of running it as a formula
 * (OWASP "CSV injection"). Numbers are left alone.
 */
export function escapeFormula(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 CSV with a header row, formula cells escaped, `\r\n` line ends. */
export function postsToCsv(rows: PostExportRow[]): string {
  return stringify(
    rows.map((r) => POST_EXPORT_COLUMNS.map((c) => escapeFormula(r[c]))),
    { header: true, columns: [...POST_EXPORT_COLUMNS], record_delimiter: 'windows' },
  );
}

/** Pretty JSON array of the rows (no escaping needed: JSON is not run by spreadsheets). */
export function postsToJson(rows: PostExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
