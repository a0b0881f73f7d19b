/**
 * Traffic file format detection from the start of a file and its name, so `import` can pick a parser.
 */
import { looksLikeAccessLog } from './access-log';
import { goatCounterVersion } from './goatcounter';
import { plausibleFileInfo } from './plausible';

export type TrafficFormat = 'access-log' | 'views-csv' | 'plausible-pages' | 'plausible-visitors' | 'goatcounter';

/**
 * Guess the traffic format of a file.
 *
 * Order: Plausible by its `imported_pages_*` / `imported_visitors_*` file name; GoatCounter by its versioned first
 * header (`2Path`, any version: the parser rejects unknown ones with a clear message); Plausible and Tend's simple
 * views CSV by header names; then an access log when most of the first lines parse as combined/common lines.
 *
 * @param head the first few KB of the file as text (decompressed). A head that still starts with the gzip magic
 *   bytes is only recognized as an access log, by a `.log.gz` or `access*.gz` name.
 * @param fileName the file's name (a path is fine); used for Plausible's period and `.gz` hints.
 * @returns the format, or null when nothing matches.
 */
export function detectTrafficFormat(head: string, fileName: string): TrafficFormat | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (head.startsWith('\x1f\x8b')) {
    return /\.log(\.\d+)?\.gz$|access[^/]*\.gz$/i.test(base) ? 'access-log' : null;
  }
  const text = head.replace(/^\uFEFF/, '');
  const plausible = plausibleFileInfo(base);
  if (plausible) return plausible.table === 'pages' ? 'plausible-pages' : 'plausible-visitors';

  let lines = text.split('\n');
  // The head may stop mid-line: drop the partial last line unless it is the only one.
  if (lines.length > 1 && !text.endsWith('\n')) lines = lines.slice(0, -1);
  const firstLine = (lines.find((l) => l.trim() !== '') ?? '').replace(/\r$/, '');
  const cells = firstLine.split(',').map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
  if (goatCounterVersion(cells[0] ?? '') !== null) return 'goatcounter';
  const header = cells.map((h) => h.toLowerCase());
  const has = (...names: string[]) => names.some((n) => header.includes(n));
  const viewsCsv = has('date', 'day') && has('path', 'page', 'url') && has('views', 'pageviews', 'page_views');
  // Plausible never names a column `path` or `views`: those make it Tend's own CSV.
  if (viewsCsv && has('path', 'views')) return 'views-csv';
  if (has('date') && has('pageviews')) {
    if (has('page') && has('visitors')) return 'plausible-pages';
    if (has('visits') || has('bounces') || has('visit_duration')) return 'plausible-visitors';
  }
  if (viewsCsv) return 'views-csv';
  if (looksLikeAccessLog(lines.slice(0, 50))) return 'access-log';
  return null;
}
