/**
 * The raw sums behind lib/metrics.ts, computed in one streaming pass over a post's days: window sums, peak day,
 * publish-aligned curve and monthly totals. One implementation for the import-time summaries
 * (db/mutations/metrics.ts) and for the reference functions the tests check by hand.
 */
import { type Coverage, CURVE_AGES, type DayViews, dayNumber, type PostSums } from './metrics';

/** For an age in days (0-based), the index of the first of CURVE_AGES above it: the curve bucket the day adds to. */
const CURVE_BUCKET = Int8Array.from({ length: CURVE_AGES[CURVE_AGES.length - 1] }, (_, age) =>
  CURVE_AGES.findIndex((a) => age < a),
);

/**
 * Streams one post's traffic, one row per day in ascending day order (already summed over sources), into its raw
 * sums, its publish-aligned curve and its monthly totals. The one implementation of the sums: the import-time
 * summaries (db/mutations/metrics.ts) and {@link sumsFromDaily} both use it.
 */
export class PostAccumulator {
  readonly sums: PostSums = {
    lifetimeViews: 0,
    botHits: 0,
    first7Views: 0,
    first30Views: 0,
    first90Views: 0,
    last30Views: 0,
    last90Views: 0,
    sincePublishViews: 0,
    peakDay: null,
    peakViews: 0,
  };
  /** Page views by month (`YYYY-MM`) with bot hits, and page views by day of the month (`days[0]` = the 1st). */
  readonly months = new Map<string, { pageViews: number; botHits: number; days: Int32Array }>();
  private readonly buckets = CURVE_AGES.map(() => 0);
  private readonly pub: number | null;
  private readonly last: number | null;
  /** The month of the previous day added (days come in order, so most days reuse it without a lookup). */
  private curMonth = '';
  private cur: { pageViews: number; botHits: number; days: Int32Array } | null = null;

  /** @param lastDay the newest day of the data (end of the "last N days" windows), or null without traffic. */
  constructor(publishedDay: string | null, lastDay: string | null) {
    this.pub = publishedDay ? dayNumber(publishedDay) : null;
    this.last = lastDay ? dayNumber(lastDay) : null;
  }

  /** Add one day; days must come in ascending order (the earliest day wins a tied peak). */
  add(day: string, pageViews: number, botHits: number): void {
    const s = this.sums;
    const d = dayNumber(day);
    s.lifetimeViews += pageViews;
    s.botHits += botHits;
    if (pageViews > s.peakViews) {
      s.peakViews = pageViews;
      s.peakDay = day;
    }
    if (this.last !== null) {
      const back = this.last - d;
      if (back < 30) s.last30Views += pageViews;
      if (back < 90) s.last90Views += pageViews;
    }
    if (this.pub !== null) {
      const age = d - this.pub;
      if (age >= 0) {
        s.sincePublishViews += pageViews;
        if (age < 7) s.first7Views += pageViews;
        if (age < 30) s.first30Views += pageViews;
        if (age < 90) s.first90Views += pageViews;
        const i = age < CURVE_BUCKET.length ? CURVE_BUCKET[age] : -1;
        if (i >= 0) this.buckets[i] += pageViews;
      }
    }
    let m = this.cur;
    if (m === null || !day.startsWith(this.curMonth)) {
      const month = day.slice(0, 7);
      m = this.months.get(month) ?? null;
      if (m === null) {
        m = { pageViews: 0, botHits: 0, days: new Int32Array(31) };
        this.months.set(month, m);
      }
      this.cur = m;
      this.curMonth = month;
    }
    m.pageViews += pageViews;
    m.botHits += botHits;
    // Day of the month from the `YYYY-MM-DD` digits ('0' is 48).
    m.days[(day.charCodeAt(8) - 48) * 10 + day.charCodeAt(9) - 49] += pageViews;
  }

  /** Cumulative page views in the first `age` days (days 0..age-1) for each of CURVE_AGES, in that order. */
  curve(): number[] {
    let sum = 0;
    return this.buckets.map((b) => {
      sum += b;
      return sum;
    });
  }
}

/** Rows of the same day (several sources) added together, in ascending day order. */
function byDay(daily: readonly DayViews[]): DayViews[] {
  const m = new Map<string, DayViews>();
  for (const d of daily) {
    const prev = m.get(d.day);
    m.set(d.day, prev ? { day: d.day, pageViews: prev.pageViews + d.pageViews, botHits: prev.botHits + d.botHits } : d);
  }
  return [...m.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Raw sums of one post from its daily rows (any order; rows of one day from several sources are added). */
export function sumsFromDaily(daily: readonly DayViews[], publishedDay: string | null, cov: Coverage): PostSums {
  const acc = new PostAccumulator(publishedDay, cov.lastDay);
  for (const d of byDay(daily)) acc.add(d.day, d.pageViews, d.botHits);
  return acc.sums;
}

/** Cumulative page views in the first `age` days (days 0..age-1) at each of CURVE_AGES, from daily rows. */
export function curveFromDaily(daily: readonly DayViews[], publishedDay: string): Map<number, number> {
  const acc = new PostAccumulator(publishedDay, null);
  for (const d of byDay(daily)) acc.add(d.day, d.pageViews, d.botHits);
  const c = acc.curve();
  return new Map(CURVE_AGES.map((a, i) => [a, c[i]]));
}
