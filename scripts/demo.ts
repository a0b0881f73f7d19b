/**
 * Make a fresh demo database from a generated blog and start the dashboard on it.
 *
 * Usage: npm run demo [-- --no-start] [--port 3000]
 * The demo blog (posts as an RSS feed, traffic as an Apache access log) is generated with a fixed seed by
 * lib/demo, written to data/demo/, and imported through the real importers into data/demo.db (TEND_DEMO_DB
 * overrides). The author's labels are then set for ~80% of posts, as if the author had labelled them.
 * Exit codes: 0 ok (or the server's own exit code), 1 failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../db/client';
import { importViewsFile } from '../db/import-views';
import { formatSummary, importPostsFile } from '../db/importers';
import { migrate } from '../db/migrate';
import { retrainAuthorship } from '../db/mutations/authorship-model';
import { setAuthorshipLabel, setDecision } from '../db/mutations/decisions';
import { loadPathIndex } from '../db/mutations/traffic';
import { setSetting } from '../db/settings';
import { generateDemoBlog, SITE_URL } from '../lib/demo/generate';
import { normalizePath } from '../lib/paths';
import { serveChild } from '../lib/server/serve-child';

const SEED = 20250925;
/** Fixed last day of demo traffic, so the demo is the same on every machine and every day. */
const END_DAY = '2026-11-15';

/** True when there is no build in .next, or a source file is newer than it (after a `git pull`, say). */
function buildIsStale(): boolean {
  const id = path.resolve('.next', 'BUILD_ID');
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false;
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.mtimeMs > built;
    return fs.readdirSync(p).some((f) => newer(path.join(p, f)));
  };
  return ['app', 'components', 'db', 'lib', 'proxy.ts', 'next.config.js', 'package-lock.json'].some((p) =>
    newer(path.resolve(p)),
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'no-start': { type: 'boolean' },
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run demo [-- --no-start] [--port 3000]\nBuilds data/demo.db from a generated blog (fixed seed) and starts the dashboard on it.',
    );
    return 0;
  }
  const dbFile = path.resolve(process.env.TEND_DEMO_DB ?? path.join('data', 'demo.db'));
  const dir = path.resolve('data', 'demo');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });

  const blog = generateDemoBlog({ seed: SEED, endDay: END_DAY });
  const feedFile = path.join(dir, 'feed.xml');
  const logFile = path.join(dir, 'access.log');
  fs.writeFileSync(feedFile, blog.feedXml);
  fs.writeFileSync(logFile, blog.accessLog);

  const db = openDb(dbFile);
  migrate(db);
  setSetting(db, 'timeZone', 'UTC');
  setSetting(db, 'siteUrl', SITE_URL);
  console.log(formatSummary(await importPostsFile(db, feedFile)));
  console.log(formatSummary(await importViewsFile(db, logFile)));
  const index = loadPathIndex(db);
  let labelled = 0;
  for (const l of blog.labels) {
    const id = index.get(normalizePath(l.path));
    if (id !== undefined && l.label) {
      setAuthorshipLabel(db, id, l.label, 'author');
      labelled++;
    }
  }
  // Labels were set one by one without retraining; fit the per-blog authorship model once on all of them.
  retrainAuthorship(db);
  // Some pruning already done, as the author would have begun it: the eight oldest posts reviewed (the two least read
  // culled, the rest kept), and the three least-read AI-generated posts culled. Gives /history and /plan content.
  const views = new Map(
    (
      db.$client.prepare('select post_id as id, lifetime_views as n from post_stats').all() as {
        id: number;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  const idOf = (p: { path: string }) => index.get(normalizePath(p.path));
  const byViews = (a: { path: string }, b: { path: string }) =>
    (views.get(idOf(a) ?? 0) ?? 0) - (views.get(idOf(b) ?? 0) ?? 0);
  const oldest = blog.posts.slice(0, 8);
  const culledOld = new Set([...oldest].sort(byViews).slice(0, 2));
  for (const p of oldest) {
    const id = idOf(p);
    if (id === undefined) continue;
    if (culledOld.has(p)) setDecision(db, id, 'cull', 'Thin and dated; nobody reads it any more.');
    else setDecision(db, id, 'keep', '');
  }
  for (const p of blog.posts
    .filter((x) => x.kind === 'ai-generated')
    .sort(byViews)
    .slice(0, 3)) {
    const id = idOf(p);
    if (id !== undefined) setDecision(db, id, 'cull', 'AI summary of a paper; no readers, not my voice.');
  }
  // The author's timeline notes ("started AI-assisted posts"), drawn on the overview's views-over-time chart.
  const note = db.$client.prepare('insert into annotations (day, text) values (?, ?)');
  for (const a of blog.annotations) note.run(a.day, a.text);
  db.$client.prepare("insert or replace into settings (key, value) values ('demo', '1')").run();
  db.$client.close();
  console.log(`demo: labelled ${labelled} of ${blog.labels.length} posts as the author would; database ${dbFile}`);
  if (values['no-start']) return 0;

  const env = { ...process.env, TEND_DB: dbFile, NEXT_TELEMETRY_DISABLED: '1' };
  if (buildIsStale()) {
    console.log('building the dashboard (first run, or the code changed since the last build)...');
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
    if (build.status !== 0) return build.status ?? 1;
  }
  const port = String(values.port);
  console.log(`Tend demo: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  return serveChild(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', port], {
    stdio: 'inherit',
    env,
  });
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(`demo failed: ${(err as Error).message}`);
    process.exit(1);
  });
