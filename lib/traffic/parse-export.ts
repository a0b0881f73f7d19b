/**
 * One entry point for every analytics-export format (everything but access logs, which stream): decoded text in,
 * {@link ParsedExport} out. The database layer (db/import-views.ts) writes the result without knowing the format.
 */
import type { TrafficFormat } from './detect';
import { type ExportOptions, emptyExport, type ParsedExport, rangeOfDays } from './export-common';
import { parseGenericCsv } from './generic-csv';
import { parseGoatCounterCsv } from './goatcounter';
import { parseGa4Csv, parseUaCsv } from './google-analytics';
import { parseJetpackCsv } from './jetpack';
import { parseMatomoCsv } from './matomo';
import { parsePlausibleCsv } from './plausible';
import { parsePlausibleDashboardPages, parsePlausibleDashboardVisitors } from './plausible-dashboard';
import { parseViewsCsv } from './simple-csv';
import { parseUmamiPages } from './umami';

/** Formats whose numbers are site totals only (no pages): they must not replace the page rows of their source. */
export const SITE_ONLY_FORMATS: ReadonlySet<TrafficFormat> = new Set([
  'plausible-visitors',
  'plausible-dashboard-visitors',
]);

/**
 * Parse an export file's text.
 * @param format an export format (not an access-log one).
 * @throws Error naming the file when the content does not fit the format (see each parser), or for a log format.
 */
export function parseExport(format: TrafficFormat, text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  switch (format) {
    case 'views-csv': {
      const r = parseViewsCsv(text, { file });
      return finish(
        { ...emptyExport('views-csv'), daily: r.records, rejects: r.rejects, warnings: r.warnings },
        r.records.length + r.rejects.length,
      );
    }
    case 'generic-csv':
      return finish(parseGenericCsv(text, opts));
    case 'plausible-pages':
    case 'plausible-visitors': {
      const r = parsePlausibleCsv(text, { file });
      const res = emptyExport('plausible');
      res.daily = r.records;
      res.siteDays = (r.siteTotals ?? []).map((t) => ({ day: t.day, pageViews: t.pageViews, visitors: t.visitors }));
      res.rejects = r.rejects;
      res.warnings = r.warnings;
      res.period =
        opts.period ??
        (r.period.firstDay && r.period.lastDay ? { firstDay: r.period.firstDay, lastDay: r.period.lastDay } : null);
      return finish(res, r.records.length + r.rejects.length + res.siteDays.length);
    }
    case 'goatcounter': {
      const r = parseGoatCounterCsv(text, { file, timeZone: opts.timeZone });
      const res = {
        ...emptyExport('goatcounter'),
        daily: r.records,
        rejects: r.rejects,
        warnings: r.warnings,
        skipped: r.skipped ?? {},
      };
      return finish(res, r.records.reduce((a, x) => a + x.pageViews + x.botHits, 0) + r.rejects.length);
    }
    case 'ga4':
      return finish(parseGa4Csv(text, opts));
    case 'universal-analytics':
      return finish(parseUaCsv(text, opts));
    case 'jetpack':
      return finish(parseJetpackCsv(text, opts));
    case 'matomo':
      return finish(parseMatomoCsv(text, opts));
    case 'umami':
      return finish(parseUmamiPages(text, opts));
    case 'plausible-dashboard-pages':
      return finish(parsePlausibleDashboardPages(text, opts));
    case 'plausible-dashboard-visitors':
      return finish(parsePlausibleDashboardVisitors(text, opts));
    default:
      throw new Error(`${file}: ${format} is an access-log format, not an export`);
  }
}

/** Fill `read` when the parser did not count, and the period from the daily rows when the file states none. */
function finish(res: ParsedExport, read?: number): ParsedExport {
  if (read !== undefined) res.read = read;
  if (!res.period) res.period = rangeOfDays([...res.daily.map((r) => r.day), ...res.siteDays.map((d) => d.day)]);
  return res;
}
