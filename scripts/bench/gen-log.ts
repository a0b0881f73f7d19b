/**
 * Bench data, part 3: a large Apache/nginx combined access log, streamed to a file (never held in memory).
 *
 * `lines` lines over `days` days ending on `endDay` (UTC timestamps, chronological), for the given posts. About 20%
 * of lines come from crawlers (search, SEO, AI, feed readers, scripts, link previews); the rest are readers: post
 * page views (with campaign query strings, unique `fbclid` click ids, bare and `/?p=ID` variants, 304s), the
 * assets pages pull in, the home page, archives, feeds, 404s, login POSTs and API calls. Browser user agents come in a
 * few hundred versions, as in a real log. Clients come only from documentation address ranges (RFC 5737, 3849).
 */
import fs from 'node:fs';
import { ASSETS, BOT_WEIGHTS, BOTS, BROWSER_UAS, PROBES, QUERY_STRINGS, REFERRERS } from '../../lib/demo/clients';
import { createRng, type Rng } from '../../lib/demo/rng';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Crawlers the demo's list lacks but the counting rules name (lib/bots.ts). */
const EXTRA_BOTS = [
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)',
  'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
  'CCBot/2.0 (https://commoncrawl.org/faq/)',
];

/** What the generator needs of a post: its canonical path (no trailing slash) and publish day, oldest first. */
export interface LogPost {
  path: string;
  publishedDay: string | null;
}

export interface LogOptions {
  file: string;
  lines: number;
  days: number;
  endDay: string;
  seed: number;
  /** Share of lines from crawlers (default 0.2). */
  botShare?: number;
}

/** Counts of what was written, for the report and the sanity checks. */
export interface LogWriteResult {
  lines: number;
  botLines: number;
  bytes: number;
  firstDay: string;
  lastDay: string;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Browser UAs in many versions: each base UA with its Chrome/Firefox/Safari major version varied. */
function browserVariants(rng: Rng): string[] {
  const out: string[] = [];
  for (const ua of BROWSER_UAS)
    for (let i = 0; i < 30; i++)
      out.push(
        ua
          .replace(/Chrome\/\d+\.0\.0\.0/, `Chrome/${rng.int(100, 131)}.0.${rng.int(0, 6000)}.${rng.int(0, 200)}`)
          .replace(/Firefox\/\d+\.0/g, `Firefox/${rng.int(100, 133)}.0`)
          .replace(/Version\/\d+\.\d/, `Version/${rng.int(14, 18)}.${rng.int(0, 6)}`),
      );
  return out;
}

/** Index of the first cumulative weight greater than `x` among the first `n` (binary search). */
function pickIndex(cum: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Write the log to `opts.file`, `\n`-terminated lines, in chunks (memory stays flat whatever `lines` is).
 * Only posts published on or before a day get requests that day; popularity is a log-normal weight per post.
 * @throws Error when no post is published by the first day, or the file cannot be written.
 */
export async function writeAccessLogFile(posts: LogPost[], opts: LogOptions): Promise<LogWriteResult> {
  const rng = createRng(opts.seed);
  const botShare = opts.botShare ?? 0.2;
  const uas = browserVariants(rng);
  const bots = [...BOTS.map((b) => b.ua), ...EXTRA_BOTS];
  const botWeights = [...BOT_WEIGHTS, 3, 3, 3];
  const referrers = REFERRERS.map(([r]) => r);
  const refWeights = REFERRERS.map(([, w]) => w);
  const sorted = [...posts].sort((a, b) => ((a.publishedDay ?? '') < (b.publishedDay ?? '') ? -1 : 1));
  const cum = new Float64Array(sorted.length);
  let total = 0;
  sorted.forEach((_, i) => {
    total += Math.exp(rng.gauss() * 1.2);
    cum[i] = total;
  });
  const endMs = Date.parse(`${opts.endDay}T00:00:00Z`);
  const firstMs = endMs - (opts.days - 1) * DAY_MS;
  const weekday = (ms: number) => ([0, 6].includes(new Date(ms).getUTCDay()) ? 0.8 : 1.05);
  let weightSum = 0;
  for (let d = 0; d < opts.days; d++) weightSum += weekday(firstMs + d * DAY_MS);

  const firstDay = new Date(firstMs).toISOString().slice(0, 10);
  if (!sorted.length || (sorted[0].publishedDay ?? '') > firstDay)
    throw new Error(`bench log: no post is published by ${firstDay}`);

  const out = fs.createWriteStream(opts.file);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  failed.catch(() => {}); // awaited below through Promise.race; never an unhandled rejection
  const res: LogWriteResult = { lines: 0, botLines: 0, bytes: 0, firstDay: '', lastDay: '' };
  let live = 0;
  let chunk: string[] = [];
  const flush = async () => {
    const text = `${chunk.join('\n')}\n`;
    chunk = [];
    res.bytes += Buffer.byteLength(text);
    if (!out.write(text)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  };

  for (let d = 0; d < opts.days; d++) {
    const dayMs = firstMs + d * DAY_MS;
    const day = new Date(dayMs).toISOString().slice(0, 10);
    while (live < sorted.length && (sorted[live].publishedDay ?? '') <= day) live++;
    if (d === 0) res.firstDay = day;
    res.lastDay = day;
    const n = d === opts.days - 1 ? opts.lines - res.lines : Math.round((opts.lines * weekday(dayMs)) / weightSum);
    const secs = new Int32Array(Math.max(0, n));
    for (let i = 0; i < secs.length; i++) secs[i] = Math.floor(rng.next() * 86_400);
    secs.sort();
    const dt = new Date(dayMs);
    const clfDay = `${two(dt.getUTCDate())}/${MONTHS[dt.getUTCMonth()]}/${dt.getUTCFullYear()}`;
    for (let i = 0; i < secs.length; i++) {
      const s = secs[i];
      const stamp = `[${clfDay}:${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)} +0000]`;
      const post = sorted[pickIndex(cum, live, rng.next() * cum[live - 1])];
      const bot = rng.next() < botShare;
      chunk.push(
        bot ? botLine(rng, stamp, post, bots, botWeights) : humanLine(rng, stamp, post, uas, referrers, refWeights),
      );
      if (bot) res.botLines++;
      res.lines++;
      if (chunk.length >= 20_000) await flush();
    }
  }
  if (chunk.length) await flush();
  await Promise.race([new Promise<void>((r) => out.end(() => r())), failed]);
  return res;
}

function visitorIp(rng: Rng): string {
  if (rng.next() < 0.3) return `2001:db8:${rng.int(0, 0xffff).toString(16)}::${rng.int(1, 0xffff).toString(16)}`;
  return `${rng.pick(['192.0.2.', '198.51.100.', '203.0.113.'])}${rng.int(1, 254)}`;
}

function line(
  ip: string,
  stamp: string,
  method: string,
  target: string,
  status: number,
  bytes: number,
  ref: string,
  ua: string,
) {
  return `${ip} - - ${stamp} "${method} ${target} HTTP/1.1" ${status} ${status === 304 ? '-' : bytes} "${ref}" "${ua}"`;
}

function humanLine(
  rng: Rng,
  stamp: string,
  post: LogPost,
  uas: string[],
  referrers: string[],
  refWeights: number[],
): string {
  const ip = visitorIp(rng);
  const ua = rng.pick(uas);
  const page = `${post.path}/`;
  let ref = rng.weighted(referrers, refWeights);
  if (ref === '{home}') ref = 'https://bench.example/';
  else if (ref === '{post}') ref = `https://bench.example${page}`;
  const r = rng.next();
  if (r < 0.5) {
    const q = rng.next();
    const target =
      q < 0.15
        ? page + rng.pick(QUERY_STRINGS)
        : q < 0.18
          ? `${page}?fbclid=IwAR${rng.int(0, 2 ** 30).toString(36)}${rng.int(0, 2 ** 30).toString(36)}`
          : q < 0.23
            ? post.path
            : page;
    return line(ip, stamp, 'GET', target, rng.next() < 0.05 ? 304 : 200, rng.int(14_000, 48_000), ref, ua);
  }
  if (r < 0.52) return line(ip, stamp, 'GET', post.path, 301, 245, ref, ua);
  if (r < 0.77) {
    const a = rng.pick(ASSETS).replace('{img}', `/wp-content/uploads${post.path}-header.jpg`);
    return line(
      ip,
      stamp,
      'GET',
      a,
      rng.next() < 0.25 ? 304 : 200,
      rng.int(900, 90_000),
      `https://bench.example${page}`,
      ua,
    );
  }
  if (r < 0.85) return line(ip, stamp, 'GET', '/', 200, rng.int(20_000, 30_000), ref, ua);
  if (r < 0.89) {
    const t = rng.pick(['/category/gardening/', '/category/cycling/', '/tag/linux/', `/page/${rng.int(2, 40)}/`]);
    return line(ip, stamp, 'GET', t, 200, rng.int(15_000, 25_000), 'https://bench.example/', ua);
  }
  if (r < 0.92) return line(ip, stamp, 'GET', '/feed/', 200, rng.int(180_000, 260_000), '-', ua);
  if (r < 0.95) return line(ip, stamp, 'GET', `${post.path}-${rng.int(2, 9)}/`, 404, 1_180, '-', ua);
  if (r < 0.97) return line(ip, stamp, 'POST', '/wp-login.php', 200, 4_100, 'https://bench.example/wp-login.php', ua);
  if (r < 0.98) return line(ip, stamp, 'HEAD', page, 200, 0, '-', ua);
  return line(ip, stamp, 'GET', `/wp-json/wp/v2/posts?per_page=${rng.int(1, 20)}`, 200, 9_000, page, ua);
}

function botLine(rng: Rng, stamp: string, post: LogPost, bots: string[], weights: number[]): string {
  const ua = rng.weighted(bots, weights);
  const ip = `${rng.pick(['198.51.100.', '203.0.113.'])}${rng.int(1, 254)}`;
  const r = rng.next();
  if (r < 0.6) return line(ip, stamp, 'GET', `${post.path}/`, 200, rng.int(14_000, 48_000), '-', ua);
  if (r < 0.68) return line(ip, stamp, 'GET', '/robots.txt', 200, 312, '-', ua);
  if (r < 0.76) return line(ip, stamp, 'GET', '/sitemap.xml', 200, 9_800, '-', ua);
  if (r < 0.88) return line(ip, stamp, 'GET', '/feed/', rng.next() < 0.4 ? 304 : 200, 200_000, '-', ua);
  if (r < 0.94) return line(ip, stamp, 'GET', '/', 200, 24_000, '-', ua);
  return line(ip, stamp, 'GET', rng.pick(PROBES), 404, 520, '-', ua);
}
