/**
 * Umami's website export (Website > Export data, a zip of CSVs); `pages.csv` is the one with paths:
 *
 *     x,y
 *     /posts/hello-world,120
 *
 * `x` is the URL path and `y` the number of **distinct visitors (sessions)** over the whole export range: not page
 * views, and not per day. Tend stores them as period visitors (period_views.visitors, page views null) and says so.
 * The range is not in the file: give it with --period or keep it in the folder name. Source: umami-software/umami
 * `src/app/api/websites/[websiteId]/export/route.ts` and `queries/sql/pageviews/getPageviewMetrics.ts`
 * (`count(distinct session_id) as y`).
 */
import { readCsvTable } from './csv-rows';
import { countOf, type ExportOptions, emptyExport, type ParsedExport, PeriodAccumulator } from './export-common';
import { periodFromName } from './period';

/** Whether a header is Umami's `x,y` metrics table. */
export function isUmamiHeader(header: string[]): boolean {
  return header.length === 2 && header[0].toLowerCase() === 'x' && header[1].toLowerCase() === 'y';
}

/**
 * Parse Umami's pages.csv into period visitors per path.
 * @throws Error naming the file when the header is not `x,y` or no period is known.
 */
export function parseUmamiPages(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('umami');
  const t = readCsvTable(text, file);
  if (!isUmamiHeader(t.header))
    throw new Error(`${file}: not an Umami pages.csv (header "${t.header.join(',')}", expected x,y)`);
  res.period = opts.period ?? periodFromName(file);
  if (!res.period) {
    throw new Error(`${file}: Umami's export does not say which days it covers: give --period FIRST..LAST`);
  }
  res.rejects.push(...t.rejects);
  const acc = new PeriodAccumulator();
  for (const { line, cells } of t.rows) {
    const path = (cells[0] ?? '').trim();
    if (path === '') continue;
    res.read++;
    const visitors = countOf(cells[1] ?? '', 'y', opts.numbers);
    if (typeof visitors === 'string') {
      res.rejects.push({ file, line, reason: visitors });
      continue;
    }
    // A path that is not one (an event name, a referrer domain) means the wrong CSV of the zip.
    if (!path.startsWith('/') && !/^https?:\/\//i.test(path)) {
      res.rejects.push({ file, line, reason: `"${path}" is not a path (is this pages.csv?)` });
      continue;
    }
    acc.add(path, null, visitors);
  }
  res.periodRows = acc.rows();
  res.notes.push(
    `Umami counts visitors, not page views: imported as visitors over ${res.period.firstDay}..${res.period.lastDay} (no daily numbers)`,
  );
  return res;
}
