/**
 * Google Analytics CSV downloads, which state totals over the report's date range (no date column):
 *
 * - GA4 "Pages and screens" (Reports > Engagement > Pages and screens > Share > Download CSV):
 *
 *       # ----------------------------------------
 *       # Pages and screens: Page path and screen class
 *       # Start date: 20240101
 *       # End date: 20240131
 *       # ----------------------------------------
 *       Page path and screen class,Views,Users,Views per user,Average engagement time,...
 *       ,2000,900,...                     <- totals row (empty first cell): not a page
 *       /posts/hello-world/,120,80,...
 *
 * - Universal Analytics "Pages" (Behavior > Site Content > All Pages > Export > CSV): a `# 20200101-20200131` line
 *   gives the range; numbers are grouped (`"3,047"`), with `%` rates and `00:00:45` durations (ignored); a totals row;
 *   then a `Day Index,Pageviews` table of site totals per day (`1/1/20`, US month/day/year).
 *
 * Both are stored as period totals (period_views), never spread into days. Source: the files GA writes (column
 * names as in GA's English UI); tables are separated by blank or `#` lines.
 */
import { findColumn, readCsvTable } from './csv-rows';
import { countOf, type ExportOptions, emptyExport, type ParsedExport, PeriodAccumulator } from './export-common';
import { type Period, parsePeriod } from './period';

interface Section {
  /** `#` lines before the table, without the `#`. */
  comments: string[];
  text: string;
  /** 1-based line of the table's first line in the file. */
  startLine: number;
}

/** Split a GA download into tables, each with the comment lines before it. */
export function gaSections(text: string): Section[] {
  const out: Section[] = [];
  let comments: string[] = [];
  let cur: { lines: string[]; start: number } | null = null;
  const lines = text.split(/\r?\n/);
  const close = () => {
    if (cur) out.push({ comments, text: cur.lines.join('\n'), startLine: cur.start });
    if (cur) comments = [];
    cur = null;
  };
  lines.forEach((line, i) => {
    if (line.startsWith('#')) {
      close();
      comments.push(line.replace(/^#\s?/, ''));
    } else if (line.trim() === '') close();
    else if (cur) cur.lines.push(line);
    else cur = { lines: [line], start: i + 1 };
  });
  close();
  return out;
}

/** Whether a first cell marks a totals row (GA writes it with an empty first cell). */
function isTotals(first: string): boolean {
  return first.trim() === '' || /^(grand )?totals?$/i.test(first.trim());
}

/** `Start date: 20240101` / `End date: 20240131` lines (GA4), or `20200101-20200131` (UA), from comments. */
export function gaPeriod(comments: string[]): Period | null {
  const start = comments.map((c) => /^Start date:\s*(\d{8})/i.exec(c)?.[1]).find(Boolean);
  const end = comments.map((c) => /^End date:\s*(\d{8})/i.exec(c)?.[1]).find(Boolean);
  try {
    if (start && end) return parsePeriod(`${start}-${end}`);
    const range = comments.map((c) => /^\s*(\d{8}-\d{8})\s*$/.exec(c)?.[1]).find(Boolean);
    return range ? parsePeriod(range) : null;
  } catch {
    return null;
  }
}

/**
 * Parse a GA4 "Pages and screens" CSV into period totals (views and users per page path).
 * @throws Error naming the file when it has no table, lists pages by title only, lacks a Views column, or states no
 *   period (and none was given).
 */
export function parseGa4Csv(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('ga4');
  const sections = gaSections(text);
  if (sections.length === 0) throw new Error(`${file}: no table in this GA4 download`);
  const first = sections[0];
  const t = readCsvTable(first.text, file, { lineOffset: first.startLine - 1 });
  const page = findColumn(t.header, 'Page path and screen class', 'Page path', 'Page path + query string', 'Page');
  if (page < 0) {
    const byTitle = findColumn(t.header, 'Page title and screen class', 'Page title') >= 0;
    throw new Error(
      byTitle
        ? `${file}: this GA4 export lists pages by title; Tend matches paths. In GA4 switch the table to "Page path and screen class" and download again`
        : `${file}: no "Page path and screen class" column in the header "${t.header.join(',')}"`,
    );
  }
  const views = findColumn(t.header, 'Views', 'Screen page views', 'Pageviews');
  const users = findColumn(t.header, 'Users', 'Total users', 'Active users');
  if (views < 0) throw new Error(`${file}: no Views column in the header "${t.header.join(',')}"`);
  res.period = opts.period ?? gaPeriod(first.comments);
  if (!res.period) {
    throw new Error(
      `${file}: no "Start date"/"End date" lines in the GA4 preamble: give the period (--period FIRST..LAST)`,
    );
  }
  readRows(t.rows, page, views, users, res, opts, file);
  res.notes.push(`GA4 totals over ${res.period.firstDay}..${res.period.lastDay} (no daily numbers)`);
  return res;
}

/**
 * Parse a Universal Analytics "All Pages" CSV: period totals per page, plus site page views per day from the
 * `Day Index` table when present.
 * @throws Error naming the file when there is no Page/Pageviews table or no date range.
 */
export function parseUaCsv(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('universal-analytics');
  const sections = gaSections(text);
  const pagesIdx = sections.findIndex((s) => /^"?Page"?,/.test(s.text));
  if (pagesIdx < 0) throw new Error(`${file}: no table starting with a "Page" column (Universal Analytics All Pages)`);
  const sec = sections[pagesIdx];
  const t = readCsvTable(sec.text, file, { lineOffset: sec.startLine - 1 });
  const views = findColumn(t.header, 'Pageviews');
  if (views < 0) throw new Error(`${file}: no Pageviews column in the header "${t.header.join(',')}"`);
  res.period = opts.period ?? gaPeriod(sections.slice(0, pagesIdx + 1).flatMap((s) => s.comments));
  if (!res.period) throw new Error(`${file}: no date range line (# YYYYMMDD-YYYYMMDD): give --period FIRST..LAST`);
  readRows(t.rows, 0, views, -1, res, opts, file);
  const days = sections.find((s) => /^"?Day Index"?,"?Pageviews"?/.test(s.text));
  if (days) {
    for (const r of readCsvTable(days.text, file, { lineOffset: days.startLine - 1 }).rows) {
      if (isTotals(r.cells[0] ?? '')) continue;
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec((r.cells[0] ?? '').trim());
      const n = countOf(r.cells[1] ?? '', 'Pageviews', opts.numbers);
      if (!m || typeof n === 'string') {
        res.rejects.push({ file, line: r.line, reason: m ? n.toString() : `invalid Day Index "${r.cells[0]}"` });
        continue;
      }
      const year = m[3].length === 2 ? `20${m[3]}` : m[3];
      res.siteDays.push({
        day: `${year}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`,
        pageViews: n,
        visitors: null,
      });
    }
  }
  res.notes.push(
    `Universal Analytics totals over ${res.period.firstDay}..${res.period.lastDay} (no daily numbers per page)`,
  );
  return res;
}

function readRows(
  rows: { line: number; cells: string[] }[],
  page: number,
  views: number,
  users: number,
  res: ParsedExport,
  opts: ExportOptions,
  file: string,
): void {
  const acc = new PeriodAccumulator();
  let totals = 0;
  for (const { line, cells } of rows) {
    if (isTotals(cells[page] ?? '')) {
      totals++;
      continue;
    }
    res.read++;
    const v = countOf(cells[views] ?? '', 'views', opts.numbers);
    const u = users < 0 ? null : countOf(cells[users] ?? '', 'users', opts.numbers, true);
    if (typeof v === 'string' || typeof u === 'string') {
      res.rejects.push({ file, line, reason: typeof v === 'string' ? v : String(u) });
      continue;
    }
    acc.add(cells[page], v, u);
  }
  if (totals > 0) res.skipped['totals row'] = totals;
  res.periodRows = acc.rows();
}
