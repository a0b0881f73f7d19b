/**
 * The JSON results of `npm run bench` and the comparison of one run with the previous one. Pure: the caller reads
 * and writes the files.
 */
import { formatValue, type Metric, type Unit } from './summary';

/** What `npm run bench` writes (bench-results/latest.json by default). */
export interface BenchResults {
  /** Format version of this file; bump when keys change meaning. */
  version: 1;
  /** ISO 8601 UTC time the run started. */
  startedAt: string;
  mode: 'full' | 'quick';
  /** Machine and code facts that explain differences between runs (cpus, load average, node, git commit). */
  env: Record<string, string | number | null>;
  /** Sizes of the generated data (posts, daily rows, log lines, ...). */
  sizes: Record<string, number>;
  metrics: Metric[];
  /** Sections that could not run (GoAccess missing, build failed, ...), with the reason. */
  skipped: { section: string; reason: string }[];
}

/** Units where a smaller number is better (times, sizes); for the others (req/s) a larger one is. */
const LOWER_IS_BETTER: Record<Unit, boolean> = {
  ms: true,
  bytes: true,
  count: true,
  ratio: true,
  'req/s': false,
  'lines/s': false,
};

/** One metric of the current run against the previous run. `change` is (now - before) / before, a fraction. */
export interface MetricChange {
  key: string;
  label: string;
  unit: Unit;
  before: number;
  now: number;
  change: number;
  /** `better`/`worse` only when the change passes `threshold`; otherwise `same`. */
  verdict: 'better' | 'worse' | 'same';
}

/**
 * Compare two runs metric by metric (by `key`). Metrics missing from either run are left out. Runs of different
 * modes (quick vs full) measure different sizes: the caller should not compare them (see {@link comparable}).
 * @param threshold relative change under which a difference counts as noise (default 10%).
 */
export function compareRuns(before: BenchResults, now: BenchResults, threshold = 0.1): MetricChange[] {
  const prev = new Map(before.metrics.map((m) => [m.key, m]));
  const out: MetricChange[] = [];
  for (const m of now.metrics) {
    const p = prev.get(m.key);
    if (!p || p.unit !== m.unit || p.value === 0) continue;
    const change = (m.value - p.value) / p.value;
    const improved = LOWER_IS_BETTER[m.unit] ? change < 0 : change > 0;
    const verdict = Math.abs(change) < threshold ? 'same' : improved ? 'better' : 'worse';
    out.push({ key: m.key, label: m.label, unit: m.unit, before: p.value, now: m.value, change, verdict });
  }
  return out;
}

/** Null when two runs can be compared, else the reason they cannot (other mode, other file version). */
export function comparable(before: BenchResults, now: BenchResults): string | null {
  if (before.version !== now.version) return `the previous results are format version ${before.version}`;
  if (before.mode !== now.mode) return `the previous run was a ${before.mode} run, this one is ${now.mode}`;
  return null;
}

/** One line per change: `label: 1.92 s -> 1.71 s (-10.9%, better)`. */
export function formatChange(c: MetricChange): string {
  const pct = `${c.change >= 0 ? '+' : ''}${(c.change * 100).toFixed(1)}%`;
  return `${c.label}: ${formatValue(c.before, c.unit)} -> ${formatValue(c.now, c.unit)} (${pct}, ${c.verdict})`;
}

/**
 * Check the shape of a parsed results file well enough to compare with it.
 * @returns the results, or null when the value is not a bench results file (then there is nothing to compare).
 */
export function asBenchResults(v: unknown): BenchResults | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Partial<BenchResults>;
  if (r.version !== 1 || !Array.isArray(r.metrics) || (r.mode !== 'full' && r.mode !== 'quick')) return null;
  const ok = r.metrics.every(
    (m) => m && typeof m.key === 'string' && typeof m.value === 'number' && typeof m.unit === 'string',
  );
  return ok ? (r as BenchResults) : null;
}
