/**
 * Shapes the overview's chart data from plain rows: publish-aligned curves (median and IQR band per cohort), views
 * over calendar time by cohort, posts published per month, the word-count scatter and the strip plot. Pure; every
 * series carries its n so the charts can state it.
 */
import type { CohortKey } from './cohorts';
import { addDays, type Coverage, CURVE_AGES, coveredFirstDays } from './metrics';
import type { DayRange } from './overview-params';
import { mulberry32 } from './random';
import { iqr } from './stats';
import type { AuthorshipLabel } from './types';

/** One age on the publish-aligned chart: per cohort the median, the [q1, q3] band and the n of posts at that age. */
export type CurvePoint = { age: number } & Record<string, number | [number, number] | null>;

/**
 * Median and IQR of cumulative page views at each of CURVE_AGES per cohort, over the posts whose first `age` days
 * the data covers (a younger post drops out of the later ages instead of counting as flat). `points` are
 * `[postId, age, cumViews]`; points of posts not in `posts` are ignored.
 */
export function curveSeries(
  posts: readonly { id: number; cohort: CohortKey; publishedDay: string | null }[],
  points: readonly (readonly [number, number, number])[],
  cohorts: CohortKey[],
  cov: Coverage,
): CurvePoint[] {
  const byPost = new Map(
    posts.map((p) => [p.id, { cohort: p.cohort, covered: coveredFirstDays(p.publishedDay, cov) }]),
  );
  const values = new Map<string, number[]>();
  for (const [postId, age, cumViews] of points) {
    const p = byPost.get(postId);
    if (!p || age > p.covered) continue;
    const key = `${p.cohort}|${age}`;
    const list = values.get(key);
    if (list) list.push(cumViews);
    else values.set(key, [cumViews]);
  }
  return curveRows(cohorts, (c, age) => values.get(`${c}|${age}`) ?? []);
}

/**
 * {@link curveSeries} from one row per post: `[postId, cum at CURVE_AGES[0], cum at CURVE_AGES[1], ...]` (the
 * overview's post_curve_rows), without a triple per age. Same numbers.
 */
export function curveSeriesFromRows(
  posts: readonly { id: number; cohort: CohortKey; publishedDay: string | null }[],
  rows: readonly (readonly number[])[],
  cohorts: CohortKey[],
  cov: Coverage,
): CurvePoint[] {
  const byPost = new Map(posts.map((p) => [p.id, p]));
  const values = new Map<CohortKey, number[][]>(cohorts.map((c) => [c, CURVE_AGES.map(() => [])]));
  for (const r of rows) {
    const p = byPost.get(r[0]);
    const lists = p && values.get(p.cohort);
    if (!p || !lists) continue;
    const covered = coveredFirstDays(p.publishedDay, cov);
    for (let i = 0; i < CURVE_AGES.length && CURVE_AGES[i] <= covered; i++) lists[i].push(r[i + 1]);
  }
  return curveRows(cohorts, (c, _age, i) => values.get(c)?.[i] ?? []);
}

/** The chart rows from each cohort's values at each age; ages where no cohort has a value are left out. */
function curveRows(cohorts: CohortKey[], valuesAt: (c: CohortKey, age: number, i: number) => number[]): CurvePoint[] {
  const out: CurvePoint[] = [];
  CURVE_AGES.forEach((age, i) => {
    const row: CurvePoint = { age };
    let any = false;
    for (const c of cohorts) {
      const v = valuesAt(c, age, i);
      const q = iqr(v);
      row[`${c}:median`] = q?.median ?? null;
      row[`${c}:band`] = q ? [q.q1, q.q3] : null;
      row[`${c}:n`] = v.length;
      if (q) any = true;
    }
    if (any) out.push(row);
  });
  return out;
}

/** One bucket (day or month) of views by cohort; `previous` is the total of the bucket at the same offset before. */
export type CalendarRow = { bucket: string; total: number; previous?: number } & Record<string, number | string>;

/** Every bucket of the range in order: days, or months (`YYYY-MM`). */
export function bucketsOf(range: DayRange, unit: 'day' | 'month'): string[] {
  const out: string[] = [];
  if (unit === 'day') {
    for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
    return out;
  }
  for (let m = range.from.slice(0, 7); m <= range.to.slice(0, 7); ) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}

/**
 * Views per bucket stacked by cohort, every bucket of the range present (zeros included). Rows carry the author's
 * label; `cohortOfLabel` maps it to the cohort shown (split or not). With `previous`, each bucket also gets the
 * previous period's total at the same position (bucket i of the previous range).
 */
export function calendarSeries(
  rows: readonly { bucket: string; label: AuthorshipLabel | null; pageViews: number }[],
  cohortOfLabel: (label: AuthorshipLabel | null) => CohortKey,
  cohorts: CohortKey[],
  buckets: string[],
  previous?: { rows: readonly { bucket: string; pageViews: number }[]; buckets: string[] },
): CalendarRow[] {
  const index = new Map(buckets.map((b, i) => [b, i]));
  const out: CalendarRow[] = buckets.map((bucket) => {
    const r: CalendarRow = { bucket, total: 0 };
    for (const c of cohorts) r[c] = 0;
    return r;
  });
  for (const r of rows) {
    const i = index.get(r.bucket);
    if (i === undefined) continue;
    const c = cohortOfLabel(r.label);
    out[i][c] = ((out[i][c] as number | undefined) ?? 0) + r.pageViews;
    out[i].total += r.pageViews;
  }
  if (previous) {
    const pIndex = new Map(previous.buckets.map((b, i) => [b, i]));
    for (const row of out) row.previous = 0;
    for (const r of previous.rows) {
      const i = pIndex.get(r.bucket);
      if (i !== undefined && i < out.length) out[i].previous = (out[i].previous ?? 0) + r.pageViews;
    }
  }
  return out;
}

/** Posts published per month (`YYYY-MM`) by cohort, months without posts included between the first and last. */
export function publishedPerMonth(
  posts: readonly { cohort: CohortKey; publishedDay: string | null }[],
  cohorts: CohortKey[],
): ({ month: string } & Record<string, number | string>)[] {
  const dated = posts.filter((p) => p.publishedDay);
  if (dated.length === 0) return [];
  // The first and last month by one pass (the days are YYYY-MM-DD, so they compare as strings).
  let first = dated[0].publishedDay as string;
  let last = first;
  for (const p of dated) {
    const d = p.publishedDay as string;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const buckets = bucketsOf({ from: `${first.slice(0, 7)}-01`, to: `${last.slice(0, 7)}-01` }, 'month');
  const rows = buckets.map((month) => ({ month, ...Object.fromEntries(cohorts.map((c) => [c, 0])) }));
  const index = new Map(buckets.map((b, i) => [b, i]));
  for (const p of dated) {
    const row = rows[index.get(p.publishedDay!.slice(0, 7))!] as Record<string, number | string>;
    row[p.cohort] = (row[p.cohort] as number) + 1;
  }
  return rows;
}

/**
 * At most `max` items, chosen evenly by a seeded shuffle so the same data always give the same picture. Used to keep
 * strip and scatter plots readable with thousands of posts; the caption states both numbers.
 */
export function sampleEvenly<T>(items: readonly T[], max: number, seed = 1): T[] {
  if (items.length <= max) return [...items];
  const rand = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, max);
}

/** Deterministic horizontal jitter in [-0.3, 0.3] for the i-th point of a strip plot. */
export function jitter(i: number): number {
  return ((((i * 2654435761) >>> 0) % 1000) / 1000 - 0.5) * 0.6;
}
