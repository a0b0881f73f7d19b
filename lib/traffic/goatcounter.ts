/**
 * GoatCounter CSV export, format version 2 (Settings > Export; the file is often gzipped: decompress first).
 * Source: arp242/goatcounter `export.go` and `cmd/goatcounter/testdata/export.csv`.
 *
 *     2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,Date
 *
 * The format version is glued to the first header (`2Path`). One row per hit: `Event` = 1 rows are events
 * (clicks, downloads), not page views, and are skipped; rows with a non-zero `Bot` are bot hits; the rest are page
 * views. `Date` is an RFC 3339 UTC time, bucketed into days of the site's time zone. Visitors per day and path are
 * the distinct `Session` values among the page views.
 */
import { classifyPath, normalizePath } from '../paths';
import type { DailyPathViews, ParseResult, Reject } from '../types';
import { findColumn, readCsvTable } from './csv-rows';
import { makeDayOfEpoch } from './day-bucket';

export const GOATCOUNTER_VERSIONS = ['2'] as const;

export interface GoatCounterResult extends ParseResult<DailyPathViews> {
  period: { firstDay: string | null; lastDay: string | null };
}

/**
 * The export format version glued to the first header (`2Path` -> `'2'`), or null when the header does not have
 * that shape (not a GoatCounter export).
 */
export function goatCounterVersion(firstHeaderCell: string): string | null {
  const m = /^\uFEFF?(\d+)Path$/.exec(firstHeaderCell.trim());
  return m ? m[1] : null;
}

/**
 * Parse a GoatCounter v2 CSV export into daily page views, visitors and bot hits per path.
 *
 * @param opts.timeZone IANA zone the days are counted in (default `UTC`).
 * @returns records per (day, path, kind), rejects (file, line, reason), `skipped.event` = event rows.
 * @throws Error naming the file when it is not a GoatCounter export, its version is not 2, or required columns
 *   (Path, Event, Bot, Date) are missing.
 */
export function parseGoatCounterCsv(text: string, opts: { file: string; timeZone?: string }): GoatCounterResult {
  const { file } = opts;
  const t = readCsvTable(text, file);
  const version = goatCounterVersion(t.header[0] ?? '');
  if (version === null) {
    throw new Error(`${file}: not a GoatCounter export: the first header is "${t.header[0] ?? ''}", expected "2Path"`);
  }
  if (!(GOATCOUNTER_VERSIONS as readonly string[]).includes(version)) {
    throw new Error(
      `${file}: GoatCounter export format version ${version} is not supported (supported: ${GOATCOUNTER_VERSIONS.join(', ')})`,
    );
  }
  const header = ['Path', ...t.header.slice(1)];
  const col = {
    path: 0,
    event: findColumn(header, 'Event'),
    bot: findColumn(header, 'Bot'),
    date: findColumn(header, 'Date'),
    session: findColumn(header, 'Session'),
  };
  const missing = (['event', 'bot', 'date'] as const).filter((k) => col[k] < 0);
  if (missing.length) throw new Error(`${file}: GoatCounter export lacks the column(s) ${missing.join(', ')}`);

  const dayOf = makeDayOfEpoch(opts.timeZone ?? 'UTC');
  const rejects: Reject[] = [...t.rejects];
  const acc = new Map<string, { row: DailyPathViews; sessions: Set<string> }>();
  let events = 0;
  for (const { line, cells } of t.rows) {
    const cell = (i: number) => (i >= 0 && i < cells.length ? cells[i].trim() : '');
    if (cells.every((c) => c.trim() === '')) continue;
    const event = cell(col.event).toLowerCase();
    if (event === '1' || event === 'true' || event === 't') {
      events++;
      continue;
    }
    const rawPath = cell(col.path);
    const time = /^\d{4}-\d{2}-\d{2}T/.test(cell(col.date)) ? Date.parse(cell(col.date)) : Number.NaN;
    const bot = cell(col.bot);
    const reason =
      rawPath === ''
        ? 'empty Path'
        : Number.isNaN(time)
          ? `invalid Date "${cell(col.date)}" (expected RFC 3339)`
          : !/^\d+$/.test(bot)
            ? `invalid Bot "${bot}" (expected a number)`
            : null;
    if (reason) {
      rejects.push({ file, line, reason });
      continue;
    }
    const day = dayOf(time);
    const path = normalizePath(rawPath);
    const kind = classifyPath(path, rawPath);
    const key = `${day}\t${kind}\t${path}`;
    let a = acc.get(key);
    if (!a) {
      a = {
        row: { day, path, pageViews: 0, visitors: col.session < 0 ? null : 0, botHits: 0, kind },
        sessions: new Set(),
      };
      acc.set(key, a);
    }
    if (Number(bot) !== 0) a.row.botHits++;
    else {
      a.row.pageViews++;
      const session = cell(col.session);
      if (session) a.sessions.add(session);
    }
  }
  const records = [...acc.values()].map(({ row, sessions }) => ({
    ...row,
    visitors: row.visitors === null ? null : sessions.size,
  }));
  const days = records.map((r) => r.day).sort();
  return {
    records,
    rejects,
    warnings: [],
    skipped: { event: events },
    period: { firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null },
  };
}
