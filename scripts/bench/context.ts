/**
 * Shared state of one `npm run bench` run: the sizes for the mode, where the generated files live, and the list
 * of metrics and skipped sections each section adds to. Plus the child-process helper the sections use.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Metric } from '../../lib/bench/summary';

/** Data sizes and repetition counts of a run. */
export interface BenchSizes {
  /** Posts in the big database (queries, server). */
  posts: number;
  /** Days of daily views per post in the big database (rows = posts × days). */
  days: number;
  /** Posts the log's requests go to, and the import database holds. */
  logPosts: number;
  /** Lines of the access log imported end to end. */
  logLines: number;
  /** Days the log covers. */
  logDays: number;
  /** Lines of the smaller log for the memory comparison. */
  memLines: number;
  importRuns: number;
  queryRuns: number;
  httpRuns: number;
  /** Load test: connections and seconds per page. */
  loadConnections: number;
  loadSeconds: number;
}

export const FULL: BenchSizes = {
  posts: 5000,
  days: 730,
  logPosts: 2000,
  logLines: 1_000_000,
  logDays: 365,
  memLines: 250_000,
  importRuns: 5,
  queryRuns: 40,
  httpRuns: 40,
  loadConnections: 10,
  loadSeconds: 10,
};

export const QUICK: BenchSizes = {
  posts: 500,
  days: 365,
  logPosts: 200,
  logLines: 100_000,
  logDays: 365,
  memLines: 25_000,
  importRuns: 3,
  queryRuns: 15,
  httpRuns: 10,
  loadConnections: 5,
  loadSeconds: 3,
};

/** Fixed seed of every generator, so two runs measure the same data. */
export const SEED = 20260630;
/** Last day of the generated traffic (fixed, so results do not depend on today's date). */
export const END_DAY = '2026-06-30';

export interface BenchContext {
  mode: 'full' | 'quick';
  sizes: BenchSizes;
  /** Temporary folder for the generated databases and logs. */
  dir: string;
  /** The project root (where package.json is). */
  root: string;
  metrics: Metric[];
  skipped: { section: string; reason: string }[];
  /** Sizes of the generated data, for the results file. */
  data: Record<string, number>;
  /** Print a progress line (to stderr, so stdout stays the report). */
  log: (msg: string) => void;
  /** Save a CPU profile of the slowest section (set by --profile): folder for .cpuprofile files. */
  profileDir: string | null;
}

/** Path of a file in the bench's temporary folder. */
export function inDir(ctx: BenchContext, name: string): string {
  return path.join(ctx.dir, name);
}

/**
 * Run a TypeScript child (through tsx) and parse the last line of its stdout as JSON.
 * @param nodeArgs extra node flags (e.g. `--cpu-prof`).
 * @throws Error with the child's stderr when it exits non-zero or prints no JSON.
 */
export function runTsChild<T>(ctx: BenchContext, script: string, args: string[], nodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ctx.root, script), ...args], {
      cwd: ctx.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${err.trim().slice(-2000)}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}
