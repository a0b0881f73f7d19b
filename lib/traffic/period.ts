/**
 * Periods: the days a total covers. Sources such as GA4's "Pages and screens", Universal Analytics, Umami and the
 * Plausible dashboard export state page views (or visitors) over a whole range, not per day: they are stored as such
 * (`period_views`), never spread into invented daily numbers.
 */
import type { PathKind } from '../types';
import { isValidDay } from './csv-rows';

/** Inclusive range of calendar days `YYYY-MM-DD`. */
export interface Period {
  firstDay: string;
  lastDay: string;
}

/** Traffic for one path over a whole period (no daily breakdown). Null = the source does not give that number. */
export interface PeriodPathViews {
  path: string;
  kind: PathKind;
  pageViews: number | null;
  visitors: number | null;
}

const DAY = String.raw`(\d{4})-?(\d{2})-?(\d{2})`;

/**
 * Parse a period given by the author: `2024-01-01..2024-01-31`, `2024-01-01:2024-01-31`, `2024-01-01/2024-01-31`,
 * `20240101-20240131`, or one day `2024-01-31`.
 * @throws Error with the accepted forms when the text is none of them or the days are not real or out of order.
 */
export function parsePeriod(text: string): Period {
  const s = text.trim();
  const m = new RegExp(`^${DAY}(?:\\s*(?:\\.\\.|:|/|_|\\s+to\\s+|-(?=\\d{8}$))\\s*${DAY})?$`, 'i').exec(s);
  const p = m ? toPeriod(m.slice(1, 4), m[4] ? m.slice(4, 7) : m.slice(1, 4)) : null;
  if (!p) {
    throw new Error(`invalid period "${text}": expected FIRST..LAST as YYYY-MM-DD (e.g. 2024-01-01..2024-01-31)`);
  }
  return p;
}

/**
 * The period a file or folder name states, or null. Recognized: Plausible's dashboard zip
 * (`Plausible export example.com 2024-01-01  to 2024-01-31 .zip`), `..._20240101_20240131.csv`,
 * `..._2024-01-01_2024-01-31.csv`, `20240101-20240131`, and WordPress.com's `site-posts-day-01_31_2024-01_31_2024.csv`
 * (US month/day/year, as its download names them).
 */
export function periodFromName(name: string): Period | null {
  const iso = new RegExp(`(?:^|[^\\d])${DAY}\\s*(?:to|_|-|\\.\\.)\\s*${DAY}(?:[^\\d]|$)`, 'i').exec(name);
  if (iso) {
    const p = toPeriod(iso.slice(1, 4), iso.slice(4, 7));
    if (p) return p;
  }
  const us = /(\d{2})[_/-](\d{2})[_/-](\d{4})-(\d{2})[_/-](\d{2})[_/-](\d{4})/.exec(name);
  if (us) return toPeriod([us[3], us[1], us[2]], [us[6], us[4], us[5]]);
  return null;
}

/** Number of days in a period, both ends included. */
export function periodDays(p: Period): number {
  return Math.round((Date.parse(`${p.lastDay}T00:00:00Z`) - Date.parse(`${p.firstDay}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every day of a period in order (for coverage). */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  const end = Date.parse(`${p.lastDay}T00:00:00Z`);
  for (let t = Date.parse(`${p.firstDay}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function toPeriod(a: string[], b: string[]): Period | null {
  const firstDay = `${a[0]}-${a[1]}-${a[2]}`;
  const lastDay = `${b[0]}-${b[1]}-${b[2]}`;
  if (!isValidDay(firstDay) || !isValidDay(lastDay) || firstDay > lastDay) return null;
  return { firstDay, lastDay };
}
