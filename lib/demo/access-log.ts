/**
 * Writes the demo blog's traffic as an Apache combined access log (mod_log_config's `combined` format:
 * `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`), UTC timestamps, chronological, covering the last
 * LOG_DAYS days up to and including endDay.
 *
 * Traffic model: each post's human page views per day follow a decaying curve after publishing (a spike over the
 * first days, then a long tail) times the post's quality (human essays several times more than AI posts); two
 * essays get a semi-viral spike. Around that: the home page, feed polls, static assets with the page as referrer,
 * query-string and slash variants, redirects, 404s, HEAD requests, login-form POSTs, and about 20% bot lines.
 */
import {
  ASSETS,
  BOT_WEIGHTS,
  BOTS,
  type Bot,
  BROWSER_UAS,
  botIp,
  HOUR_WEIGHTS,
  HOURS,
  PROBES,
  QUERY_STRINGS,
  REFERRER_WEIGHTS,
  REFERRERS,
  visitorIp,
} from './clients';
import type { Rng } from './rng';
import { DAY_MS, type DemoPost, LOG_DAYS, SITE_URL } from './schedule';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Bot lines per non-bot line: 0.26 gives a bot share of about 20%. */
const BOT_RATIO = 0.26;
const HOT_REFERRERS = [
  'https://news.ycombinator.com/',
  '-',
  'https://www.reddit.com/',
  'https://t.co/',
  'https://lobste.rs/',
];

interface Event {
  /** Second of the day, 0..86399, for ordering. */
  sec: number;
  ip: string;
  /** Everything after the timestamp: `"GET / HTTP/1.1" 200 512 "-" "ua"`. */
  rest: string;
}

/**
 * Expected human page views of a post on the day `age` days after its publish day (0 = publish day), before the
 * weekday factor: quality × (spike decaying over ~3 days + long tail), plus the viral surge for the chosen two.
 */
export function expectedViews(post: Pick<DemoPost, 'quality' | 'viral'>, age: number): number {
  const tail = 3 * (1 + age / 60) ** -0.6;
  let v = post.quality * (30 * Math.exp(-age / 3) + tail);
  if (post.viral) v += (age >= 1 ? 2600 * Math.exp(-(age - 1) / 1.2) : 250) + post.quality * tail;
  return v;
}

/** Day `DD/Mon/YYYY` of a UTC midnight, as in the CLF timestamp. */
function clfDay(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
}

function clock(sec: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(sec / 3600))}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}`;
}

/**
 * Generates the whole log, one line per request, `\n`-terminated.
 * @param posts every post (those not yet published on a day get no traffic that day).
 * @param endMs 00:00 UTC of endDay, the last day of traffic.
 */
export function writeAccessLog(rng: Rng, posts: readonly DemoPost[], endMs: number): string {
  const out: string[] = [];
  for (let d = LOG_DAYS - 1; d >= 0; d--) {
    const dayMs = endMs - d * DAY_MS;
    const day = clfDay(dayMs);
    for (const e of dayEvents(rng, posts, dayMs)) out.push(`${e.ip} - - [${day}:${clock(e.sec)} +0000] ${e.rest}`);
  }
  return `${out.join('\n')}\n`;
}

/** All requests of one day, sorted by time (stable, so a redirect stays before the request it leads to). */
function dayEvents(rng: Rng, posts: readonly DemoPost[], dayMs: number): Event[] {
  const ev: Event[] = [];
  const weekday = [0, 6].includes(new Date(dayMs).getUTCDay()) ? 0.8 : 1;
  const live = posts.filter((p) => p.publishedMs < dayMs + DAY_MS);
  const humanSec = () => rng.weighted(HOURS, HOUR_WEIGHTS) * 3600 + rng.int(0, 3599);
  const push = (
    sec: number,
    ip: string,
    method: string,
    target: string,
    status: number,
    bytes: number,
    ref: string,
    ua: string,
  ) => {
    const proto = rng.chance(0.3) ? 'HTTP/2.0' : 'HTTP/1.1';
    const size = status === 304 || method === 'HEAD' ? '-' : String(bytes);
    ev.push({
      sec: Math.min(sec, 86_399),
      ip,
      rest: `"${method} ${target} ${proto}" ${status} ${size} "${ref}" "${ua}"`,
    });
  };
  const assets = (sec: number, ip: string, ua: string, page: string, post: DemoPost | null) => {
    if (!rng.chance(0.45)) return;
    const img = post
      ? `/wp-content/uploads/${post.url.slice(SITE_URL.length + 1, SITE_URL.length + 8)}/${post.slug}-header.jpg`
      : '/wp-content/uploads/site-logo.png';
    for (const a of rng.shuffle(ASSETS).slice(0, rng.int(1, 3))) {
      const target = a === '{img}' ? img : a;
      push(
        sec + rng.int(1, 3),
        ip,
        'GET',
        target,
        rng.chance(0.25) ? 304 : 200,
        rng.int(900, 90_000),
        `${SITE_URL}${page}`,
        ua,
      );
    }
  };
  const referrer = (hot: boolean) => {
    if (hot) return rng.pick(HOT_REFERRERS);
    const r = rng.weighted(REFERRERS, REFERRER_WEIGHTS)[0];
    if (r === '{home}') return `${SITE_URL}/`;
    if (r === '{post}') return live.length ? rng.pick(live).url : '-';
    return r;
  };

  // Page views of posts.
  for (const post of live) {
    const pubDay = Math.floor(post.publishedMs / DAY_MS) * DAY_MS;
    const age = Math.round((dayMs - pubDay) / DAY_MS);
    const pubSec = age === 0 ? Math.floor((post.publishedMs - pubDay) / 1000) : 0;
    const share = age === 0 ? 1 - pubSec / 86_400 : 1;
    const n = rng.poisson(expectedViews(post, age) * weekday * share);
    for (let i = 0; i < n; i++) {
      const sec = age === 0 ? rng.int(pubSec + 60, 86_400 + 59) - 60 : humanSec();
      pageView(sec, post, post.viral && age <= 4);
    }
  }
  function pageView(sec: number, post: DemoPost, hot: boolean) {
    const ip = visitorIp(rng);
    const ua = rng.pick(BROWSER_UAS);
    const ref = referrer(hot);
    const canonical = post.url.slice(SITE_URL.length);
    const bare = canonical.slice(0, -1);
    let target = canonical;
    const r = rng.next();
    if (r < 0.15) target = canonical + rng.pick(QUERY_STRINGS);
    else if (r < 0.21)
      target = bare; // served without a redirect by some setups
    else if (r < 0.24) push(sec++, ip, 'GET', bare, 301, 245, ref, ua);
    else if (r < 0.26) push(sec++, ip, 'GET', `/?p=${post.id}`, 301, 0, ref, ua);
    const status = rng.chance(0.05) ? 304 : 200;
    push(sec, ip, 'GET', target, status, rng.int(14_000, 48_000), ref, ua);
    if (status === 200) assets(sec, ip, ua, target, post);
  }

  // Home page, category pages, feed clicks, login-form POSTs, mistyped links.
  for (let n = rng.poisson(22 * weekday); n > 0; n--) {
    const sec = humanSec();
    const ip = visitorIp(rng);
    const ua = rng.pick(BROWSER_UAS);
    push(sec, ip, 'GET', '/', 200, rng.int(20_000, 30_000), referrer(false), ua);
    assets(sec, ip, ua, '/', null);
  }
  for (let n = rng.poisson(3 * weekday); n > 0; n--) {
    const cat = rng.pick(['gardening', 'cycling', 'tech']);
    push(
      humanSec(),
      visitorIp(rng),
      'GET',
      `/category/${cat}/`,
      200,
      rng.int(15_000, 25_000),
      `${SITE_URL}/`,
      rng.pick(BROWSER_UAS),
    );
  }
  for (let n = rng.poisson(1.2); n > 0; n--) {
    push(
      humanSec(),
      visitorIp(rng),
      'GET',
      '/feed/',
      200,
      rng.int(180_000, 260_000),
      `${SITE_URL}/`,
      rng.pick(BROWSER_UAS),
    );
  }
  for (let n = rng.poisson(1.5); n > 0; n--) {
    // Password-guessing scripts often send a browser user agent: not a bot by UA, but never a page view (POST).
    const sec = rng.int(0, 86_399);
    push(sec, visitorIp(rng), 'POST', '/wp-login.php', 200, 4_100, `${SITE_URL}/wp-login.php`, BROWSER_UAS[0]);
  }
  for (let n = rng.poisson(0.7); n > 0 && live.length; n--) {
    const post = rng.pick(live);
    push(
      humanSec(),
      visitorIp(rng),
      'GET',
      `${post.url.slice(SITE_URL.length, -1)}-2/`,
      404,
      1_180,
      '-',
      rng.pick(BROWSER_UAS),
    );
  }

  // Crawlers, feed readers, scripts and link previews, in proportion to the day's other traffic.
  for (let n = rng.poisson(BOT_RATIO * ev.length); n > 0; n--) botRequest(rng.weighted(BOTS, BOT_WEIGHTS));
  function botRequest(bot: Bot) {
    const sec = rng.int(0, 86_399);
    const ip = botIp(rng, bot);
    const post = live.length ? rng.pick(live) : null;
    const page = post ? post.url.slice(SITE_URL.length) : '/';
    const r = rng.next();
    const get = (target: string, status = 200, bytes = rng.int(14_000, 48_000)) =>
      push(sec, ip, 'GET', target, status, bytes, '-', bot.ua);
    if (bot.role === 'feed') get('/feed/', r < 0.4 ? 304 : 200, rng.int(180_000, 260_000));
    else if (bot.role === 'preview')
      push(sec, ip, r < 0.5 ? 'HEAD' : 'GET', page, 200, rng.int(14_000, 48_000), '-', bot.ua);
    else if (bot.role === 'script' && bot.ua === '-') {
      const probe = rng.pick(PROBES);
      push(
        sec,
        ip,
        probe === '/xmlrpc.php' ? 'POST' : 'GET',
        probe,
        probe === '/xmlrpc.php' ? 403 : 404,
        520,
        '-',
        bot.ua,
      );
    } else if (bot.role === 'script') {
      if (r < 0.4) push(sec, ip, 'HEAD', '/', 200, 0, '-', bot.ua);
      else get(r < 0.7 ? '/feed/' : page);
    } else if (r < 0.08) get('/robots.txt', 200, 312);
    else if (r < 0.14) get(bot.role === 'ai' ? '/' : '/sitemap.xml', 200, 9_800);
    else if (r < 0.18) get(page.slice(0, -1) || '/', page === '/' ? 200 : 301, 245);
    else if (r < 0.21) get('/2019/03/hello-world/', 404, 1_180);
    else if (r < 0.26 && bot.role === 'seo') get(`/category/${post?.topic ?? 'tech'}/`);
    else get(page);
  }
  return ev.sort((a, b) => a.sec - b.sec);
}
