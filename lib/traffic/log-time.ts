/**
 * Timestamps as web servers and log tools write them, to epoch milliseconds UTC. Month names are English whatever
 * the machine's locale (servers log them in English; nothing here asks the OS locale).
 */
import { parseClfTime } from './log-line';

/**
 * Parse a log timestamp. Accepted, with the offset applied when one is written:
 * - CLF `17/May/2015:10:05:03 +0200` (Apache `%t` and nginx `$time_local`, with or without the brackets),
 * - ISO 8601 `2015-05-17T10:05:03+02:00`, `...Z`, with fractions (nginx `$time_iso8601`, Caddy, Traefik),
 * - `2015-05-17 10:05:03` (W3C/IIS/CloudFront date and time, which are UTC),
 * - epoch seconds `1431857103` or `1431857103.123` (nginx `$msec`, Caddy `ts`) and epoch milliseconds (13 digits).
 * A time without an offset is UTC.
 * @returns epoch ms, or NaN when the text is none of these or not a real date.
 */
export function parseLogTime(text: string): number {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.length === 26 && s.charCodeAt(2) === 47) return parseClfTime(s, 0, 26);
  if (/^\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}$/.test(s)) return parseClfTime(`${s} +0000`, 0, 26);
  if (/^\d{9,11}(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return Number(s);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const base = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, frac ? Math.round(Number(frac) * 1000) : 0);
  const check = new Date(base);
  if (check.getUTCDate() !== +d || check.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +sec > 60) {
    return Number.NaN;
  }
  if (!zone || zone.toUpperCase() === 'Z') return base;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return base - sign * offsetMin * 60_000;
}
