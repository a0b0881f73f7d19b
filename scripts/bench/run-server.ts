/**
 * Bench section (c) on the built app: response time of `/`, `/posts` and `/posts/[id]` (sequential requests, whole
 * body read) and a bounded load test with autocannon (127.0.0.1 only). Section (d), the JavaScript, is in run-js.ts.
 */
import autocannon, { type Result } from 'autocannon';
import { metric, summarize } from '../../lib/bench/summary';
import type { BenchContext } from './context';
import { timedGet } from './server';

/** The pages measured; `{id}` is the post with the most page views. */
const PAGES = ['/', '/posts', '/posts/{id}'];
/** The baseline: a route handler that answers with one count query (Next's own overhead, nearly no work). */
const BASELINE = '/api/health';

/**
 * Sequential GETs after 3 warm-ups: `runs` of them, or fewer (at least 5) once `budgetMs` is spent. `cpuPerRequest`
 * is the server process's CPU time over the timed requests divided by their number (null without /proc).
 */
async function latency(
  url: string,
  runs: number,
  serverCpu: () => number | null,
  budgetMs = 20_000,
): Promise<{ ms: number[]; bytes: number; cpuPerRequest: number | null }> {
  for (let i = 0; i < 3; i++) await timedGet(url);
  const ms: number[] = [];
  let bytes = 0;
  const cpu0 = serverCpu();
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = await timedGet(url);
    ms.push(r.ms);
    bytes = Buffer.byteLength(r.body);
    if (ms.length >= 5 && performance.now() - start > budgetMs) break;
  }
  const cpu1 = serverCpu();
  return { ms, bytes, cpuPerRequest: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / ms.length };
}

/** Response times of the pages against the health route, p95 target 150 ms. */
export async function benchResponses(
  ctx: BenchContext,
  base: string,
  postId: number,
  serverCpu: () => number | null,
): Promise<void> {
  const runs = ctx.sizes.httpRuns;
  ctx.log(`server: ${runs} sequential requests per page...`);
  const b = summarize((await latency(base + BASELINE, runs, serverCpu)).ms);
  const baseline = { label: `GET ${BASELINE}`, value: b.median };
  ctx.metrics.push(
    metric({ key: 'http.baseline.median', label: `GET ${BASELINE} median`, value: b.median, unit: 'ms' }),
  );
  for (const page of PAGES) {
    const path = page.replace('{id}', String(postId));
    const r = await latency(base + path, runs, serverCpu);
    const s = summarize(r.ms);
    const key = page.replace('{id}', '[id]');
    ctx.metrics.push(
      metric({
        key: `http.${key}.median`,
        label: `GET ${path} median`,
        value: s.median,
        unit: 'ms',
        cpuMs: r.cpuPerRequest ?? undefined,
        baseline,
      }),
      metric({
        key: `http.${key}.p95`,
        label: `GET ${path} p95 (of ${s.n})`,
        value: s.p95,
        unit: 'ms',
        baseline: { label: `GET ${BASELINE} p95`, value: b.p95 },
        target: { max: 150, text: '< 150 ms' },
      }),
      metric({ key: `http.${key}.html`, label: `GET ${path} HTML size`, value: r.bytes, unit: 'bytes' }),
    );
  }
}

/** autocannon against one URL; every response time is kept, so the p95 is exact (its histogram has no p95). */
function load(url: string, connections: number, seconds: number): Promise<{ result: Result; times: number[] }> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const inst = autocannon({ url, connections, duration: seconds, timeout: 30 }, (err, result) =>
      err ? reject(err) : resolve({ result, times }),
    );
    inst.on('response', (_c, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
}

/** Load test of the overview and posts pages (and the health route as the baseline): req/s, p95, errors. */
export async function benchLoad(ctx: BenchContext, base: string): Promise<void> {
  const { loadConnections: conns, loadSeconds: secs } = ctx.sizes;
  ctx.log(`load: autocannon ${conns} connections × ${secs} s per page...`);
  const baseRun = await load(base + BASELINE, conns, secs);
  const baseRps = baseRun.result.requests.total / baseRun.result.duration;
  ctx.metrics.push(
    metric({ key: 'load.baseline.rps', label: `load ${BASELINE} throughput`, value: baseRps, unit: 'req/s' }),
  );
  for (const page of ['/', '/posts']) {
    const { result, times } = await load(base + page, conns, secs);
    const errors = result.errors + result.timeouts + result.non2xx;
    // autocannon stops at the end of the window and drops what is still in flight: those requests took longer than
    // the whole window. They are not errors, but a p95 of the answered ones alone would flatter the page.
    const unanswered = Math.max(0, result.requests.sent - result.requests.total);
    const s = times.length >= 5 ? summarize(times) : null;
    const label = `load ${page} (${conns} connections, ${secs} s)`;
    ctx.metrics.push(
      metric({
        key: `load.${page}.rps`,
        label: `${label} throughput`,
        value: result.requests.total / result.duration,
        unit: 'req/s',
        baseline: { label: `${BASELINE} under the same load`, value: baseRps },
        note: `${result.requests.total.toLocaleString('en-US')} answered, ${unanswered} still unanswered when the window closed`,
      }),
      metric({
        key: `load.${page}.errors`,
        label: `${label} errors (connection errors, timeouts, non-2xx)`,
        value: errors,
        unit: 'count',
        target: { max: 0, text: 'zero' },
      }),
    );
    if (s)
      ctx.metrics.push(
        metric({
          key: `load.${page}.p95`,
          label: `${label} p95 latency (of ${s.n} answered)`,
          value: s.p95,
          unit: 'ms',
          baseline: { label: 'its median', value: s.median },
        }),
      );
    else
      ctx.skipped.push({
        section: `load ${page} p95`,
        reason: `only ${times.length} requests answered in ${secs} s: each takes longer than the window allows`,
      });
  }
}
