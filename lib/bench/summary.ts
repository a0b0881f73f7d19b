/**
 * Pure helpers for `npm run bench`: summarize repeated timings, turn them into metrics with a unit, a baseline
 * ratio and a target verdict, and format them for the terminal. No I/O here.
 */
import { median, quantile } from '../stats';

/** Units a bench metric can carry. Times in milliseconds, sizes in bytes, rates per second, ratios as factors. */
export type Unit = 'ms' | 'bytes' | 'req/s' | 'lines/s' | 'count' | 'ratio';

/** Several runs of one measurement, reduced. `p95` is the R-type-7 95th percentile; all in the samples' unit. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * Median, p95, min and max of `samples`.
 * @throws Error when `samples` is empty (a bench that measured nothing is a bug, not a zero).
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  return {
    n: samples.length,
    median: median(samples) as number,
    p95: quantile(samples, 0.95) as number,
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** A target: the metric's value must be at most (`max`) or at least (`min`) this number, in the metric's unit. */
export interface Target {
  max?: number;
  min?: number;
  /** How the target reads in the report (`≤ 2.0 s`). */
  text: string;
}

/** One number of the report, as written to the JSON results. */
export interface Metric {
  /** Stable key, used to compare runs (`import.1m.median`). */
  key: string;
  label: string;
  value: number;
  unit: Unit;
  /** The same-run baseline this is compared with, in the same unit, and its name. */
  baseline?: { label: string; value: number };
  /** value / baseline.value, when a baseline exists and is not zero. */
  ratio?: number;
  target?: Target;
  /**
   * CPU time (user + system, ms) the measured work took, median, when it was measured: on a busy machine the wall
   * time includes waiting for a core, the CPU time does not (it is about what the wall time would be on an idle one).
   */
  cpuMs?: number;
  /** Whether the target is met; absent when there is no target. */
  met?: boolean;
  note?: string;
}

/** Build a metric: computes the ratio against the baseline and the verdict against the target. */
export function metric(m: Omit<Metric, 'ratio' | 'met'>): Metric {
  const out: Metric = { ...m };
  if (m.baseline && m.baseline.value !== 0) out.ratio = m.value / m.baseline.value;
  if (m.target) out.met = meets(m.value, m.target);
  return out;
}

/** True when `value` satisfies the target's bounds (both ends inclusive). */
export function meets(value: number, t: Target): boolean {
  if (t.max !== undefined && value > t.max) return false;
  if (t.min !== undefined && value < t.min) return false;
  return true;
}

/** A value with its unit for people: `1.84 s`, `12.3 ms`, `0.412 ms`, `41.0 µs`, `213.4 KB`, `1,234 req/s`, `3.20×`. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
      if (value >= 10) return `${value.toFixed(1)} ms`;
      if (value >= 1) return `${value.toFixed(2)} ms`;
      if (value >= 0.1) return `${value.toFixed(3)} ms`;
      return `${(value * 1000).toFixed(1)} µs`;
    case 'bytes':
      if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
      if (value >= 1024) return `${(value / 1024).toFixed(1)} KB`;
      return `${Math.round(value)} B`;
    case 'req/s':
    case 'lines/s':
      return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1)} ${unit}`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

/** One report line: label, value, ratio to the baseline, and the target with met/MISSED. */
export function formatMetric(m: Metric): string {
  const parts = [
    `${m.label}: ${formatValue(m.value, m.unit)}${m.cpuMs === undefined ? '' : ` (CPU ${formatValue(m.cpuMs, 'ms')})`}`,
  ];
  if (m.baseline)
    parts.push(
      `(${m.ratio === undefined ? 'n/a' : `${formatRatio(m.ratio)}`} of ${m.baseline.label} ${formatValue(m.baseline.value, m.unit)})`,
    );
  if (m.target) parts.push(`target ${m.target.text}: ${m.met ? 'met' : 'MISSED'}`);
  if (m.note) parts.push(`[${m.note}]`);
  return parts.join('  ');
}

/** A ratio as `12.3×`, `0.42×` or `0.0029×`: two significant digits at least. */
export function formatRatio(r: number): string {
  if (r >= 100) return `${Math.round(r).toLocaleString('en-US')}×`;
  if (r >= 10) return `${r.toFixed(1)}×`;
  if (r >= 0.1 || r === 0) return `${r.toFixed(2)}×`;
  return `${r.toPrecision(2)}×`;
}
