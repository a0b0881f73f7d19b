/**
 * The built dashboard for bench sections (c) and (d): build it into its own dist folder when needed, start
 * `next start` on 127.0.0.1 with TEND_DB pointing at the bench database, wait until it answers, stop it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context';

export interface ServerOptions {
  /** Next's dist folder (NEXT_DIST_DIR), relative to the project root. */
  distDir: string;
  port: number;
  /** Build even when a build exists. */
  build: boolean;
  /** Never build; skip the server sections when no build exists. */
  noBuild: boolean;
}

export interface RunningServer {
  base: string;
  /** CPU milliseconds (user + system) the server process has used so far, or null where /proc is missing. */
  cpuMs: () => number | null;
  stop: () => Promise<void>;
}

/** Clock ticks per second of /proc's utime and stime: 100 on Linux everywhere in practice (USER_HZ). */
const USER_HZ = 100;

/** User + system CPU ms of a process, from /proc/PID/stat (fields 14 and 15, after the parenthesised name). */
function procCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

/**
 * Make sure a production build exists in `distDir` (building when asked to, or when none exists and building is
 * allowed). @returns the build's wall time in ms, 0 when an existing build was used, or null when there is none.
 * @throws Error when `next build` fails.
 */
export function ensureBuild(ctx: BenchContext, o: ServerOptions): number | null {
  const has = fs.existsSync(path.join(ctx.root, o.distDir, 'BUILD_ID'));
  if (has && !o.build) return 0;
  if (o.noBuild) return has ? 0 : null;
  ctx.log(`server: next build into ${o.distDir} (a minute or two)...`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(ctx.root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ctx.root,
    env: { ...process.env, NEXT_DIST_DIR: o.distDir, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`next build failed (${r.status}): ${(r.stdout + r.stderr).slice(-3000)}`);
  return performance.now() - t;
}

/**
 * Start `next start -H 127.0.0.1` on the bench database and wait (up to 60 s) for /api/health to answer 200.
 * The server runs without TEND_PASSWORD, so pages need no session (it only listens on the loopback address).
 * @throws Error when the port is taken, or the server exits early or does not answer in time.
 */
export async function startServer(ctx: BenchContext, o: ServerOptions, dbFile: string): Promise<RunningServer> {
  // Something already answering there would be measured instead of this build.
  const taken = await fetch(`http://127.0.0.1:${o.port}/`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${o.port} on 127.0.0.1 is in use by another server: pass --port`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEND_DB: dbFile,
    NEXT_DIST_DIR: o.distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  delete env.TEND_PASSWORD;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ctx.root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(o.port)],
    { cwd: ctx.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const base = `http://127.0.0.1:${o.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`next start exited with ${exited}: ${output.slice(-2000)}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return { base, stop, cpuMs: () => procCpuMs(child.pid) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${base} within 60 s: ${output.slice(-2000)}`);
}

/**
 * GET a page and read its whole body. @returns milliseconds to the last byte, the body and its status.
 * @throws Error when the status is not 200 (a login redirect means the server runs with a password).
 */
export async function timedGet(url: string): Promise<{ ms: number; body: string }> {
  const t = performance.now();
  const r = await fetch(url, { redirect: 'manual' });
  const body = await r.text();
  const ms = performance.now() - t;
  if (r.status !== 200)
    throw new Error(
      `${url} answered ${r.status}${r.status >= 300 && r.status < 400 ? ` (redirect to ${r.headers.get('location')}: is TEND_PASSWORD set?)` : ''}`,
    );
  return { ms, body };
}
