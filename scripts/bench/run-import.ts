/**
 * Bench section (a) and (e): the access-log import end to end, against a plain read of the file and GoAccess,
 * and its peak memory for two log sizes. Every run is a fresh child process on a fresh copy of the database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type CpuProfile, hotFunctions } from '../../lib/bench/cpu-profile';
import { formatValue, metric, summarize } from '../../lib/bench/summary';
import { type BenchContext, inDir, runTsChild } from './context';

const CHILD = 'scripts/bench/import-child.ts';

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssBytes: number;
  lines: number;
  summary?: { read: number; imported: number; bot: number; unmatched: number; rejected: number };
}

/** Median of `runs` child runs, with each run's result kept (for memory). */
async function repeat(ctx: BenchContext, runs: number, args: string[]): Promise<ChildResult[]> {
  const out: ChildResult[] = [];
  for (let i = 0; i < runs; i++) out.push(await runTsChild<ChildResult>(ctx, CHILD, args));
  return out;
}

/** GoAccess's wall time on the file (its own JSON report to a temp file), or null when it is not installed. */
function goaccessMs(ctx: BenchContext, log: string): number | null {
  const which = spawnSync('sh', ['-c', 'command -v goaccess'], { encoding: 'utf8' });
  if (which.status !== 0) return null;
  const t = performance.now();
  const r = spawnSync(
    'goaccess',
    [log, '--log-format=COMBINED', '--no-global-config', '--no-progress', '-o', inDir(ctx, 'goaccess.json')],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`goaccess exited with ${r.status}: ${r.stderr.slice(-500)}`);
  return ms;
}

/**
 * Import `log` into copies of `template` `sizes.importRuns` times; compare with readline and GoAccess; then the
 * memory of the smaller log. `memLog` is the smaller log (same posts and days, fewer lines).
 */
export async function benchImport(ctx: BenchContext, template: string, log: string, memLog: string): Promise<void> {
  const { sizes } = ctx;
  const runDb = inDir(ctx, 'import-run.db');
  const lines = `${(sizes.logLines / 1e6).toLocaleString('en-US')}M`;
  ctx.log(`import: ${sizes.importRuns} runs of ${lines} lines through importViewsFile...`);
  const baseRuns = await repeat(ctx, 3, ['readline', log]);
  const runs = await repeat(ctx, sizes.importRuns, ['import', template, runDb, log]);
  const imp = summarize(runs.map((r) => r.ms));
  const base = summarize(baseRuns.map((r) => r.ms));
  const s = runs[0].summary;
  const note = s
    ? `read ${s.read.toLocaleString('en-US')} lines, ${s.imported.toLocaleString('en-US')} page views, ${s.bot.toLocaleString('en-US')} bot hits, ${s.unmatched.toLocaleString('en-US')} unmatched, ${s.rejected} rejected`
    : undefined;
  // The target is 2.0 s for a million lines; a quick run scales it to its line count.
  const targetMs = (2000 * sizes.logLines) / 1_000_000;
  const targetText = `≤ ${formatValue(targetMs, 'ms')}${ctx.mode === 'quick' ? ' (2.0 s per 1M lines, scaled)' : ''}`;
  ctx.metrics.push(
    metric({
      key: 'import.log.median',
      label: `import ${lines}-line access log, median of ${imp.n}`,
      value: imp.median,
      unit: 'ms',
      cpuMs: summarize(runs.map((r) => r.cpuMs)).median,
      baseline: { label: 'node readline line count', value: base.median },
      target: { max: targetMs, text: targetText },
      note,
    }),
    metric({ key: 'import.log.p95', label: `import ${lines}-line access log, p95`, value: imp.p95, unit: 'ms' }),
    metric({
      key: 'import.log.lines_per_s',
      label: 'import throughput',
      value: (sizes.logLines / imp.median) * 1000,
      unit: 'lines/s',
    }),
  );
  try {
    const ga = goaccessMs(ctx, log);
    if (ga === null)
      ctx.skipped.push({
        section: 'import vs GoAccess',
        reason: 'goaccess is not installed (apt-get install -y goaccess)',
      });
    else
      ctx.metrics.push(
        metric({
          key: 'import.goaccess',
          label: 'GoAccess on the same file (JSON report), one run',
          value: ga,
          unit: 'ms',
          baseline: { label: 'Tend import median', value: imp.median },
          note: `Tend is ${(ga / imp.median).toFixed(2)}× as fast as GoAccess`,
        }),
      );
  } catch (err) {
    ctx.skipped.push({ section: 'import vs GoAccess', reason: (err as Error).message });
  }

  ctx.log('import memory: smaller log...');
  const small = await repeat(ctx, 2, ['import', template, runDb, memLog]);
  const smallBase = await repeat(ctx, 1, ['readline', memLog]);
  const rssSmall = Math.min(...small.map((r) => r.maxRssBytes));
  const rssBig = Math.min(...runs.map((r) => r.maxRssBytes));
  const memLines = `${(sizes.memLines / 1000).toLocaleString('en-US')}k`;
  const sizeBig = fs.statSync(log).size;
  const sizeSmall = fs.statSync(memLog).size;
  ctx.metrics.push(
    metric({
      key: 'import.rss.small',
      label: `import peak memory, ${memLines}-line log (${formatValue(sizeSmall, 'bytes')})`,
      value: rssSmall,
      unit: 'bytes',
      baseline: { label: 'readline of the same file', value: smallBase[0].maxRssBytes },
    }),
    metric({
      key: 'import.rss.large',
      label: `import peak memory, ${lines}-line log (${formatValue(sizeBig, 'bytes')})`,
      value: rssBig,
      unit: 'bytes',
      baseline: { label: 'readline of the same file', value: Math.min(...baseRuns.map((r) => r.maxRssBytes)) },
    }),
    metric({
      key: 'import.rss.growth',
      label: `import peak memory growth for ${(sizes.logLines / sizes.memLines).toFixed(0)}× the lines`,
      value: rssBig / rssSmall,
      unit: 'ratio',
      target: { max: 1.5, text: '≤ 1.5× (flat: streaming, not reading the whole file)' },
      note: `${formatValue(rssBig - rssSmall, 'bytes')} more for ${formatValue(sizeBig - sizeSmall, 'bytes')} more log`,
    }),
  );
  if (ctx.profileDir) await profileImport(ctx, template, runDb, log);
}

/**
 * The nightly sync's cost on a big blog: one day of log (after the big database's last day) imported into a copy
 * of the big database, summaries recomputed as every import does. No target in the issue: reported for the record.
 */
export async function benchNightly(ctx: BenchContext, bigDb: string, dayLog: string): Promise<void> {
  ctx.log('import: one day of log into the big database (nightly sync)...');
  const runs = await repeat(ctx, 2, ['import', bigDb, inDir(ctx, 'nightly-run.db'), dayLog]);
  const s = summarize(runs.map((r) => r.ms));
  const lines = runs[0].lines.toLocaleString('en-US');
  const rows = (ctx.data.dailyRows ?? 0).toLocaleString('en-US');
  ctx.metrics.push(
    metric({
      key: 'import.nightly.median',
      label: `nightly import: one day (${lines} lines) into the database of ${rows} daily rows, median of ${s.n}`,
      value: s.median,
      unit: 'ms',
      baseline: {
        label: 'the big-log import median',
        value: ctx.metrics.find((m) => m.key === 'import.log.median')?.value ?? 0,
      },
    }),
  );
}

/** One extra import run under `--cpu-prof`; prints the functions with the most self time. */
async function profileImport(ctx: BenchContext, template: string, runDb: string, log: string): Promise<void> {
  const dir = ctx.profileDir as string;
  fs.mkdirSync(dir, { recursive: true });
  const before = new Set(fs.readdirSync(dir));
  await runTsChild(ctx, CHILD, ['import', template, runDb, log], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  // One file per thread (tsx's loader runs in a worker): the main thread's is the biggest.
  const file = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0];
  if (!file) return;
  const hot = hotFunctions(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, 15);
  console.log(`\nImport CPU profile (${path.join(dir, file)}), top self time:`);
  for (const h of hot)
    console.log(
      `  ${h.selfMs.toFixed(0).padStart(6)} ms self ${h.totalMs.toFixed(0).padStart(6)} ms total  ${h.name} ${h.where}`,
    );
}
