/**
 * Traffic file format detection from the start of a file (decoded text) and its name, so `import` and `sync` can pick
 * a parser. `--format` overrides it.
 */
import { readCsvTable } from './csv-rows';
import { genericColumns } from './generic-csv';
import { goatCounterVersion } from './goatcounter';
import { looksLikeJetpack } from './jetpack';
import { detectLogKind, type LogKind } from './line-parsers';
import { isMatomoHeader } from './matomo';
import { plausibleFileInfo } from './plausible';
import { isPlausibleDashboardPages, isPlausibleDashboardVisitors } from './plausible-dashboard';
import { isUmamiHeader } from './umami';

/** Every format Tend reads, as named by `--format`. */
export const TRAFFIC_FORMATS = [
  'access-log',
  'caddy',
  'w3c',
  'custom-log',
  'views-csv',
  'generic-csv',
  'plausible-pages',
  'plausible-visitors',
  'plausible-dashboard-pages',
  'plausible-dashboard-visitors',
  'goatcounter',
  'ga4',
  'universal-analytics',
  'jetpack',
  'matomo',
  'umami',
] as const;
export type TrafficFormat = (typeof TRAFFIC_FORMATS)[number];

/** Other names accepted by `--format` (what people call these formats). */
export const FORMAT_ALIASES: Record<string, TrafficFormat> = {
  combined: 'access-log',
  common: 'access-log',
  nginx: 'access-log',
  apache: 'access-log',
  cloudfront: 'w3c',
  iis: 'w3c',
  csv: 'generic-csv',
  'google-analytics-4': 'ga4',
  ua: 'universal-analytics',
  'wordpress-com': 'jetpack',
};

/** The log syntax of an access-log format, or null for export formats. */
export function logKindOf(format: TrafficFormat): LogKind | null {
  return format === 'access-log'
    ? 'combined'
    : format === 'caddy'
      ? 'caddy'
      : format === 'w3c'
        ? 'w3c'
        : format === 'custom-log'
          ? 'custom'
          : null;
}

/** Resolve a `--format` value (name or alias). @throws Error listing the formats when it is unknown. */
export function resolveFormat(name: string): TrafficFormat {
  const n = name.trim().toLowerCase();
  if ((TRAFFIC_FORMATS as readonly string[]).includes(n)) return n as TrafficFormat;
  if (FORMAT_ALIASES[n]) return FORMAT_ALIASES[n];
  throw new Error(`unknown traffic format "${name}": use one of ${TRAFFIC_FORMATS.join(', ')}`);
}

/**
 * Guess the traffic format of a file.
 *
 * Order: Plausible's full export by its `imported_*` name; access logs (combined/common when most lines parse, W3C
 * directives, Caddy JSON, a custom format when `logFormat` is given); GA downloads by their `#` preamble; CSVs by header names (GoatCounter's versioned
 * `2Path`, Tend's date,path,views, Plausible's tables, Matomo, Umami's `x,y`, generic); Jetpack's header-less rows.
 *
 * @param head the first few KB of the file as text (decompressed, decoded). A head that still starts with the gzip
 *   magic bytes is only recognized as an access log, by a `.log.gz` or `access*.gz` name.
 * @param fileName the file's name (a path is fine).
 * @param logFormat a custom log format string, when the author gave one.
 * @returns the format, or null when nothing matches.
 */
export function detectTrafficFormat(head: string, fileName: string, logFormat?: string): TrafficFormat | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (head.startsWith('\x1f\x8b')) return /\.log(\.\d+)?\.gz$|access[^/]*\.gz$/i.test(base) ? 'access-log' : null;
  const text = head.replace(/^\uFEFF/, '');
  const plausible = plausibleFileInfo(base);
  if (plausible) return plausible.table === 'pages' ? 'plausible-pages' : 'plausible-visitors';

  let lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  // The head may stop mid-line: drop the partial last line unless it is the only one.
  if (lines.length > 1 && !text.endsWith('\n')) lines = lines.slice(0, -1);
  const sample = lines.slice(0, 50);
  if (logFormat) return detectLogKind(sample, logFormat) ? 'custom-log' : null;
  const kind = detectLogKind(sample);
  if (kind === 'combined') return 'access-log';
  if (kind === 'w3c' || kind === 'caddy') return kind;

  const ga = detectGa(lines);
  if (ga) return ga;
  const table = tryCsv(lines.slice(0, 30).join('\n'), base);
  if (table) {
    const header = table.header;
    if (goatCounterVersion(header[0] ?? '') !== null) return 'goatcounter';
    const h = header.map((c) => c.toLowerCase());
    const has = (...names: string[]) => names.some((n) => h.includes(n));
    const viewsCsv = has('date', 'day') && has('path', 'page', 'url') && has('views', 'pageviews', 'page_views');
    // Plausible never names a column `path` or `views`: those make it Tend's own CSV.
    if (viewsCsv && has('path', 'views')) return 'views-csv';
    if (has('date') && has('pageviews') && has('page') && has('visitors')) return 'plausible-pages';
    if (isPlausibleDashboardVisitors(header)) return 'plausible-dashboard-visitors';
    if (has('date') && has('pageviews') && (has('visits') || has('bounces') || has('visit_duration'))) {
      return 'plausible-visitors';
    }
    if (isPlausibleDashboardPages(header)) return 'plausible-dashboard-pages';
    if (isMatomoHeader(header)) return 'matomo';
    if (isUmamiHeader(header)) return 'umami';
    if (viewsCsv) return 'views-csv';
    if (genericColumns(header)) return 'generic-csv';
    if (looksLikeJetpack([header, ...table.rows.slice(0, 20).map((r) => r.cells)])) return 'jetpack';
  }
  return null;
}

/** GA4 / Universal Analytics downloads: `#` preamble, then a page table. */
function detectGa(lines: string[]): TrafficFormat | null {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || !lines[first].startsWith('#')) return null;
  const tableLine = lines.find((l) => l.trim() !== '' && !l.startsWith('#'));
  if (!tableLine) return null;
  const cells = tableLine.split(',').map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase(),
  );
  if (cells.includes('pageviews') && (cells[0] === 'page' || cells.includes('unique pageviews'))) {
    return 'universal-analytics';
  }
  if (cells.includes('views') || cells[0]?.startsWith('page path') || cells[0]?.startsWith('page title')) return 'ga4';
  return null;
}

function tryCsv(text: string, file: string) {
  if (text.trim() === '' || text.trimStart().startsWith('{')) return null;
  try {
    return readCsvTable(text, file);
  } catch {
    return null;
  }
}
