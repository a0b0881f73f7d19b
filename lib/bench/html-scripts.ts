/**
 * Which JavaScript files a server-rendered page makes the browser load, read from its HTML: `<script src>` tags,
 * `<link rel=preload|modulepreload as=script>` hints, and the chunk paths Next's flight data (inline
 * `self.__next_f.push(...)`) names for client components, which the runtime loads before hydrating.
 */

const SCRIPT_SRC = /<script\b[^>]*?\bsrc=["']([^"']+)["'][^>]*>/gi;
/** Inline scripts (no src): where Next's flight data lives. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const LINK_TAG = /<link\b[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}=["']([^"']+)["']`, 'i');
/** Next's chunk paths as they appear in flight data, possibly with escaped slashes or quotes around them. */
const FLIGHT_CHUNK = /(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_\-./~%[\]]+?\.js/g;

/**
 * Script URLs a page loads, resolved against `base` and deduplicated, in order of first appearance. Inline scripts
 * are not files and are not listed (their bytes are part of the HTML); `nomodule` scripts are left out (legacy
 * browsers only).
 * @param html the page's HTML as served.
 * @param base the page's URL (`http://127.0.0.1:3190/`).
 */
export function listScriptUrls(html: string, base: string): string[] {
  const found: string[] = [];
  // `nomodule` scripts (Next's polyfills) are skipped by every browser that runs modules: not sent in practice.
  for (const m of html.matchAll(SCRIPT_SRC)) if (!/\bnomodule\b/i.test(m[0])) found.push(m[1]);
  for (const m of html.matchAll(LINK_TAG)) {
    const tag = m[0];
    const rel = ATTR('rel').exec(tag)?.[1] ?? '';
    const as = ATTR('as').exec(tag)?.[1] ?? '';
    const href = ATTR('href').exec(tag)?.[1];
    if (href && (rel === 'modulepreload' || (rel === 'preload' && as === 'script'))) found.push(href);
  }
  for (const inline of html.matchAll(INLINE_SCRIPT))
    for (const m of inline[1].replace(/\\\//g, '/').matchAll(FLIGHT_CHUNK))
      found.push(m[0].startsWith('/_next/') ? m[0] : `/_next/${m[0]}`);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of found) {
    const url = new URL(raw.replace(/&amp;/g, '&'), base).href;
    if (!seen.has(url)) {
      seen.add(url);
      out.push(url);
    }
  }
  return out;
}
