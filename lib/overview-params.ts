/**
 * The overview's URL state (`/?from=2024-01-01&to=2024-06-30&compare=1&split=1&metric=first30`), validated with
 * zod so a shared or hand-edited link either works or says which part was ignored. Pure.
 */
import { z } from 'zod';
import { addDays, daysBetween, METRIC_KEYS, type MetricKey } from './metrics';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The days a range may name: a typo such as `0202` for `2020` would otherwise ask for two thousand years of monthly
 * buckets (and, compared with the period before it, for dates before year 1, which never end).
 */
const FIRST_DAY = '1970-01-01';
const LAST_DAY = '2100-12-31';
const day = z
  .string()
  .regex(DAY_RE, 'must be a YYYY-MM-DD day')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && addDays(d, 0) === d, 'is not a calendar day')
  .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, `must be between ${FIRST_DAY} and ${LAST_DAY}`);
const flag = z.enum(['0', '1']).transform((v) => v === '1');

const fields = {
  from: day,
  to: day,
  compare: flag,
  split: flag,
  metric: z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]]),
} as const;

/** A closed range of days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface OverviewParams {
  /** The range picked, or null for "all data". */
  range: DayRange | null;
  /** Show the previous period of the same length beside every chart (needs a range). */
  compare: boolean;
  /** Split AI into assisted and generated. */
  split: boolean;
  /** The metric the sentence, the interval and the distribution chart are about. */
  metric: MetricKey;
}

export const DEFAULT_METRIC: MetricKey = 'first30';

type Raw = Record<string, string | string[] | undefined>;

/**
 * Parses the search params. Bad values are ignored one by one and reported in `errors` (shown on the page), so one
 * typo does not throw away the rest of a shared link. A range with only one end is completed with the data's
 * first or last day (`dataFirst`/`dataLast`); a reversed range is swapped.
 */
export function parseOverviewParams(
  sp: Raw,
  dataFirst: string | null,
  dataLast: string | null,
): { params: OverviewParams; errors: string[] } {
  const errors: string[] = [];
  const get = <K extends keyof typeof fields>(key: K): z.output<(typeof fields)[K]> | undefined => {
    const raw = sp[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') return undefined;
    const r = fields[key].safeParse(value);
    if (r.success) return r.data as z.output<(typeof fields)[K]>;
    errors.push(`ignored ${key}=${JSON.stringify(value)}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    return undefined;
  };
  let from = get('from') ?? null;
  let to = get('to') ?? null;
  if (from === null && to !== null) from = dataFirst && dataFirst <= to ? dataFirst : to;
  if (to === null && from !== null) to = dataLast && dataLast >= from ? dataLast : from;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    params: {
      range: from !== null && to !== null ? { from, to } : null,
      compare: get('compare') ?? false,
      split: get('split') ?? false,
      metric: get('metric') ?? DEFAULT_METRIC,
    },
    errors,
  };
}

/** The period of the same length that ends the day before `r` begins. */
export function previousRange(r: DayRange): DayRange {
  const len = daysBetween(r.from, r.to) + 1;
  return { from: addDays(r.from, -len), to: addDays(r.from, -1) };
}

/** Days in a range, both ends included. */
export function rangeDays(r: DayRange): number {
  return daysBetween(r.from, r.to) + 1;
}

/** The query string of `p` with `change` applied (defaults left out, so links stay short). */
export function overviewHref(p: OverviewParams, change: Partial<OverviewParams> = {}): string {
  const q = { ...p, ...change };
  const sp = new URLSearchParams();
  if (q.range) {
    sp.set('from', q.range.from);
    sp.set('to', q.range.to);
  }
  if (q.compare && q.range) sp.set('compare', '1');
  if (q.split) sp.set('split', '1');
  if (q.metric !== DEFAULT_METRIC) sp.set('metric', q.metric);
  const s = sp.toString();
  return s ? `/?${s}` : '/';
}

/** Quick picks relative to the newest data day: last 30 and 90 days, last 12 months, and each calendar year. */
export function rangePresets(dataFirst: string | null, dataLast: string | null): { label: string; range: DayRange }[] {
  if (!dataFirst || !dataLast) return [];
  const out = [
    { label: 'Last 30 days', range: { from: addDays(dataLast, -29), to: dataLast } },
    { label: 'Last 90 days', range: { from: addDays(dataLast, -89), to: dataLast } },
    { label: 'Last 12 months', range: { from: addDays(dataLast, -364), to: dataLast } },
  ];
  for (let y = Number(dataFirst.slice(0, 4)); y <= Number(dataLast.slice(0, 4)); y++) {
    out.push({ label: String(y), range: { from: `${y}-01-01`, to: `${y}-12-31` } });
  }
  return out;
}
