/**
 * Jetpack / WordPress.com Stats "Download data as CSV" of Posts & Pages: no header row, one row per post,
 *
 *     "Home page / Archives",1520,https://example.com/
 *     "Hello world",87,https://example.com/2024/01/hello-world/
 *
 * (title, views, URL; older downloads lack the URL). The numbers are views over the period shown when the file was
 * downloaded, which only its name tells: `example.com-posts-day-01_31_2024-01_31_2024.csv` (Calypso names it
 * site-module-period-start-end with US dates). Source: Automattic/wp-calypso `stats-download-csv` and
 * `state/stats/lists/utils.js` (buildExportArray). Stored as period totals (or as that day when the period is one day).
 */
import { readCsvTable } from './csv-rows';
import { countOf, type ExportOptions, emptyExport, type ParsedExport, PeriodAccumulator } from './export-common';
import { periodFromName } from './period';

/** Whether CSV rows look like a Jetpack download: no header, a count in the 2nd cell, a URL (or nothing) in the 3rd. */
export function looksLikeJetpack(firstRows: string[][]): boolean {
  const rows = firstRows.filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length === 0) return false;
  return rows.every(
    (r) =>
      (r.length === 2 || r.length === 3) &&
      /^\d[\d,]*$/.test((r[1] ?? '').trim()) &&
      (r.length === 2 || /^https?:\/\//i.test((r[2] ?? '').trim())),
  );
}

/**
 * Parse a Jetpack / WordPress.com stats CSV into period totals per URL.
 * @throws Error naming the file when no period is known (neither in the name nor given with --period).
 */
export function parseJetpackCsv(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('jetpack');
  res.period = opts.period ?? periodFromName(file);
  if (!res.period) {
    throw new Error(
      `${file}: a WordPress.com/Jetpack stats CSV holds views over the period you were looking at, and its name does not say which: give --period FIRST..LAST`,
    );
  }
  const t = readCsvTable(text, file, { header: false });
  res.rejects.push(...t.rejects);
  const acc = new PeriodAccumulator();
  for (const { line, cells } of t.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    res.read++;
    const views = countOf(cells[1] ?? '', 'views', opts.numbers);
    const url = (cells[2] ?? '').trim();
    if (typeof views === 'string') {
      res.rejects.push({ file, line, reason: views });
      continue;
    }
    if (!url) {
      res.rejects.push({
        file,
        line,
        reason: `no URL for "${cells[0]}" (an older download without URLs: download it again from Jetpack Stats)`,
      });
      continue;
    }
    acc.add(url, views, null);
  }
  res.periodRows = acc.rows();
  res.notes.push(`Jetpack views over ${res.period.firstDay}..${res.period.lastDay}`);
  return res;
}
