/**
 * URL-to-post identity: turn any URL or request target into the canonical path form used as the key
 * of posts, aliases and traffic rows.
 */

const STATIC_EXT =
  /\.(css|js|mjs|map|png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|woff2?|ttf|otf|eot|mp3|mp4|webm|ogg|wav|pdf|zip|gz|tgz|bz2|xz|tar|dmg|exe|deb|rpm|iso|txt|xml|json|csv|swf|flv)$/i;
const FEED_PATH = /(^|\/)(feed|rss|atom)(\/|$)|\.(rss|atom)$|(\/|^)index\.(rss|atom|xml)$/i;

/**
 * Normalize a URL, absolute or relative, to a canonical path.
 *
 * Drops scheme, host, query string and fragment; percent-decodes (invalid escapes are kept as they are);
 * collapses repeated slashes; drops a trailing `index.html`/`index.htm`/`index.php`; drops the trailing slash
 * except for the root `/`; lowercases nothing (paths are case-sensitive on most servers).
 *
 * @example normalizePath('https://example.com/blog/x.html?utm_source=a#top') === '/blog/x.html'
 * @example normalizePath('/so-about-this-blog/') === '/so-about-this-blog'
 * @returns a string starting with `/`; `/` for empty input.
 */
export function normalizePath(input: string): string {
  let s = input.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  else if (s.startsWith('//')) s = s.replace(/^\/\/[^/?#]*/, '');
  const cut = s.search(/[?#]/);
  if (cut >= 0) s = s.slice(0, cut);
  try {
    s = decodeURIComponent(s);
  } catch {
    // Malformed escapes (`%E0%A4%A`): keep the raw text so the request still groups with itself.
  }
  if (!s.startsWith('/')) s = `/${s}`;
  s = s.replace(/\/{2,}/g, '/');
  s = s.replace(/\/index\.(html?|php)$/i, '/');
  if (s.length > 1 && s.endsWith('/')) s = s.replace(/\/+$/, '');
  return s || '/';
}

/**
 * The WordPress `?p=123` / `?page_id=123` short link id in a URL, or null. Such URLs name a post by id,
 * so the query string matters here (and only here).
 */
export function shortLinkId(input: string): string | null {
  const m = /[?&](?:p|page_id)=(\d+)(?:&|#|$)/.exec(input);
  return m ? m[1] : null;
}

/**
 * The path a request is counted under: `normalizePath`, except that a WordPress short link (`/?p=123`,
 * `/?page_id=123`) keeps its id as `/?p=123` (the alias form the post parsers store), since dropping the query
 * would make it the home page.
 */
export function requestPath(target: string): string {
  const path = normalizePath(target);
  if (path !== '/') return path;
  const id = shortLinkId(target);
  return id ? `/?p=${id}` : path;
}

/**
 * What kind of resource a normalized path is: `asset` (static file by extension), `feed` (RSS/Atom, also
 * `?feed=` and `?flav=rss20` style queries when the raw target is given), `api` (`/wp-json/`, `/api/`,
 * `xmlrpc.php`), `admin` (`/wp-admin`, `/wp-login.php`), otherwise `page`.
 *
 * @param rawTarget the request target before normalization (its query string can mark a feed).
 */
export function classifyPath(path: string, rawTarget = path): 'page' | 'feed' | 'asset' | 'api' | 'admin' {
  if (/[?&](feed|flav)=/i.test(rawTarget) || FEED_PATH.test(path)) return 'feed';
  if (/^\/(wp-json|api)(\/|$)|\/xmlrpc\.php$/i.test(path)) return 'api';
  if (/^\/(wp-admin|wp-login\.php|wp-cron\.php)/i.test(path)) return 'admin';
  if (STATIC_EXT.test(path) || /^\/(wp-content|wp-includes|static|assets|_next)\//i.test(path)) return 'asset';
  return 'page';
}

/**
 * The slug WordPress derives from a title (`sanitize_title`): accents folded, lowercase, apostrophes and
 * punctuation dropped, runs of other characters turned into one hyphen, ellipsis removed.
 *
 * @example slugify('So, about this blog…') === 'so-about-this-blog'
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019'"\u201c\u201d]/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
