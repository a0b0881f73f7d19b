import { fmtStat } from '@/lib/cohorts';
import type { MetricKey } from '@/lib/metrics';

/** A metric's value as text: decay as a percentage, views per day to one decimal, the rest as counts. */
export function fmtMetric(metric: MetricKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (metric === 'decay') return `${Math.round(v * 100)}%`;
  return fmtStat(metric === 'viewsPerDay' ? Math.round(v * 10) / 10 : v);
}

/** Median with its interquartile range: "12 (4–30)". */
export function fmtMedianIqr(metric: MetricKey, s: { median: number | null; q1: number | null; q3: number | null }) {
  if (s.median === null) return '–';
  return `${fmtMetric(metric, s.median)} (${fmtMetric(metric, s.q1)}–${fmtMetric(metric, s.q3)})`;
}

/** Signed change against a previous number: "+12%" / "−30%", or "new" when the previous was 0. */
export function fmtChange(now: number, before: number | null): string {
  if (before === null) return '';
  if (before === 0) return now === 0 ? '±0%' : 'new';
  const pct = Math.round(((now - before) / before) * 100);
  return pct > 0 ? `+${pct}%` : pct < 0 ? `−${Math.abs(pct)}%` : '±0%';
}
