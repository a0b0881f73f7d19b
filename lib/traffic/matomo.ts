/**
 * Matomo "Pages" report export (Behaviour > Pages > Export, flattened; or the API `Actions.getPageUrls` with
 * `format=CSV|TSV&flat=1`). CSV is UTF-8; TSV is UTF-16LE with a BOM (decode first: ./text-decode.ts).
 *
 *     date,label,nb_visits,nb_hits,sum_time_spent,...,url
 *     2024-03-01,/posts/hello-world,40,52,...,https://example.com/posts/hello-world
 *
 * Columns by name, raw API names or the English UI's: page = `url` / `URL` (else `label` / `Label`), page views =
 * `nb_hits` / `Pageviews`, visitors = `nb_visits` / `Unique Pageviews` (Matomo's unique page views: visits that saw
 * the page, the closest it gives per page). A `date` column (an export over several days with period=day) makes
 * daily rows; without one the numbers are totals over the exported period (given with --period or in the file name).
 * Source: matomo-org/matomo `plugins/Actions/Columns/Metrics` and `core/DataTable/Renderer/Csv.php` / `Tsv.php`.
 */
import { findColumn, readCsvTable } from './csv-rows';
import {
  countOf,
  DailyAccumulator,
  type ExportOptions,
  emptyExport,
  isoDay,
  type ParsedExport,
  PeriodAccumulator,
} from './export-common';
import { periodFromName } from './period';

/** Whether a header is a Matomo pages export (page + nb_hits/Pageviews + nb_visits/Unique Pageviews). */
export function isMatomoHeader(header: string[]): boolean {
  return (
    findColumn(header, 'nb_hits', 'Pageviews') >= 0 &&
    findColumn(header, 'nb_visits', 'Unique Pageviews') >= 0 &&
    findColumn(header, 'label', 'url', 'Page URL') >= 0
  );
}

/**
 * Parse a Matomo pages export.
 * @throws Error naming the file when the header lacks a page or page-views column, or when an export without a date
 *   column has no known period.
 */
export function parseMatomoCsv(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('matomo');
  const t = readCsvTable(text, file);
  res.rejects.push(...t.rejects);
  const col = {
    date: findColumn(t.header, 'date'),
    url: findColumn(t.header, 'url', 'Page URL'),
    label: findColumn(t.header, 'label'),
    hits: findColumn(t.header, 'nb_hits', 'Pageviews'),
    visits: findColumn(t.header, 'nb_visits', 'Unique Pageviews'),
  };
  if ((col.url < 0 && col.label < 0) || col.hits < 0) {
    throw new Error(
      `${file}: not a Matomo pages export: the header "${t.header.join(',')}" lacks label/url or nb_hits`,
    );
  }
  if (col.date < 0) {
    res.period = opts.period ?? periodFromName(file);
    if (!res.period) {
      throw new Error(
        `${file}: a Matomo export without a date column holds totals over a period: give --period FIRST..LAST`,
      );
    }
  }
  const daily = new DailyAccumulator();
  const period = new PeriodAccumulator();
  let others = 0;
  for (const { line, cells } of t.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const page = cell(col.url) || cell(col.label);
    // Matomo folds the long tail into one "Others" row (label -1 in the API): not a page.
    if (page === '' || page === 'Others' || page === '-1') {
      others++;
      continue;
    }
    res.read++;
    const hits = countOf(cell(col.hits), 'nb_hits', opts.numbers, true);
    const visits = col.visits < 0 ? null : countOf(cell(col.visits), 'nb_visits', opts.numbers, true);
    const day = col.date < 0 ? null : isoDay(cell(col.date));
    const reason =
      typeof hits === 'string'
        ? hits
        : typeof visits === 'string'
          ? visits
          : col.date >= 0 && !day
            ? `invalid date "${cell(col.date)}" (export with period=day)`
            : null;
    if (reason !== null || typeof hits === 'string' || typeof visits === 'string') {
      res.rejects.push({ file, line, reason: reason ?? 'invalid row' });
      continue;
    }
    if (day) daily.add(day, page, hits, visits);
    else period.add(page, hits, visits);
  }
  if (others) res.skipped['"Others" rows'] = others;
  res.daily = daily.rows();
  res.periodRows = period.rows();
  return res;
}
