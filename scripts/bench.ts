/**
 * `npm run bench`: is Tend fast at the size of a large blog? Generates data with a fixed seed, measures the import,
 * the pages' queries, the built app's response times under sequential requests and under load, the JavaScript sent
 * to the browser and the import's peak memory; prints each number with its unit, its ratio to a baseline measured
 * in the same run and its target (met/MISSED); writes the results as JSON and compares them with the previous run.
 *
 * Usage: npm run bench [-- --quick] [--out FILE] [--port 3099] [--dist .next-bench] [--build | --no-build]
 *                       [--only LIST] [--profile] [--keep] [--data DIR] [--strict]
 *   --quick        small data (under a minute); the server part runs only when a build exists (or with --build)
 *   --out FILE     results JSON (default bench-results/latest.json, or latest-quick.json with --quick)
 *   --dist DIR     Next dist folder for the build measured (default $NEXT_DIST_DIR or .next-bench)
 *   --build        rebuild even if a build exists; --no-build never builds (a full run builds when none exists)
 *   --only LIST    run only these sections, comma-separated: queries, import, nightly, server
 *   --profile      one more import run under --cpu-prof; prints the hottest functions
 *   --keep         keep the generated data (printed path) instead of deleting it
 *   --data DIR     reuse the data a --keep run left in DIR (same mode) instead of generating it
 *   --strict       exit 2 when a target is missed
 * Exit codes: 0 measured (targets may be missed, see the report), 1 the bench itself failed, 2 missed (--strict).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../db/client';
import { asBenchResults, type BenchResults, comparable, compareRuns, formatChange } from '../lib/bench/compare';
import { formatMetric } from '../lib/bench/summary';
import { type BenchContext, FULL, QUICK } from './bench/context';
import { generateData, reuseData } from './bench/data';
import { benchImport, benchNightly } from './bench/run-import';
import { benchJavaScript } from './bench/run-js';
import { benchQueries } from './bench/run-queries';
import { benchLoad, benchResponses } from './bench/run-server';
import { ensureBuild, startServer } from './bench/server';

const SECTIONS = ['queries', 'import', 'nightly', 'server'];
const HELP = fs
  .readFileSync(__filename, 'utf8')
  .split('*/')[0]
  .replace(/^\/\*\*?|^ \* ?/gm, '')
  .trim();

function envFacts(root: string): BenchResults['env'] {
  const git = (cmd: string) => {
    try {
      return execSync(cmd, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryBytes: os.totalmem(),
    loadAvg1mAtStart: Number(os.loadavg()[0].toFixed(2)),
    gitCommit: git('git rev-parse --short HEAD'),
    gitDirty: git('git status --porcelain') ? 1 : 0,
  };
}

/** Run the sections in order; a failing section is recorded as skipped and the others still run. */
async function section(ctx: BenchContext, name: string, fn: () => Promise<void>): Promise<void> {
  const from = ctx.metrics.length;
  try {
    await fn();
  } catch (err) {
    ctx.skipped.push({ section: name, reason: (err as Error).message.split('\n')[0].slice(0, 400) });
    console.log(`\n${name}: FAILED: ${(err as Error).message.slice(0, 2000)}`);
    return;
  }
  console.log(`\n${name}`);
  for (const m of ctx.metrics.slice(from)) console.log(`  ${formatMetric(m)}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      out: { type: 'string' },
      port: { type: 'string', default: '3099' },
      dist: { type: 'string', default: process.env.NEXT_DIST_DIR || '.next-bench' },
      build: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      only: { type: 'string' },
      data: { type: 'string' },
      profile: { type: 'boolean' },
      keep: { type: 'boolean' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = path.resolve(__dirname, '..');
  const mode = values.quick ? 'quick' : 'full';
  const out = path.resolve(
    values.out ?? path.join('bench-results', mode === 'quick' ? 'latest-quick.json' : 'latest.json'),
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    throw new Error(`--port: expected 1024..65535, got ${values.port}`);
  const ctx: BenchContext = {
    mode,
    sizes: mode === 'quick' ? QUICK : FULL,
    dir: values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-')),
    root,
    metrics: [],
    skipped: [],
    data: {},
    log: (msg) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`),
    profileDir: values.profile ? path.join(path.dirname(out), 'profiles') : null,
  };
  const started = new Date();
  const env = envFacts(root);
  console.log(
    `Tend bench (${mode}), ${env.cpus} CPUs, load average ${env.loadAvg1mAtStart}, node ${env.node}, data in ${ctx.dir}`,
  );
  const t0 = performance.now();
  try {
    let generated: Awaited<ReturnType<typeof generateData>> | null = null;
    await section(ctx, 'Data (fixed seed)', async () => {
      generated = values.data ? reuseData(ctx) : await generateData(ctx);
    });
    const data = generated as Awaited<ReturnType<typeof generateData>> | null;
    if (!data) throw new Error('could not generate the bench data (see above)');
    const only = new Set((values.only ?? 'queries,import,nightly,server').split(',').map((x) => x.trim()));
    for (const name of only)
      if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section "${name}" (use ${SECTIONS.join(', ')})`);
    if (only.has('queries'))
      await section(ctx, '(b) Queries of the overview, posts and post pages', async () => {
        const db = openDb(data.bigDb);
        try {
          await benchQueries(ctx, db);
        } finally {
          db.$client.close();
        }
      });
    if (only.has('import'))
      await section(ctx, '(a, e) Access-log import and its memory', () =>
        benchImport(ctx, data.importTemplate, data.log, data.memLog),
      );
    if (only.has('nightly'))
      await section(ctx, 'Nightly import on the big database', () => benchNightly(ctx, data.bigDb, data.dayLog));
    if (only.has('server'))
      await benchServer(ctx, data.bigDb, {
        distDir: values.dist as string,
        port,
        build: !!values.build,
        noBuild: !!values['no-build'] || (mode === 'quick' && !values.build),
      });
  } finally {
    if (values.keep || values.data) console.log(`\ngenerated data kept in ${ctx.dir} (reuse: --data ${ctx.dir})`);
    else fs.rmSync(ctx.dir, { recursive: true, force: true });
  }

  const results: BenchResults = {
    version: 1,
    startedAt: started.toISOString(),
    mode,
    env: {
      ...env,
      loadAvg1mAtEnd: Number(os.loadavg()[0].toFixed(2)),
      wallSeconds: Math.round((performance.now() - t0) / 1000),
    },
    sizes: ctx.data,
    metrics: ctx.metrics,
    skipped: ctx.skipped,
  };
  report(results, out);
  return values.strict && results.metrics.some((m) => m.met === false) ? 2 : 0;
}

async function benchServer(ctx: BenchContext, dbFile: string, o: Parameters<typeof ensureBuild>[1]): Promise<void> {
  let buildMs: number | null = null;
  try {
    buildMs = ensureBuild(ctx, o);
  } catch (err) {
    ctx.skipped.push({ section: 'server', reason: (err as Error).message.slice(0, 400) });
    console.log(`\nserver: build FAILED: ${(err as Error).message.slice(0, 3000)}`);
    return;
  }
  if (buildMs === null) {
    ctx.skipped.push({ section: 'server', reason: `no build in ${o.distDir} (quick runs do not build: add --build)` });
    return;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(ctx, o, dbFile);
  } catch (err) {
    ctx.skipped.push({ section: 'server', reason: (err as Error).message.slice(0, 400) });
    console.log(`\nserver: could not start: ${(err as Error).message.slice(0, 3000)}`);
    return;
  }
  try {
    const db = openDb(dbFile);
    const top = db.$client
      .prepare('select post_id as id from daily_views group by post_id order by sum(page_views) desc limit 1')
      .get() as { id: number };
    db.$client.close();
    await section(ctx, '(c) Server response time (built app, sequential requests)', () =>
      benchResponses(ctx, server.base, top.id, server.cpuMs),
    );
    await section(ctx, '(c) Load test (autocannon, 127.0.0.1)', () => benchLoad(ctx, server.base));
    await section(ctx, '(d) JavaScript sent to the browser', () => benchJavaScript(ctx, server.base, top.id));
  } finally {
    await server.stop();
  }
}

/** Print the targets' verdicts and the comparison with the previous results; write the new results. */
function report(results: BenchResults, out: string): void {
  const targets = results.metrics.filter((m) => m.target);
  const missed = targets.filter((m) => !m.met);
  console.log(
    `\nTargets: ${targets.length - missed.length} of ${targets.length} met${results.mode === 'quick' ? ' (quick run: smaller data than the targets are set for)' : ''}`,
  );
  for (const m of missed) console.log(`  - ${formatMetric(m)}`);
  for (const s of results.skipped) console.log(`  skipped ${s.section}: ${s.reason}`);
  let previous: BenchResults | null = null;
  try {
    previous = asBenchResults(JSON.parse(fs.readFileSync(out, 'utf8')));
  } catch {
    // no previous run
  }
  if (previous) {
    const why = comparable(previous, results);
    console.log(
      `\nCompared with the previous run (${previous.startedAt}, ${previous.env.gitCommit ?? 'unknown commit'}):`,
    );
    if (why) console.log(`  not compared: ${why}`);
    else
      for (const c of compareRuns(previous, results))
        if (!c.key.startsWith('data.') || c.verdict !== 'same') console.log(`  ${formatChange(c)}`);
  } else console.log(`\nNo previous results in ${out} to compare with.`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${out}`);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
