/**
 * Any other spreadsheet of page views: columns found by name (English, case, spaces and `_` ignored):
 *
 *     page (path | page | url | page path | pathname | permalink | post_permalink | slug)
 *     views (views | pageviews | page views | hits | screen page views)
 *     optional: date (date | day), visitors (visitors | users | unique visitors | uniques), bot_hits
 *
 *     Date,Page path,Page views
 *     20240301,/posts/hello-world,"1,234"
 *
 * With a date column (`YYYY-MM-DD` or `YYYYMMDD`) the numbers are daily; without one they are totals over a period
 * the author gives (--period) or the file name states. Numbers may be grouped in any style (./numbers.ts).
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

const PAGE = ['path', 'page', 'url', 'page path', 'pagepath', 'pathname', 'permalink', 'post_permalink', 'slug'];
const VIEWS = ['views', 'pageviews', 'page views', 'page_views', 'hits', 'screen page views'];
const VISITORS = ['visitors', 'users', 'unique visitors', 'uniques'];

/** Column indexes of a generic page-views CSV, or null when it has no page or no views column. */
export function genericColumns(
  header: string[],
): { date: number; page: number; views: number; visitors: number; bots: number } | null {
  const page = findColumn(header, ...PAGE);
  const views = findColumn(header, ...VIEWS);
  if (page < 0 || views < 0) return null;
  return {
    date: findColumn(header, 'date', 'day'),
    page,
    views,
    visitors: findColumn(header, ...VISITORS),
    bots: findColumn(header, 'bot_hits', 'bots'),
  };
}

/**
 * Parse a generic page-views CSV (source `views-csv`).
 * @throws Error naming the file when it has no page/views columns, or no date column and no known period.
 */
export function parseGenericCsv(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('views-csv');
  const t = readCsvTable(text, file);
  const col = genericColumns(t.header);
  if (!col) {
    throw new Error(
      `${file}: no page column (${PAGE.join('/')}) or no views column (${VIEWS.join('/')}) in the header "${t.header.join(',')}"`,
    );
  }
  if (col.date < 0) {
    res.period = opts.period ?? periodFromName(file);
    if (!res.period)
      throw new Error(`${file}: no date column, so the numbers are totals over a period: give --period FIRST..LAST`);
  }
  res.rejects.push(...t.rejects);
  const daily = new DailyAccumulator();
  const period = new PeriodAccumulator();
  for (const { line, cells } of t.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    res.read++;
    const page = cell(col.page);
    const views = countOf(cell(col.views), 'views', opts.numbers);
    const visitors =
      col.visitors < 0 || cell(col.visitors) === '' ? null : countOf(cell(col.visitors), 'visitors', opts.numbers);
    const bots = col.bots < 0 ? 0 : countOf(cell(col.bots), 'bot_hits', opts.numbers, true);
    const day = col.date < 0 ? null : isoDay(cell(col.date));
    const reason =
      page === ''
        ? 'empty page'
        : col.date >= 0 && !day
          ? `invalid date "${cell(col.date)}" (expected YYYY-MM-DD or YYYYMMDD)`
          : [views, visitors, bots].find((x): x is string => typeof x === 'string');
    if (reason || typeof views !== 'number' || typeof visitors === 'string' || typeof bots !== 'number') {
      res.rejects.push({ file, line, reason: reason ?? 'invalid row' });
      continue;
    }
    if (day) daily.add(day, page, views, visitors, bots);
    else period.add(page, views, visitors);
  }
  res.daily = daily.rows();
  res.periodRows = period.rows();
  return res;
}
