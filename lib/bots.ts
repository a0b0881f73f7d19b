/**
 * Bot classification of HTTP user agents, shared by every traffic importer.
 *
 * A user agent is a bot when `isbot` (v5, its community-kept pattern list, which also flags feed readers such as
 * FeedBurner or Tiny Tiny RSS) says so, when it names one of the AI crawlers below, or when it is empty or `-`
 * (a client that sends no User-Agent header is a script, not a reader). `isbot` already flags `-` but not the
 * empty string, so both are handled here explicitly to keep them consistent.
 */
import { isbot, isbotMatch } from 'isbot';

/**
 * AI and dataset crawlers, by the token they put in their User-Agent, with the short name shown in the UI.
 * Sources: each operator's crawler documentation (OpenAI, Anthropic, Perplexity, ByteDance, Common Crawl, Google,
 * Apple, Amazon, Meta, Cohere, Diffbot). Listed explicitly so the answer does not depend on isbot's list version.
 */
const AI_CRAWLERS: ReadonlyArray<readonly [token: string, name: string]> = [
  ['GPTBot', 'GPTBot'],
  ['ChatGPT-User', 'ChatGPT-User'],
  ['OAI-SearchBot', 'OAI-SearchBot'],
  ['ClaudeBot', 'ClaudeBot'],
  ['Claude-Web', 'Claude-Web'],
  ['anthropic-ai', 'anthropic-ai'],
  ['PerplexityBot', 'PerplexityBot'],
  ['Bytespider', 'Bytespider'],
  ['CCBot', 'CCBot'],
  ['Google-Extended', 'Google-Extended'],
  ['Applebot-Extended', 'Applebot-Extended'],
  ['Amazonbot', 'Amazonbot'],
  ['meta-externalagent', 'meta-externalagent'],
  ['cohere-ai', 'cohere-ai'],
  ['Diffbot', 'Diffbot'],
];

/** Well-known search and feed crawlers, for display only (classification is isbot's job). */
const KNOWN_CRAWLERS: ReadonlyArray<readonly [token: string, name: string]> = [
  ['Googlebot', 'Googlebot'],
  ['bingbot', 'Bingbot'],
  ['Baiduspider', 'Baiduspider'],
  ['YandexBot', 'YandexBot'],
  ['DuckDuckBot', 'DuckDuckBot'],
  ['Applebot', 'Applebot'],
  ['Slurp', 'Yahoo Slurp'],
  ['AhrefsBot', 'AhrefsBot'],
  ['SemrushBot', 'SemrushBot'],
  ['MJ12bot', 'MJ12bot'],
  ['facebookexternalhit', 'facebookexternalhit'],
  ['Twitterbot', 'Twitterbot'],
  ['FeedBurner', 'FeedBurner'],
  ['Feedly', 'Feedly'],
  ['Tiny Tiny RSS', 'Tiny Tiny RSS'],
  ['UniversalFeedParser', 'UniversalFeedParser'],
];

const AI_PATTERN = new RegExp(AI_CRAWLERS.map(([t]) => escapeRegExp(t)).join('|'), 'i');

/** Per-UA memo: access logs repeat a few hundred UAs over millions of lines. Bounded so hostile logs cannot grow it. */
const CACHE_LIMIT = 5000;
const cache = new Map<string, boolean>();

/**
 * Whether a User-Agent string belongs to a bot: isbot@5, or a named AI crawler, or empty / `-`.
 * Results are memoized per exact string in a bounded map (oldest entries evicted first).
 *
 * @param ua the raw User-Agent header value as logged (`-` when the client sent none).
 */
export function isBotUserAgent(ua: string): boolean {
  const hit = cache.get(ua);
  if (hit !== undefined) return hit;
  const trimmed = ua.trim();
  const result = trimmed === '' || trimmed === '-' || isbot(trimmed) || AI_PATTERN.test(trimmed);
  if (cache.size >= CACHE_LIMIT) {
    // Map iterates in insertion order, so the first key is the oldest.
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(ua, result);
  return result;
}

/**
 * A short display name for a crawler's User-Agent (`GPTBot`, `Googlebot`, ...), or null when the UA is not a
 * known crawler. Falls back to the part isbot matched (e.g. `curl/`) trimmed of punctuation, when it matched.
 * Not memoized: it is for display, not for the per-line loop.
 */
export function botName(ua: string): string | null {
  const s = ua.trim();
  if (s === '' || s === '-') return null;
  const lower = s.toLowerCase();
  for (const [token, name] of AI_CRAWLERS) if (lower.includes(token.toLowerCase())) return name;
  for (const [token, name] of KNOWN_CRAWLERS) if (lower.includes(token.toLowerCase())) return name;
  const match = isbotMatch(s);
  if (!match) return null;
  const cleaned = match.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return cleaned || null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
