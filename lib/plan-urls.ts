/**
 * URLs of the pruning workflow: the live address of a post, the path a redirect rule starts from, and the
 * validation of a redirect target the author types. Pure.
 */

/**
 * The live address of a post: the site URL (from settings) joined with the post's own permalink path (the path of its
 * `url`, trailing slash kept, or its canonical path), else the post's `url` as imported, else null.
 * @example livePostUrl('https://blog.example/', '/a', 'https://old.example/a/') === 'https://blog.example/a/'
 */
export function livePostUrl(siteUrl: string, path: string, url: string | null): string | null {
  const permalinkPath = url ? pathOf(url) : null;
  const base = siteUrl.trim().replace(/\/+$/, '');
  if (/^https?:\/\/[^/\s]+$/i.test(base)) return `${base}${permalinkPath ?? encodePath(path)}`;
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The (percent-encoded) path of an absolute or relative URL, or null when it cannot be parsed. */
export function pathOf(url: string): string | null {
  try {
    return new URL(url, 'http://x.invalid').pathname;
  } catch {
    return null;
  }
}

/**
 * Percent-encode a decoded path for use in a URL: every byte outside RFC 3986's unreserved set, `/` and the
 * sub-delimiters that are harmless in a path is encoded (`%20` for a space, UTF-8 for non-ASCII). Characters that
 * mean something to a server config or to a redirect file (`$ \ " ' ; { } * : # ? %`) are always encoded.
 * @example encodePath('/café walk') === '/caf%C3%A9%20walk'
 */
export function encodePath(path: string): string {
  return Array.from(new TextEncoder().encode(path))
    .map((b) => {
      const ch = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~/!&()+,=@]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * Make a URL safe to write into any redirect format: control characters are refused, and the characters server
 * configs give meaning to (`$ \ " ' ; { } < > | ^ \``, space) are percent-encoded. A relative target must start with
 * `/`. The result parses as the same URL.
 * @throws Error with the reason when the target is not an absolute http(s) URL or a path starting with `/`.
 */
export function normalizeTargetUrl(input: string): string {
  const s = input.trim();
  if (!s) throw new Error('the target URL is empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(s))
    throw new Error('the target URL contains a control character (line break or tab)');
  let u: URL;
  const relative = s.startsWith('/') && !s.startsWith('//');
  try {
    u = new URL(s, 'http://relative.invalid');
  } catch {
    throw new Error(`"${s}" is not a URL: use https://… or a path starting with /`);
  }
  if (!relative && !/^https?:\/\//i.test(s)) throw new Error(`"${s}" is not an http(s) URL or a path starting with /`);
  if (!['http:', 'https:'].includes(u.protocol)) throw new Error(`"${s}" is not an http(s) URL`);
  const tail = `${u.pathname}${u.search}${u.hash}`.replace(
    /[$\\"';{}<>|^`\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return relative ? tail : `${u.protocol}//${u.host}${tail}`;
}

/**
 * The request paths a culled post answers on, decoded (as nginx and Apache match them): its canonical path, the
 * path of its permalink (usually the same with a trailing slash), and its old paths (aliases). Query-string aliases
 * (`/?p=12`) and the home page are left out: a path rule cannot match a query, and `/` is never a post.
 */
export function sourcePaths(canonical: string, url: string | null, aliases: readonly string[]): string[] {
  const out: string[] = [];
  const add = (p: string | null) => {
    if (!p || p === '/' || p.includes('?') || !p.startsWith('/') || out.includes(p)) return;
    out.push(p);
  };
  add(canonical);
  const permalink = url ? pathOf(url) : null;
  if (permalink) {
    let decoded = permalink;
    try {
      decoded = decodeURIComponent(permalink);
    } catch {
      // keep the encoded form: an invalid escape cannot be decoded by the server either
    }
    add(decoded);
  }
  for (const a of aliases) add(a);
  return out;
}
