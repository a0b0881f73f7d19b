/**
 * The export half of a traffic import: detect the format of a file, read and decode it (UTF-16 too), parse it with
 * lib/traffic, and find the period of a total-only export when the file does not state it (Plausible's dashboard
 * pages.csv: the dates of the visitors.csv beside it). Also the writer of site totals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assertFileSize, MAX_CSV_FILE_BYTES } from '../lib/limits';
import { detectTrafficFormat, type TrafficFormat } from '../lib/traffic/detect';
import type { ParsedExport, SiteDay } from '../lib/traffic/export-common';
import { readHeadText } from '../lib/traffic/file-head';
import { numberStyle } from '../lib/traffic/numbers';
import { parseExport, SITE_ONLY_FORMATS } from '../lib/traffic/parse-export';
import { type Period, periodFromName } from '../lib/traffic/period';
import { decodeText } from '../lib/traffic/text-decode';
import type { Db } from './client';
import { sha256File } from './importers';

/**
 * Detect a file's traffic format from its first 64 KiB and its name.
 * @throws Error naming the file when it is missing or matches no known format (listing what Tend reads).
 */
export async function detectFileFormat(file: string): Promise<TrafficFormat> {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  if (!fs.statSync(file).isFile())
    throw new Error(`${file}: is a folder, not a file (for a folder of exports, use npm run sync)`);
  const head = await readHeadText(file).catch((err: Error) => {
    throw new Error(`${file}: cannot read it: ${err.message}`, { cause: err });
  });
  const format = detectTrafficFormat(head, file);
  if (!format) {
    throw new Error(
      `${file}: not a known traffic format. Expected an access log (Apache/nginx combined or common, Caddy JSON, CloudFront/IIS W3C; --log-format for others) or an export from Plausible, GA4, Universal Analytics, Jetpack, Matomo, Umami, GoatCounter, or a CSV with page and views columns. Name the format with --format (a log with many damaged lines: --format access-log imports its good lines and lists the rest by line number)`,
    );
  }
  return format;
}

/**
 * Read and parse an export file.
 * @returns the parsed export, the file's sha256, and whether it holds site totals only.
 * @throws Error naming the file when it is too large, or its content does not fit the format.
 */
export async function parseExportFile(
  file: string,
  format: TrafficFormat,
  opts: { timeZone: string; locale?: string; period?: Period },
): Promise<{ parsed: ParsedExport; hash: string; siteOnly: boolean }> {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  if (!fs.statSync(file).isFile())
    throw new Error(`${file}: is a folder, not a file (for a folder of exports, use npm run sync)`);
  assertFileSize(file, MAX_CSV_FILE_BYTES, 'a traffic CSV export');
  const { text } = decodeText(fs.readFileSync(file));
  const numbers = opts.locale ? numberStyle(opts.locale) : undefined;
  let period = opts.period;
  if (!period && format === 'plausible-dashboard-pages') period = periodFromName(file) ?? siblingVisitorsPeriod(file);
  const parsed = parseExport(format, text, { file, timeZone: opts.timeZone, numbers, period });
  // Totals over a single day are that day's numbers: store them as daily rows.
  const p = parsed.period;
  if (
    p &&
    p.firstDay === p.lastDay &&
    parsed.periodRows.length &&
    parsed.periodRows.every((r) => r.pageViews !== null)
  ) {
    for (const r of parsed.periodRows) {
      parsed.daily.push({
        day: p.firstDay,
        path: r.path,
        kind: r.kind,
        pageViews: r.pageViews ?? 0,
        visitors: r.visitors,
        botHits: 0,
      });
    }
    parsed.periodRows = [];
  }
  return { parsed, hash: sha256File(file), siteOnly: SITE_ONLY_FORMATS.has(format) };
}

/** The day range of a Plausible dashboard `visitors.csv` in the same folder, or undefined. */
function siblingVisitorsPeriod(file: string): Period | undefined {
  const sibling = path.join(path.dirname(file), 'visitors.csv');
  if (!fs.existsSync(sibling)) return undefined;
  try {
    const { text } = decodeText(fs.readFileSync(sibling));
    return parseExport('plausible-dashboard-visitors', text, { file: sibling }).period ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replace a source's site totals per day (for comparison with the sum of posts; never spread over posts): the
 * stated period's days are cleared first, so a re-export replaces them.
 * @returns days written.
 */
export function writeSiteDays(db: Pick<Db, '$client'>, source: string, days: SiteDay[], period: Period | null): number {
  const c = db.$client;
  if (period) {
    c.prepare('delete from site_daily_totals where source = ? and day between ? and ?').run(
      source,
      period.firstDay,
      period.lastDay,
    );
  }
  const ins = c.prepare(
    'insert or replace into site_daily_totals (day, source, page_views, visitors) values (?, ?, ?, ?)',
  );
  for (const d of days) ins.run(d.day, source, d.pageViews, d.visitors);
  return days.length;
}
