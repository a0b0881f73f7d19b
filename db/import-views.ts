/**
 * Traffic import: detect the format, parse with lib/traffic, then write in ONE transaction with the run record.
 * Idempotence: an access log's rows are keyed by the log's identity (the hash of its first line), so a re-import of
 * the same or a grown log replaces them; an export replaces the days it covers for its source; period totals replace
 * the same period of the same source.
 */
import { ownHostsOf } from '../lib/traffic/counting-rules';
import { logKindOf, resolveFormat, type TrafficFormat } from '../lib/traffic/detect';
import { type Period, parsePeriod } from '../lib/traffic/period';
import type { Db } from './client';
import { detectFileFormat, parseExportFile, writeSiteDays } from './import-views-export';
import { readLogFile } from './import-views-log';
import { type ImportSummary, recordRun } from './importers';
import { refuseShorterLog } from './log-length';
import {
  dropLegacyLogOrigin,
  recomputeTouchedPostStats,
  replacePeriodTraffic,
  replaceTraffic,
} from './mutations/traffic';
import { getSettings } from './settings';

/**
 * Run `fn` with a 32 MiB SQLite page cache (the default 2 MiB makes a bulk insert of a large log re-read B-tree pages
 * from the OS; more than 32 MiB bought no speed since daily_views is written in key order, and only grew the
 * import's memory with the log's size), then restore the connection's setting.
 */
export function withLargeCache<T>(db: Db, fn: () => T): T {
  const before = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma('cache_size = -32768');
  try {
    return fn();
  } finally {
    db.$client.pragma(`cache_size = ${Number(before)}`);
  }
}

export interface ViewsImportOptions {
  /** A format name or alias (`--format`); detected from the content when absent. */
  format?: string;
  /** A custom log format string, nginx `log_format` or GoAccess style (`--log-format`). */
  logFormat?: string;
  /** BCP 47 locale of the numbers' digit grouping (`--locale de`: `1.234` is 1234). */
  locale?: string;
  /** The period a total-only export covers (`--period 2024-01-01..2024-01-31`), overriding what the file says. */
  period?: string | Period;
  /** Called every so many lines of an access log (lines read, bytes of the file read). */
  onProgress?: (lines: number, bytes: number) => void;
  /**
   * Let a log replace an earlier import of the same log (same first line) even when it has fewer lines (`--replace`).
   * Without it such a file is refused: it is most likely a cut or older copy, and replacing would lose page views.
   */
  replace?: boolean;
}

/** An import summary plus plain-English notes on what the numbers are (e.g. Umami's visitors). */
export interface ViewsImportSummary extends ImportSummary {
  notes: string[];
}

/**
 * Import a traffic file: an access log (combined/common, nginx with extras, Caddy JSON, CloudFront/IIS W3C, a custom
 * format; `.gz` and rotated files too) or an analytics export (Plausible, GA4, Universal Analytics, Jetpack, Matomo,
 * Umami, GoatCounter, CSV). See lib/traffic/detect.ts for the list.
 * @throws Error naming the file when it is missing, unreadable, in no known format, or wrong for the format given;
 *   nothing is written then.
 */
export async function importViewsFile(
  db: Db,
  file: string,
  opts: ViewsImportOptions = {},
): Promise<ViewsImportSummary> {
  const started = Date.now();
  const settings = getSettings(db);
  const period = typeof opts.period === 'string' ? parsePeriod(opts.period) : opts.period;
  const format: TrafficFormat = opts.format
    ? resolveFormat(opts.format)
    : opts.logFormat
      ? 'custom-log'
      : await detectFileFormat(file);
  const base = { kind: 'views' as const, file, format, skipped: {}, warnings: [], ms: 0, notes: [] as string[] };

  if (logKindOf(format)) {
    const log = await readLogFile(file, format, {
      timeZone: settings.timeZone,
      logFormat: opts.logFormat,
      ownHosts: ownHostsOf(settings.siteUrl),
      onProgress: opts.onProgress,
    });
    return withLargeCache(db, () =>
      db.$client.transaction(() => {
        if (!opts.replace)
          refuseShorterLog(
            db,
            file,
            log.headHash,
            { rows: log.counts.read, lines: log.lines },
            'Import the whole log, or pass --replace to replace them anyway.',
          );
        const legacy = log.legacyOrigin ? dropLegacyLogOrigin(db, log.legacyOrigin) : 0;
        const w = replaceTraffic(db, log.rows, { source: 'access-log', origin: log.origin }, log.referrers);
        // Written: let the rows go before the summaries allocate (a 1M-line log has 339k of them, about 30 MB).
        log.rows = [];
        log.referrers = [];
        // The nightly sync's state for this log is now stale: it restarts the file (replacing) next time.
        db.$client.prepare('delete from sync_files where head_hash = ?').run(log.headHash);
        recomputeTouchedPostStats(db);
        const summary: ViewsImportSummary = {
          ...base,
          read: log.counts.read,
          imported: w.pageViews,
          bot: log.counts.botHits,
          unmatched: w.unmatchedPageViews,
          rejected: log.counts.rejected,
          rejects: log.rejects,
          firstDay: log.firstDay,
          lastDay: log.lastDay,
          detail: { 'post-days': w.matchedRows, 'unmatched-path-days': w.unmatchedRows, referrers: w.referrerRows },
        };
        if (legacy > 0)
          summary.notes.push(
            `replaced ${legacy} daily rows that an earlier version filed under this log's "#" header line (every CloudFront/IIS file shares it): import the other files of this log again too`,
          );
        recordRun(db, summary, 'ok', log.headHash);
        summary.ms = Date.now() - started;
        return summary;
      })(),
    );
  }

  const { parsed, hash, siteOnly } = await parseExportFile(file, format, {
    timeZone: settings.timeZone,
    locale: opts.locale,
    period,
  });
  return db.$client.transaction(() => {
    const p = parsed;
    const detail: Record<string, number> = {};
    let imported = 0;
    let unmatched = 0;
    // A daily export states every day of its period (zero where it has no row); a totals-only export states none.
    const daily = p.daily.length > 0 || p.periodRows.length === 0;
    if (!siteOnly && daily && p.period) {
      const w = replaceTraffic(db, p.daily, { source: p.source, origin: p.source, replaceDays: p.period });
      imported += w.pageViews;
      unmatched += w.unmatchedPageViews;
      if (p.daily.length) Object.assign(detail, { 'post-days': w.matchedRows, 'unmatched-path-days': w.unmatchedRows });
    }
    if (p.periodRows.length && p.period) {
      const w = replacePeriodTraffic(db, p.periodRows, p.source, p.period);
      imported += w.matched;
      unmatched += w.unmatched;
      Object.assign(detail, { 'post-periods': w.matchedRows, 'unmatched-paths': w.unmatchedRows });
    }
    if (p.siteDays.length) detail['site-days'] = writeSiteDays(db, p.source, p.siteDays, p.period);
    recomputeTouchedPostStats(db);
    const summary: ViewsImportSummary = {
      ...base,
      read: p.read,
      imported,
      bot: p.daily.reduce((a, r) => a + r.botHits, 0),
      unmatched,
      rejected: p.rejects.length,
      skipped: p.skipped,
      rejects: p.rejects,
      warnings: p.warnings,
      firstDay: p.period?.firstDay ?? null,
      lastDay: p.period?.lastDay ?? null,
      detail,
      notes: p.notes,
    };
    recordRun(db, summary, 'ok', hash);
    summary.ms = Date.now() - started;
    return summary;
  })();
}
