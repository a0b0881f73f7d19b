/**
 * How a post's canonical path and its short-link alias are derived from what a source gives, shared by
 * the feed, WXR, Ghost, Markdown and Substack parsers so that the same post gets the same path from any source.
 */
import { normalizePath, shortLinkId, slugify } from '../paths';

/**
 * The alias string for a WordPress short link (`/?p=123`, `/?page_id=123`). `normalizePath` drops query
 * strings, so this alias is stored as the literal `/?p=ID` (the form `shortLinkPath` in lib/paths.ts gives a
 * request for `/?p=ID`, so the traffic matcher finds it by plain lookup). Pages use `?p=` as well because
 * WordPress answers `?p=ID` for any post type.
 */
export function shortLinkAlias(id: string | number): string {
  return `/?p=${id}`;
}

/**
 * The canonical path of a post from its permalink, or from its title when there is no permalink.
 *
 * A permalink whose path is only `/` but that carries `?p=ID` (WordPress "plain" permalinks, drafts) would
 * collide with the home page once normalized, so it becomes the literal `/?p=ID`.
 *
 * @returns a path starting with `/`, or null when neither a usable URL nor a title that slugifies is given.
 */
export function postPath(url: string | null, title: string): string | null {
  if (url) {
    const path = normalizePath(url);
    const id = shortLinkId(url);
    if (path === '/' && id) return `/?p=${id}`;
    if (path !== '/') return path;
  }
  const slug = slugify(title);
  return slug ? `/${slug}` : null;
}

/** Aliases for a post, normalized, de-duplicated and without its own canonical path. */
export function cleanAliases(path: string, aliases: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const a of aliases) {
    if (!a) continue;
    const p = a.startsWith('/?p=') ? a : normalizePath(a);
    if (p !== path && p !== '/') out.add(p);
  }
  return [...out];
}
