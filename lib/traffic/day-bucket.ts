/**
 * Fast epoch-ms -> calendar day (`YYYY-MM-DD`) in an IANA time zone, for per-line use in log imports.
 *
 * Asking luxon or Intl for every line is slow (microseconds each, millions of lines), so the zone's UTC offset is
 * looked up once per UTC day (per hour on a day with a transition) and cached. An hour whose offset differs at its two ends holds a DST transition
 * (they fall on hour or half-hour boundaries, e.g. Australia/Lord_Howe): lines in such an hour get an exact lookup.
 * Offsets that are not whole hours (Asia/Kathmandu +05:45) are fine: only the offset is cached, not the day.
 */
import { IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 100_000;

/**
 * Build a converter from epoch milliseconds (UTC) to the calendar day in `timeZone`.
 *
 * @param timeZone an IANA zone name (`Europe/Berlin`, `UTC`).
 * @throws Error when the zone is not a valid IANA zone.
 * @example makeDayOfEpoch('America/Los_Angeles')(Date.UTC(2015, 4, 18, 3)) === '2015-05-17'
 */
export function makeDayOfEpoch(timeZone: string): (ms: number) => string {
  if (!IANAZone.isValidZone(timeZone))
    throw new Error(`Unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin)`);
  const zone = IANAZone.create(timeZone);
  const offsetByHour = new Map<number, number>();
  const dayByNumber = new Map<number, string>();

  const dayString = (localMs: number): string => {
    const n = Math.floor(localMs / DAY_MS);
    let s = dayByNumber.get(n);
    if (s === undefined) {
      s = new Date(n * DAY_MS).toISOString().slice(0, 10);
      if (dayByNumber.size >= CACHE_LIMIT) dayByNumber.clear();
      dayByNumber.set(n, s);
    }
    return s;
  };

  // Zones change offset at most once in a day: when a UTC day's two ends agree, so do all its hours (two lookups a
  // day instead of two an hour; the lookups go through Intl and cost microseconds).
  const offsetByUtcDay = new Map<number, number>();
  const offsetOfUtcDay = (d: number): number => {
    let o = offsetByUtcDay.get(d);
    if (o === undefined) {
      const a = zone.offset(d * DAY_MS);
      const b = zone.offset(d * DAY_MS + DAY_MS - 1);
      o = a === b ? a : Number.NaN;
      if (offsetByUtcDay.size >= CACHE_LIMIT) offsetByUtcDay.clear();
      offsetByUtcDay.set(d, o);
    }
    return o;
  };

  // Logs are mostly in time order: the last hour's answer serves most lines without a map lookup.
  let lastHour = Number.NaN;
  let lastDay = '';
  return (ms: number): string => {
    const hour = Math.floor(ms / HOUR_MS);
    if (hour === lastHour) return lastDay;
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      offset = offsetOfUtcDay(Math.floor(hour / 24));
      if (Number.isNaN(offset)) {
        const a = zone.offset(hour * HOUR_MS);
        const b = zone.offset(hour * HOUR_MS + HOUR_MS - 1);
        offset = a === b ? a : Number.NaN;
      }
      if (offsetByHour.size >= CACHE_LIMIT) offsetByHour.clear();
      offsetByHour.set(hour, offset);
    }
    // NaN marks an hour with a transition inside it: look this instant up exactly (and do not remember it).
    if (Number.isNaN(offset)) return dayString(ms + zone.offset(ms) * 60_000);
    // An offset of whole hours keeps the hour within one local day; others (+05:45) can split it: check both ends.
    const startDay = dayString(hour * HOUR_MS + offset * 60_000);
    const endDay = dayString(hour * HOUR_MS + HOUR_MS - 1 + offset * 60_000);
    if (startDay === endDay) {
      lastHour = hour;
      lastDay = startDay;
      return startDay;
    }
    return dayString(ms + offset * 60_000);
  };
}
