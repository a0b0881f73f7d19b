/**
 * Dates as feeds and exports write them, turned into UTC instants. Zone math is luxon's (IANA database).
 * Formats: RFC 822/1123/2822 (`Thu, 30 Apr 2015 08:57:00 MEST`), ISO 8601 / W3C-DTF / SQL
 * (`2015-04-30T08:57:00.123+02:00`, `2018-10-20 20:03:48`), and `September 25, 2025 14:32` style.
 */
import { DateTime, IANAZone } from 'luxon';

/**
 * Zone abbreviations seen in real feeds, as minutes east of UTC (fixed) or an IANA zone (the generic
 * `PT`/`ET`, whose offset depends on the date). RFC 822 defines UT, GMT, Z and the four US pairs; the rest are
 * common in the wild (MEST/MESZ, from German locales, are CEST). Ambiguous ones (IST, BST…) take their most
 * common meaning in English feeds.
 */
const ZONES: Record<string, number | string> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  PT: 'America/Los_Angeles',
  BST: 60,
  IST: 330,
  WEST: 60,
  CET: 60,
  MET: 60,
  MEZ: 60,
  CEST: 120,
  MEST: 120,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  GST: 240,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  CCT: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export interface ParsedDate {
  /** UTC ISO 8601 with milliseconds (`2015-04-30T06:57:00.000Z`), or null when the text is not a real date. */
  iso: string | null;
  /** Why `iso` is null, or what was assumed (an unknown zone read as the site's). */
  warning?: string;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Raw zone text (`+0200`, `+02:00`, `Z`, `MEST`, `GMT+2`), or '' when the text had none. */
  zone: string;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?`;
const ZONE = String.raw`(?:\s*((?:GMT|UTC|UT)?\s*[+-]\d{1,2}(?::?\d{2})?|Z|[A-Z]{1,5}|[A-Za-z]+\/[A-Za-z_/+-]+))?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)${TIME})?${ZONE}$`, 'i');
const RFC_RE = new RegExp(
  String.raw`^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2,4})(?:,?\s+${TIME})?${ZONE}$`,
  'i',
);
const US_RE = new RegExp(
  String.raw`^(?:[a-z]+,?\s+(?=[a-z]))?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME})?${ZONE}$`,
  'i',
);

/**
 * Parse a date as found in a feed, export or front matter, into a UTC instant.
 *
 * - RFC 822 with named zones (table above), numeric offsets (`+0200`, `+02:00`, `GMT+2`), day name optional,
 *   2-digit years (RFC 2822: 00–49 → 20xx, 50–99 → 19xx, so `03 Sep 15` is 2015), seconds optional.
 * - ISO 8601 with or without milliseconds and offset; a space instead of `T` (SQL, WXR `post_date`).
 * - A value with no zone is wall-clock time in `timeZone` (IANA name); a date-only value is midnight of that
 *   calendar day in `timeZone`.
 * - Whitespace and line breaks inside the value are collapsed first; `(UTC)`-style comments are dropped.
 *
 * Never guesses: an impossible date (`31 Feb`, hour 25, `0000-00-00`), an unknown month or unreadable text
 * gives `{ iso: null, warning }` — never "now" and never the epoch. An unknown zone abbreviation is read in
 * `timeZone` with a warning.
 */
export function parseFeedDate(raw: string, timeZone: string): ParsedDate {
  const s = raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return { iso: null, warning: 'empty date' };
  const parts = matchParts(s);
  if (!parts) return { iso: null, warning: `unreadable date "${s}"` };
  const zone = resolveZone(parts.zone, timeZone);
  if (zone === null) return { iso: null, warning: `unknown time zone "${timeZone}"` };
  const { zone: _raw, ...fields } = parts;
  const dt = DateTime.fromObject(fields, { zone: zone.zone });
  if (!dt.isValid)
    return { iso: null, warning: `impossible date "${s}" (${dt.invalidExplanation ?? dt.invalidReason})` };
  const iso = dt.toUTC().toISO();
  if (iso === null) return { iso: null, warning: `impossible date "${s}"` };
  return zone.warning ? { iso, warning: zone.warning } : { iso };
}

/** Split a collapsed date string into fields and raw zone text, or null when no known shape fits. */
function matchParts(s: string): Parts | null {
  let m = ISO_RE.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4));
  m = RFC_RE.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    if (month === null) return null;
    let year = Number(m[3]);
    if (m[3].length === 2) year += year < 50 ? 2000 : 1900;
    else if (m[3].length === 3) year += 1900; // RFC 2822 obsolete 3-digit years
    return build(year, month, Number(m[1]), m.slice(4));
  }
  m = US_RE.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    if (month === null) return null;
    return build(Number(m[3]), month, Number(m[2]), m.slice(4));
  }
  return null;
}

/** `rest` = [hour, minute, second, fraction, am/pm, zone] capture groups (undefined when absent). */
function build(year: number, month: number, day: number, rest: (string | undefined)[]): Parts {
  const [h, mi, sec, frac, ampm, zone] = rest;
  let hour = h === undefined ? 0 : Number(h);
  if (ampm) {
    // 12 AM is midnight, 12 PM noon; an hour over 12 with AM/PM stays out of range and is rejected later.
    if (hour <= 12) hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    else hour = 99;
  }
  return {
    year,
    month,
    day,
    hour,
    minute: mi === undefined ? 0 : Number(mi),
    second: sec === undefined ? 0 : Number(sec),
    millisecond: frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000),
    zone: zone?.trim() ?? '',
  };
}

function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  const n = MONTHS[key] ?? MONTHS[key.slice(0, 3)];
  // Full names must really be the month ("Mayday" is not May).
  if (n === undefined || (key.length > 4 && !FULL_MONTHS[n - 1].startsWith(key))) return null;
  return n;
}
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The luxon zone for a raw zone text: a fixed offset, an IANA zone, or the site's zone when there was none. */
function resolveZone(raw: string, siteZone: string): { zone: string; warning?: string } | null {
  if (!raw) return IANAZone.isValidZone(siteZone) ? { zone: siteZone } : null;
  const num = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(raw);
  if (num) {
    const minutes = Number(num[2]) * 60 + Number(num[3] ?? 0);
    if (Number(num[2]) > 14 || Number(num[3] ?? 0) > 59) return { zone: 'invalid offset' };
    return { zone: fixed(num[1] === '-' ? -minutes : minutes) };
  }
  const named = ZONES[raw.toUpperCase()];
  if (typeof named === 'number') return { zone: fixed(named) };
  if (typeof named === 'string') return { zone: named };
  if (raw.includes('/') && IANAZone.isValidZone(raw)) return { zone: raw };
  if (!IANAZone.isValidZone(siteZone)) return null;
  return { zone: siteZone, warning: `unknown zone "${raw}": read in ${siteZone}` };
}

/** luxon's fixed-offset zone name for minutes east of UTC (`UTC+5:30`). */
function fixed(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}
