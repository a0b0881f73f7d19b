/**
 * Generates every input of a bench run into its temporary folder, with the fixed seed: the big database (posts ×
 * days of daily views, summaries recomputed), the import template (the log's posts, no traffic), and the logs.
 */
import fs from 'node:fs';
import { openDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { setSetting } from '../../db/settings';
import { metric } from '../../lib/bench/summary';
import { type BenchContext, END_DAY, inDir, SEED } from './context';
import { dayRange, recomputeSummaries, writeDailyViews } from './gen-daily';
import { writeAccessLogFile } from './gen-log';
import { generatePostRecords, writeBenchPosts } from './gen-posts';

/** Site time zone of the generated blog: not UTC, so day bucketing does real work. */
const TIME_ZONE = 'Europe/Berlin';

export interface BenchData {
  /** posts × days of daily views, summaries current. */
  bigDb: string;
  /** The log's posts, no traffic: each import run starts from a copy. */
  importTemplate: string;
  log: string;
  memLog: string;
  /** One day of log after the big database's last day, for the nightly-import measurement. */
  dayLog: string;
}

/** Open a new database file (removing an old one), migrated, site time zone set. */
function freshDb(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  migrate(db);
  setSetting(db, 'timeZone', TIME_ZONE);
  return db;
}

/** Close a database with its WAL folded into the main file, so a plain file copy is a consistent snapshot. */
function closeDb(db: ReturnType<typeof openDb>): void {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const MANIFEST = 'manifest.json';

function paths(ctx: BenchContext): BenchData {
  return {
    bigDb: inDir(ctx, 'bench.db'),
    importTemplate: inDir(ctx, 'import-template.db'),
    log: inDir(ctx, 'access.log'),
    memLog: inDir(ctx, 'access-small.log'),
    dayLog: inDir(ctx, 'access-day.log'),
  };
}

/**
 * Reuse the data a `--keep` run left in `ctx.dir` (its manifest must name the same sizes and seed), so a
 * developer can re-measure after a change without generating again. The summaries are recomputed with the current
 * code first, since the change may be in them.
 * @throws Error when the folder holds no data of this mode.
 */
export function reuseData(ctx: BenchContext): BenchData {
  const file = inDir(ctx, MANIFEST);
  const m = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
  if (!m || JSON.stringify(m.sizes) !== JSON.stringify(ctx.sizes) || m.seed !== SEED)
    throw new Error(`${ctx.dir}: no bench data of a ${ctx.mode} run with this seed (make it with --keep)`);
  Object.assign(ctx.data, m.data);
  const data = paths(ctx);
  const db = openDb(data.bigDb);
  migrate(db);
  const t = performance.now();
  const recomputed = recomputeSummaries(db);
  const ms = performance.now() - t;
  closeDb(db);
  ctx.metrics.push(recomputeMetric(ctx, ms, recomputed));
  return data;
}

function recomputeMetric(ctx: BenchContext, ms: number, fns: string[]) {
  return metric({
    key: 'data.recompute',
    label: `summary recompute over ${(ctx.sizes.posts * ctx.sizes.days).toLocaleString('en-US')} daily rows`,
    value: ms,
    unit: 'ms',
    note: `runs at the end of every import: ${fns.join(', ')}`,
  });
}

/** Generate everything; progress on stderr; generation times are recorded as informational metrics. */
export async function generateData(ctx: BenchContext): Promise<BenchData> {
  const { sizes } = ctx;
  const data = paths(ctx);
  let t = performance.now();
  ctx.log(`data: ${sizes.posts.toLocaleString('en-US')} posts through the posts import...`);
  const big = freshDb(data.bigDb);
  const posts = writeBenchPosts(big, generatePostRecords(SEED, sizes.posts, END_DAY, 6), SEED);
  const postsMs = performance.now() - t;
  t = performance.now();
  const rows = sizes.posts * sizes.days;
  ctx.log(`data: ${rows.toLocaleString('en-US')} daily_views rows (${sizes.days} days)...`);
  const daily = writeDailyViews(big, posts, dayRange(END_DAY, sizes.days), SEED + 2);
  const dailyMs = performance.now() - t;
  t = performance.now();
  ctx.log('data: summary recompute (what every import runs at its end)...');
  const recomputed = recomputeSummaries(big);
  const recomputeMs = performance.now() - t;
  closeDb(big);
  ctx.log(`data: posts ${secs(postsMs)}, daily rows ${secs(dailyMs)}, recompute ${secs(recomputeMs)}`);

  t = performance.now();
  const tmpl = freshDb(data.importTemplate);
  const logPosts = writeBenchPosts(tmpl, generatePostRecords(SEED + 3, sizes.logPosts, END_DAY, 6), SEED + 3);
  closeDb(tmpl);
  ctx.log(
    `data: access logs (${sizes.logLines.toLocaleString('en-US')} and ${sizes.memLines.toLocaleString('en-US')} lines)...`,
  );
  const logOpts = { days: sizes.logDays, endDay: END_DAY };
  const log = await writeAccessLogFile(logPosts, { ...logOpts, file: data.log, lines: sizes.logLines, seed: SEED + 4 });
  await writeAccessLogFile(logPosts, { ...logOpts, file: data.memLog, lines: sizes.memLines, seed: SEED + 5 });
  const nextDay = new Date(Date.parse(`${END_DAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await writeAccessLogFile(posts, {
    file: data.dayLog,
    lines: Math.round(sizes.logLines / sizes.logDays),
    days: 1,
    endDay: nextDay,
    seed: SEED + 6,
  });
  const logMs = performance.now() - t;

  Object.assign(ctx.data, {
    posts: sizes.posts,
    dailyRows: daily.dailyRows,
    dailyPageViews: daily.pageViews,
    unmatchedRows: daily.unmatchedRows,
    logPosts: sizes.logPosts,
    logLines: log.lines,
    logBotLines: log.botLines,
    logBytes: log.bytes,
    memLogLines: sizes.memLines,
  });
  ctx.metrics.push(
    metric({ key: 'data.posts', label: `generate and import ${sizes.posts} posts (info)`, value: postsMs, unit: 'ms' }),
    metric({
      key: 'data.daily',
      label: `insert ${rows.toLocaleString('en-US')} daily rows (info)`,
      value: dailyMs,
      unit: 'ms',
    }),
    recomputeMetric(ctx, recomputeMs, recomputed),
    metric({ key: 'data.logs', label: 'generate the access logs (info)', value: logMs, unit: 'ms' }),
  );
  fs.writeFileSync(inDir(ctx, MANIFEST), JSON.stringify({ seed: SEED, sizes, data: ctx.data }));
  return data;
}
