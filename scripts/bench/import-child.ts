/**
 * Child process of `npm run bench` for the import measurements, so each run starts from a clean heap and its
 * peak memory (max resident set size, from the kernel via `process.resourceUsage().maxRSS`) is its own.
 *
 * Usage (internal): tsx scripts/bench/import-child.ts import TEMPLATE_DB RUN_DB LOG_FILE
 *                   tsx scripts/bench/import-child.ts readline LOG_FILE
 * `import` copies TEMPLATE_DB to RUN_DB and migrates it (not timed), then imports LOG_FILE through `importViewsFile`, the real
 * importer; `readline` only counts the file's lines with node:readline (the baseline: reading the file at all).
 * Prints one JSON line: { ms, cpuMs, maxRssBytes, lines, summary? } (cpuMs: user + system CPU time of the timed part). Exit codes: 0 ok, 1 failed (message on stderr).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { openDb } from '../../db/client';
import { importViewsFile } from '../../db/import-views';
import { migrate } from '../../db/migrate';

/** Remove a SQLite file with its WAL and shared-memory files. */
function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** User + system CPU milliseconds since `from`. */
function cpuOf(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

async function countLines(file: string): Promise<number> {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const _ of rl) n++;
  return n;
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'readline') {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const lines = await countLines(args[0]);
    const ms = performance.now() - t;
    const cpuMs = cpuOf(cpu);
    console.log(JSON.stringify({ ms, cpuMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, lines }));
    return;
  }
  if (mode !== 'import' || args.length !== 3)
    throw new Error('usage: import-child.ts import TEMPLATE RUN LOG | readline LOG');
  const [template, run, log] = args;
  removeDb(run);
  fs.copyFileSync(template, run);
  const db = openDb(run);
  // The template may predate a migration added since it was made (a reused --data folder): migrate, untimed.
  migrate(db);
  const t = performance.now();
  const cpu = process.cpuUsage();
  const s = await importViewsFile(db, log);
  const ms = performance.now() - t;
  const cpuMs = cpuOf(cpu);
  db.$client.close();
  const summary = { read: s.read, imported: s.imported, bot: s.bot, unmatched: s.unmatched, rejected: s.rejected };
  console.log(
    JSON.stringify({ ms, cpuMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, lines: s.read, summary }),
  );
  removeDb(run);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
