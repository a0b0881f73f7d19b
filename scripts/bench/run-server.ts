/**
 * Bench sections (c) and (d) on the built app: response time of `/`, `/posts` and `/posts/[id]` (sequential
 * requests, whole body read), a bounded load test with autocannon (127.0.0.1 only), and the JavaScript each page
 * makes the browser load (gzipped).
 */
import zlib from 'node:zlib';
import autocannon, { type Result } from 'autocannon';
import { listScriptUrls } from '../../lib/bench/html-scripts';
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

/**
 * JavaScript each page loads: script URLs from its HTML (tags, preloads, Next's flight data), each fetched and
 * gzipped (zlib level 6, what servers typically send). Also whether chart code (recharts) is in the page's scripts.
 */
export async function benchJavaScript(ctx: BenchContext, base: string, postId: number): Promise<void> {
  const sizes = new Map<string, { gz: number; raw: number; files: number; charts: boolean }>();
  const cache = new Map<string, { gz: number; raw: number; charts: boolean }>();
  for (const page of PAGES) {
    const path = page.replace('{id}', String(postId));
    const { body } = await timedGet(base + path);
    let gz = 0;
    let raw = 0;
    let charts = false;
    const urls = listScriptUrls(body, base + path);
    for (const url of urls) {
      let f = cache.get(url);
      if (!f) {
        const r = await fetch(url);
        if (!r.ok) throw new Error(`${url} (a script of ${path}) answered ${r.status}`);
        const buf = Buffer.from(await r.arrayBuffer());
        // recharts' class names survive minification; they mark the chart library's code.
        f = { gz: zlib.gzipSync(buf).length, raw: buf.length, charts: buf.includes('recharts-') };
        cache.set(url, f);
      }
      gz += f.gz;
      raw += f.raw;
      charts ||= f.charts;
    }
    sizes.set(page, { gz, raw, files: urls.length, charts });
  }
  const posts = sizes.get('/posts');
  for (const [page, s] of sizes) {
    const key = page.replace('{id}', '[id]');
    ctx.metrics.push(
      metric({
        key: `js.${key}.gzip`,
        label: `JavaScript for ${key}, gzipped (${s.files} files, ${(s.raw / 1024).toFixed(0)} KB raw)`,
        value: s.gz,
        unit: 'bytes',
        baseline: page === '/posts' || !posts ? undefined : { label: '/posts (no chart)', value: posts.gz },
        target: page === '/' ? { max: 250 * 1024, text: '< 250 KB' } : undefined,
        note: s.charts ? 'loads chart code' : 'no chart code',
      }),
    );
  }
  const chartsWhereNone = posts?.charts === true;
  ctx.metrics.push(
    metric({
      key: 'js.charts_only_where_shown',
      label: 'chart code loaded on /posts (a page without a chart)',
      value: chartsWhereNone ? 1 : 0,
      unit: 'count',
      target: { max: 0, text: 'no' },
    }),
  );
}
