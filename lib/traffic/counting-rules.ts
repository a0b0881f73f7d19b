/**
 * THE counting rules for request-level sources (access logs of every syntax), in one place. The README's "Counting
 * rules" section describes exactly this file; change both together.
 *
 * 1. A **page view** is a `GET` answered 2xx or `304 Not Modified`, by a client that is not a bot, of a path whose
 *    kind is `page` (lib/paths.ts `classifyPath`).
 * 2. A **bot hit** is any request (any method, any status) whose user agent is a bot: isbot@5's list, the named AI
 *    crawlers (GPTBot, ClaudeBot, PerplexityBot, Bytespider, CCBot, ... in lib/bots.ts), or an empty / `-` agent.
 *    Bot hits are stored per post and day apart from page views. A bot request is never a page view.
 * 3. Everything else is a request but not a page view: `HEAD`/`POST`, redirects (3xx), errors (4xx/5xx), feeds,
 *    static assets, API calls (`/wp-json/`, `/api/`, `xmlrpc.php`), admin pages, and a request line of `-`.
 * 4. The **referrer** of a page view is counted by host: `(direct)` when none was sent, `(internal)` when it is the
 *    blog's own host (a click from one post to another).
 * 5. Unique **visitors** per day are distinct hash(daily random salt, IP, user agent); salt and hashes are dropped
 *    after the import, no IP is stored.
 * A common-format line (no user-agent field) is not a bot: Tend cannot tell, and says so in the README.
 */
import { isBotUserAgent } from '../bots';
import type { PathKind } from '../types';
import type { LogHit } from './log-line';

/** Rule 1: whether a request is a human page view. */
export function isPageView(hit: Pick<LogHit, 'method' | 'status'>, bot: boolean, kind: PathKind | null): boolean {
  if (bot || kind !== 'page' || hit.method !== 'GET') return false;
  return isSuccess(hit.status);
}

/** Rule 1's statuses: 2xx, or `304 Not Modified` (a reader's browser revalidating its copy). */
export function isSuccess(status: number): boolean {
  return (status >= 200 && status < 300) || status === 304;
}

/** Rule 2: whether a request's user agent makes it a bot hit (null = the format logs no user agent: not a bot). */
export function isBotHit(userAgent: string | null): boolean {
  return userAgent !== null && isBotUserAgent(userAgent);
}

/** Referrer label for a page view without a Referer header. */
export const DIRECT = '(direct)';
/** Referrer label for a page view referred by the blog itself. */
export const INTERNAL = '(internal)';

/**
 * Rule 4: the referrer host of a page view, lowercased, without port or `www.`; {@link DIRECT} for `-` or empty;
 * {@link INTERNAL} when the host is one of `ownHosts` (compare without `www.`); `(other)` for text with no host
 * (`android-app:` style referrers keep their package name as host).
 * @param ownHosts the blog's hosts, lowercased without `www.` (see {@link ownHostsOf}).
 */
export function referrerHost(referrer: string | null, ownHosts: ReadonlySet<string>): string {
  if (referrer === null || referrer === '' || referrer === '-') return DIRECT;
  const scheme = referrer.indexOf('://');
  if (scheme < 0) return '(other)';
  let end = referrer.length;
  for (const ch of ['/', '?', '#']) {
    const i = referrer.indexOf(ch, scheme + 3);
    if (i >= 0 && i < end) end = i;
  }
  let host = referrer.slice(scheme + 3, end).toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  host = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === '') return '(other)';
  return ownHosts.has(host) ? INTERNAL : host;
}

/**
 * The blog's own hosts from its site URL(s) (`https://www.example.com/blog` -> `example.com`), for {@link referrerHost}.
 * Invalid or empty URLs are ignored.
 */
export function ownHostsOf(...siteUrls: (string | null | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const u of siteUrls) {
    if (!u) continue;
    try {
      const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `https://${u}`).hostname.toLowerCase();
      out.add(host.startsWith('www.') ? host.slice(4) : host);
    } catch {
      // Not a URL: no own host to recognize.
    }
  }
  return out;
}
