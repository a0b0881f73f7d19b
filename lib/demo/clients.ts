/**
 * Who visits the demo blog: browser user agents, crawlers, referrers and client addresses for the generated access
 * log. Addresses come only from the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24;
 * RFC 3849: 2001:db8::/32), so the demo never names a real host.
 */
import type { Rng } from './rng';

/** Everyday browsers (none of them matched by isbot). */
export const BROWSER_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
];

/** What a crawler fetches; `ua` `-` is a client that sent no User-Agent header. */
export type BotRole = 'search' | 'ai' | 'seo' | 'feed' | 'script' | 'preview';

export interface Bot {
  ua: string;
  role: BotRole;
  /** Share of all bot lines (relative weight). */
  weight: number;
  /** Address prefix; the last group is random. */
  net: string;
}

export const BOTS: Bot[] = [
  {
    ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    role: 'search',
    weight: 20,
    net: '198.51.100.',
  },
  {
    ua: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    role: 'search',
    weight: 10,
    net: '198.51.100.',
  },
  {
    ua: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
    role: 'ai',
    weight: 10,
    net: '2001:db8:6a7::',
  },
  {
    ua: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)',
    role: 'ai',
    weight: 8,
    net: '2001:db8:c1a::',
  },
  {
    ua: 'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
    role: 'seo',
    weight: 9,
    net: '203.0.113.',
  },
  {
    ua: 'Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)',
    role: 'seo',
    weight: 4,
    net: '203.0.113.',
  },
  { ua: 'Feedly/1.0 (+https://feedly.com/poller.html; 23 subscribers; )', role: 'feed', weight: 12, net: '192.0.2.' },
  { ua: 'Tiny Tiny RSS/23.04 (https://tt-rss.org/)', role: 'feed', weight: 5, net: '2001:db8:77::' },
  { ua: 'curl/8.5.0', role: 'script', weight: 5, net: '203.0.113.' },
  { ua: '-', role: 'script', weight: 6, net: '192.0.2.' },
  {
    ua: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    role: 'preview',
    weight: 3,
    net: '2001:db8:51a::',
  },
  {
    ua: 'Mozilla/5.0 (compatible; Mastodon/4.2.8; +https://social.example/)',
    role: 'preview',
    weight: 3,
    net: '198.51.100.',
  },
];

export const BOT_WEIGHTS = BOTS.map((b) => b.weight);

/** An address from the documentation ranges for a browser visitor: mostly IPv4, about a third IPv6. */
export function visitorIp(rng: Rng): string {
  if (rng.chance(0.33)) {
    const h = () => rng.int(0, 0xffff).toString(16);
    return `2001:db8:${h()}:${h()}::${h()}`;
  }
  return `${rng.pick(['192.0.2.', '198.51.100.', '203.0.113.'])}${rng.int(1, 254)}`;
}

/** An address for a bot: its network prefix plus a random host part. */
export function botIp(rng: Rng, bot: Bot): string {
  return bot.net.endsWith('::') ? `${bot.net}${rng.int(1, 0xfff).toString(16)}` : `${bot.net}${rng.int(1, 254)}`;
}

/** Referrers of a page view and their weights; `-` is none. `{home}` and `{post}` are filled by the caller. */
export const REFERRERS: ReadonlyArray<readonly [string, number]> = [
  ['-', 34],
  ['https://www.google.com/', 25],
  ['https://duckduckgo.com/', 5],
  ['https://www.bing.com/', 4],
  ['{home}', 10],
  ['{post}', 8],
  ['https://t.co/', 4],
  ['https://www.reddit.com/', 3],
  ['https://news.ycombinator.com/', 3],
  ['https://mastodon.social/', 4],
];
export const REFERRER_WEIGHTS = REFERRERS.map(([, w]) => w);

/** Query strings readers arrive with (campaign tags, aggregator refs). */
export const QUERY_STRINGS = [
  '?utm_source=twitter',
  '?ref=hn',
  '?utm_source=newsletter&utm_medium=email',
  '?utm_source=mastodon',
  '?fbclid=IwAR0demo',
  '?utm_source=rss&utm_medium=rss&utm_campaign=feed',
];

/** Static files a page pulls in (referrer = the page). `{img}` is the post's header image. */
export const ASSETS = [
  '/wp-content/themes/fieldnotes/style.css?ver=6.4.2',
  '/wp-includes/js/jquery/jquery.min.js?ver=3.7.1',
  '/wp-content/themes/fieldnotes/fonts/body.woff2',
  '{img}',
  '/favicon.ico',
];

/** Paths scanners probe (answered 404, or 403 for xmlrpc POSTs). */
export const PROBES = ['/.env', '/wp-config.php.bak', '/.git/config', '/phpmyadmin/', '/admin.php', '/xmlrpc.php'];

/** Hour-of-day weights (UTC) of human traffic: quiet at night, busy in the evening. */
export const HOUR_WEIGHTS = [
  1, 0.7, 0.5, 0.4, 0.4, 0.5, 0.8, 1.2, 1.6, 1.8, 1.9, 1.9, 2, 1.9, 1.9, 1.9, 1.9, 2, 2.1, 2.2, 2.1, 1.8, 1.5, 1.2,
];
export const HOURS = HOUR_WEIGHTS.map((_, i) => i);
