/**
 * The shape every analytics-export parser returns (daily rows, period totals, site totals), and the small helpers
 * they share: count cells with locale-aware grouping, path + kind of a page cell, summing repeated rows.
 */
import { classifyPath, normalizePath } from '../paths';
import type { DailyPathViews, PathKind, Reject } from '../types';
import { type NumberStyle, parseCountOrReason } from './numbers';
import type { Period, PeriodPathViews } from './period';

/** Site-wide page views (and visitors) of one day, from sources that state them; for comparison, not per post. */
export interface SiteDay {
  day: string;
  pageViews: number;
  visitors: number | null;
}

/** What an export parser found. Exactly one of `daily` / `periodRows` is usually non-empty. */
export interface ParsedExport {
  /** Source name stored with the rows (`plausible`, `ga4`, `matomo`, ...): exports of one source replace each other. */
  source: string;
  /** Per-day numbers per path. */
  daily: DailyPathViews[];
  /** Totals per path over `period`, never spread into days. */
  periodRows: PeriodPathViews[];
  /** The days the file covers (stated by the file or the author); null = the range of the daily rows. */
  period: Period | null;
  siteDays: SiteDay[];
  rejects: Reject[];
  warnings: Reject[];
  skipped: Record<string, number>;
  /** Data rows read (header, totals and comment lines excluded). */
  read: number;
  /** Plain-English notes for the summary (what the numbers mean, e.g. Umami's visitors). */
  notes: string[];
}

/** Options every export parser takes. */
export interface ExportOptions {
  /** File name for rejects and for periods stated in the name. */
  file: string;
  /** IANA zone for sources with timestamps (GoatCounter); dated exports are already in the site's days. */
  timeZone?: string;
  /** Digit grouping of the numbers (from `--locale`); default: see ./numbers.ts. */
  numbers?: NumberStyle;
  /** The period the author says the file covers (`--period`); overrides what the file says. */
  period?: Period;
}

/** An empty result for a source. */
export function emptyExport(source: string): ParsedExport {
  return {
    source,
    daily: [],
    periodRows: [],
    period: null,
    siteDays: [],
    rejects: [],
    warnings: [],
    skipped: {},
    read: 0,
    notes: [],
  };
}

/** Normalized path and kind of a page cell (a path or a full URL). */
export function pageOf(raw: string): { path: string; kind: PathKind } {
  const path = normalizePath(raw);
  return { path, kind: classifyPath(path, raw) };
}

/** A count cell, or the reason it is not one (named by column). Empty cells are 0 when `emptyIsZero`. */
export function countOf(raw: string, column: string, style?: NumberStyle, emptyIsZero = false): number | string {
  if (raw.trim() === '' && emptyIsZero) return 0;
  const n = parseCountOrReason(raw, style);
  return typeof n === 'number' ? n : `${column}: ${n}`;
}

/** Accumulates period rows, summing repeated (path, kind) pairs (null stays null only when every part is null). */
export class PeriodAccumulator {
  private readonly byKey = new Map<string, PeriodPathViews>();

  add(raw: string, pageViews: number | null, visitors: number | null): void {
    const { path, kind } = pageOf(raw);
    const key = `${kind}\t${path}`;
    const prev = this.byKey.get(key);
    if (!prev) this.byKey.set(key, { path, kind, pageViews, visitors });
    else {
      prev.pageViews = sumNullable(prev.pageViews, pageViews);
      prev.visitors = sumNullable(prev.visitors, visitors);
    }
  }

  rows(): PeriodPathViews[] {
    return [...this.byKey.values()];
  }
}

/** Accumulates daily rows, summing repeated (day, path, kind). */
export class DailyAccumulator {
  private readonly byKey = new Map<string, DailyPathViews>();

  add(day: string, raw: string, pageViews: number, visitors: number | null, botHits = 0): void {
    const { path, kind } = pageOf(raw);
    const key = `${day}\t${kind}\t${path}`;
    const prev = this.byKey.get(key);
    if (!prev) this.byKey.set(key, { day, path, kind, pageViews, visitors, botHits });
    else {
      prev.pageViews += pageViews;
      prev.botHits += botHits;
      prev.visitors = prev.visitors === null || visitors === null ? null : prev.visitors + visitors;
    }
  }

  rows(): DailyPathViews[] {
    return [...this.byKey.values()];
  }
}

function sumNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

/** `YYYYMMDD` or `YYYY-MM-DD` to `YYYY-MM-DD`, or null. */
export function isoDay(raw: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d ? d : null;
}

/** The range of some days, or null when there are none. */
export function rangeOfDays(days: Iterable<string>): Period | null {
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  for (const d of days) {
    if (firstDay === null || d < firstDay) firstDay = d;
    if (lastDay === null || d > lastDay) lastDay = d;
  }
  return firstDay && lastDay ? { firstDay, lastDay } : null;
}
