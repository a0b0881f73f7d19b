/**
 * Plausible's dashboard export (the download icon on a site's dashboard): a zip named
 * `Plausible export example.com 2024-01-01  to 2024-01-31 .zip` holding one CSV per report. Two matter here:
 *
 * - `visitors.csv`: `date,visitors,pageviews,visits,views_per_visit,bounce_rate,visit_duration`, one row per day of
 *   the period (for a daily interval): site totals, kept for comparison, never spread over posts.
 * - `pages.csv`: `name,visitors,pageviews,bounce_rate,time_on_page`: totals per page over the period (at most 100
 *   pages), stored as period totals.
 *
 * The period comes from --period, the zip's (or its folder's) name, or the dates of the `visitors.csv` beside it.
 * Source: plausible/analytics `lib/plausible_web/controllers/stats_controller.ex` (csv_export) and
 * `api/stats_controller.ex` (pages: `to_csv([:name, :visitors, :pageviews, :bounce_rate, :time_on_page])`).
 */
import { findColumn, readCsvTable } from './csv-rows';
import {
  countOf,
  type ExportOptions,
  emptyExport,
  isoDay,
  type ParsedExport,
  PeriodAccumulator,
  rangeOfDays,
} from './export-common';
import { periodFromName } from './period';

/** Whether a header is the dashboard's pages.csv (`name` + `pageviews`, no date). */
export function isPlausibleDashboardPages(header: string[]): boolean {
  return findColumn(header, 'name') === 0 && findColumn(header, 'pageviews') >= 0 && findColumn(header, 'date') < 0;
}

/** Whether a header is the dashboard's visitors.csv (date + pageviews + views_per_visit or bounce_rate). */
export function isPlausibleDashboardVisitors(header: string[]): boolean {
  return (
    findColumn(header, 'date') === 0 &&
    findColumn(header, 'pageviews') >= 0 &&
    (findColumn(header, 'views_per_visit') >= 0 || findColumn(header, 'bounce_rate') >= 0)
  );
}

/**
 * Parse the dashboard's pages.csv into period totals per page.
 * @throws Error naming the file when the header lacks name/pageviews or no period is known.
 */
export function parsePlausibleDashboardPages(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('plausible');
  const t = readCsvTable(text, file);
  const col = {
    name: findColumn(t.header, 'name'),
    pv: findColumn(t.header, 'pageviews'),
    v: findColumn(t.header, 'visitors'),
  };
  if (col.name < 0 || col.pv < 0)
    throw new Error(`${file}: not Plausible's pages.csv (header "${t.header.join(',')}")`);
  res.period = opts.period ?? periodFromName(file);
  if (!res.period) {
    throw new Error(
      `${file}: no period: keep the zip's name ("... 2024-01-01  to 2024-01-31"), put visitors.csv beside it, or give --period`,
    );
  }
  res.rejects.push(...t.rejects);
  const acc = new PeriodAccumulator();
  for (const { line, cells } of t.rows) {
    const name = (cells[col.name] ?? '').trim();
    if (name === '') continue;
    res.read++;
    const pv = countOf(cells[col.pv] ?? '', 'pageviews', opts.numbers);
    const v = col.v < 0 ? null : countOf(cells[col.v] ?? '', 'visitors', opts.numbers, true);
    if (typeof pv === 'string' || typeof v === 'string') {
      res.rejects.push({ file, line, reason: typeof pv === 'string' ? pv : String(v) });
      continue;
    }
    acc.add(name, pv, v);
  }
  res.periodRows = acc.rows();
  if (res.read >= 100) {
    res.warnings.push({
      file,
      line: null,
      reason:
        "Plausible's dashboard export lists at most 100 pages: use the full export (Site settings > Imports & Exports) for every page",
    });
  }
  res.notes.push(
    `Plausible dashboard totals over ${res.period.firstDay}..${res.period.lastDay} (no daily numbers per page)`,
  );
  return res;
}

/**
 * Parse the dashboard's visitors.csv into site page views per day.
 * @throws Error naming the file when the rows are not consecutive days (a weekly or monthly graph interval).
 */
export function parsePlausibleDashboardVisitors(text: string, opts: ExportOptions): ParsedExport {
  const { file } = opts;
  const res = emptyExport('plausible');
  const t = readCsvTable(text, file);
  const col = {
    date: findColumn(t.header, 'date'),
    pv: findColumn(t.header, 'pageviews'),
    v: findColumn(t.header, 'visitors'),
  };
  res.rejects.push(...t.rejects);
  for (const { line, cells } of t.rows) {
    res.read++;
    const day = isoDay(cells[col.date] ?? '');
    const pv = countOf(cells[col.pv] ?? '', 'pageviews', opts.numbers, true);
    const v = col.v < 0 ? null : countOf(cells[col.v] ?? '', 'visitors', opts.numbers, true);
    if (!day || typeof pv === 'string' || typeof v === 'string') {
      res.rejects.push({
        file,
        line,
        reason: !day ? `invalid date "${cells[col.date]}"` : String(typeof pv === 'string' ? pv : v),
      });
      continue;
    }
    res.siteDays.push({ day, pageViews: pv, visitors: v });
  }
  res.siteDays.sort((a, b) => (a.day < b.day ? -1 : 1));
  for (let i = 1; i < res.siteDays.length; i++) {
    const gap = (Date.parse(res.siteDays[i].day) - Date.parse(res.siteDays[i - 1].day)) / 86_400_000;
    if (gap !== 1) {
      throw new Error(
        `${file}: rows are not one per day (${res.siteDays[i - 1].day} then ${res.siteDays[i].day}): export the dashboard with the "Day" interval`,
      );
    }
  }
  res.period = opts.period ?? rangeOfDays(res.siteDays.map((d) => d.day));
  return res;
}
