/**
 * Parser for WordPress eXtended RSS (WXR) 1.0–1.2, the file of WordPress's Tools → Export
 * (format: wordpress-importer's `parsers/class-wxr-parser-*.php` and core's `wp-admin/includes/export.php`).
 */
import { parseFeedDate } from '../dates';
import { normalizePath } from '../paths';
import { countWords, decodeEntities, htmlToText, inlineHtmlToText } from '../text';
import { type ParseResult, POST_STATUSES, type PostRecord, type PostStatus, type Reject } from '../types';
import { authorshipHintFromTags, uniqueStrings } from './authorship-hint';
import { cleanAliases, postPath, shortLinkAlias } from './post-path';
import { itemAtLine, repairCdata } from './wxr-cdata';
import { asArray, attr, elem, Namespaces, parseXml, resolveUrl, textOf, type XmlNode } from './xml-utils';

const ZERO_DATE = /^0000-00-00(?:[ T]00:00:00)?$/;

/** True when `text` is a WXR file: an `<rss>` document declaring WordPress's export namespace. */
export function looksLikeWxr(text: string): boolean {
  const head = text.slice(0, 20_000);
  return /<rss\b[^>]*xmlns:\w+=["']https?:\/\/wordpress\.org\/export\/\d/.test(head) || /<wp:wxr_version>/.test(head);
}

/**
 * Parse a WXR export into posts.
 *
 * - Items: `post` only, plus `page` when `opts.includePages`; other types (attachment, nav_menu_item, wp_block,
 *   custom types, and pages by default) are counted in `skipped` by post type, never imported.
 * - Status: publish, future, draft and private are kept; any other (inherit, trash, pending, auto-draft) is
 *   counted in `skipped` as `status:<name>`.
 * - Identity: sourceId `post:<wp:post_id>` / `page:<wp:post_id>` (GUIDs repeat across types); a repeated
 *   (type, id) is rejected.
 * - publishedAt: `wp:post_date_gmt` (UTC); `0000-00-00 00:00:00` → null; only when the GMT field is missing,
 *   `wp:post_date` read in `opts.timeZone`. Drafts are unpublished: always null.
 * - path: from `link` (relative links against the channel's blog URL); a short link or missing link gives
 *   `/<wp:post_name>` when the item is published with a slug, else the literal `/?p=ID`.
 * - aliases: `/?p=ID` (literal, see `shortLinkAlias`) and paths with each `_wp_old_slug` in place of the slug.
 * - tags: names of `category` elements with domain `category` or `post_tag`; authorshipHint from those names
 *   and their nicenames. author: `dc:creator`. commentCount: approved `wp:comment`s (`comment_approved` 1), as
 *   WordPress's own comment_count; held (0), spam and trash comments are not counted.
 * - A literal `]]>` inside a CDATA section is repaired as WordPress's importer reads it, with a warning naming
 *   the item and line, so no post is cut short silently.
 *
 * @throws Error naming `opts.file` (and the line and item) when the XML is not well-formed, or when it is not WXR.
 */
export function parseWxr(
  xml: string,
  opts: { file: string; timeZone: string; includePages?: boolean },
): ParseResult<PostRecord> {
  const original = xml.replace(/^\uFEFF/, '');
  if (!looksLikeWxr(original)) {
    throw new Error(`${opts.file}: not a WordPress export (WXR): no wordpress.org/export namespace on <rss>`);
  }
  const { xml: text, repairs } = repairCdata(original);
  const warnings: Reject[] = repairs.map((r) => ({
    file: opts.file,
    line: r.line,
    item: itemAtLine(original, r.line) ?? undefined,
    reason: `literal "]]>" inside the CDATA of <${r.element}>: read up to </${r.element}> as WordPress's importer does`,
  }));
  let doc: XmlNode;
  try {
    doc = parseXml(text, opts.file, ['item', 'category', 'wp:comment', 'wp:postmeta']);
  } catch (err) {
    const line = Number(/at line (\d+)/.exec((err as Error).message)?.[1] ?? 0);
    const item = line ? itemAtLine(text, line) : null;
    throw new Error(`${(err as Error).message}${item ? ` (in ${item})` : ''}`, { cause: err });
  }
  const rss = elem(doc, 'rss');
  const channel = elem(rss, 'channel');
  if (!rss || !channel) throw new Error(`${opts.file}: not a WordPress export (WXR): no <rss><channel>`);
  const ns = new Namespaces(rss, channel);
  const base = ns.text(channel, 'wp', 'base_blog_url')?.trim() || textOf(asArray(channel.link)[0] ?? '').trim() || null;

  const records: PostRecord[] = [];
  const rejects: Reject[] = [];
  const skipped: Record<string, number> = {};
  const seen = new Set<string>();
  const wanted = new Set(opts.includePages ? ['post', 'page'] : ['post']);
  const count = (key: string) => {
    skipped[key] = (skipped[key] ?? 0) + 1;
  };

  for (const raw of asArray(channel.item)) {
    const item = (raw && typeof raw === 'object' ? raw : {}) as XmlNode;
    const type = ns.text(item, 'wp', 'post_type')?.trim() || 'post';
    const id = ns.text(item, 'wp', 'post_id')?.trim() ?? '';
    const title = inlineHtmlToText(textOf(asArray(item.title)[0] ?? ''));
    const name = `${type} ${id || '?'}${title ? ` "${title}"` : ''}`;
    if (!wanted.has(type)) {
      count(type);
      continue;
    }
    const status = ns.text(item, 'wp', 'status')?.trim() || 'publish';
    if (!(POST_STATUSES as readonly string[]).includes(status)) {
      count(`status:${status}`);
      continue;
    }
    if (!/^\d+$/.test(id)) {
      rejects.push({ file: opts.file, line: null, item: name, reason: `missing or non-numeric wp:post_id "${id}"` });
      continue;
    }
    const key = `${type}:${id}`;
    if (seen.has(key)) {
      rejects.push({ file: opts.file, line: null, item: name, reason: `repeats ${key} from an earlier item` });
      continue;
    }
    seen.add(key);

    const date = publishDate(item, ns, status as PostStatus, opts.timeZone);
    if (date.warning) warnings.push({ file: opts.file, line: null, item: name, reason: date.warning });
    const link = textOf(asArray(item.link)[0] ?? '').trim();
    const url = link ? resolveUrl(link, base) : null;
    const slug = ns.text(item, 'wp', 'post_name')?.trim() ?? '';
    const path = itemPath(url, slug, id, status);
    const cats = asArray(item.category).filter((c) => ['category', 'post_tag'].includes(attr(c, 'domain') ?? ''));
    const tags = uniqueStrings(cats.map((c) => decodeEntities(textOf(c))));
    const nicenames = cats.map((c) => attr(c, 'nicename') ?? '');
    const content = htmlToText(ns.text(item, 'content', 'encoded') ?? '');
    records.push({
      sourceId: key,
      title,
      url,
      path,
      publishedAt: date.iso,
      status: status as PostStatus,
      content,
      wordCount: countWords(content),
      commentCount: ns.all(item, 'wp', 'comment').filter((c) => approved(c as XmlNode, ns)).length,
      tags,
      author: ns.text(item, 'dc', 'creator')?.trim() || null,
      aliases: cleanAliases(path, [
        shortLinkAlias(id),
        // A site on plain `?p=ID` permalinks: `/<slug>` is where the post lands once pretty permalinks are turned on.
        path.startsWith('/?') && slug && (status === 'publish' || status === 'private') ? `/${slug}` : null,
        ...oldSlugPaths(item, ns, path),
      ]),
      authorshipHint: authorshipHintFromTags([...tags, ...nicenames]),
    });
  }
  return { records, rejects, warnings, skipped };
}

/** publishedAt per the rules in parseWxr's docstring. */
function publishDate(item: XmlNode, ns: Namespaces, status: PostStatus, timeZone: string) {
  if (status === 'draft') return { iso: null };
  const gmt = ns.text(item, 'wp', 'post_date_gmt')?.trim();
  if (gmt !== undefined && gmt !== '') {
    if (ZERO_DATE.test(gmt)) return { iso: null };
    const d = parseFeedDate(gmt, 'UTC');
    return { iso: d.iso, warning: d.warning && `wp:post_date_gmt: ${d.warning}` };
  }
  const local = ns.text(item, 'wp', 'post_date')?.trim();
  if (!local || ZERO_DATE.test(local)) return { iso: null, warning: 'no publish date' };
  const d = parseFeedDate(local, timeZone);
  return { iso: d.iso, warning: d.warning && `wp:post_date: ${d.warning}` };
}

/** Canonical path: the permalink's path; a short link or no link falls back to the slug, then to `/?p=ID`. */
function itemPath(url: string | null, slug: string, id: string, status: string): string {
  const fromLink = url ? postPath(url, '') : null;
  if (fromLink && !fromLink.startsWith('/?')) return fromLink;
  // An unpublished post has no permalink yet: its slug is a wish, not a URL that served traffic.
  if (slug && (status === 'publish' || status === 'private') && !url) return normalizePath(`/${slug}`);
  return `/?p=${id}`;
}

/** Paths the post answered at under earlier slugs (`_wp_old_slug` post meta; WordPress redirects them). */
function oldSlugPaths(item: XmlNode, ns: Namespaces, path: string): string[] {
  if (path.startsWith('/?')) return [];
  const out: string[] = [];
  for (const meta of ns.all(item, 'wp', 'postmeta')) {
    const m = meta as XmlNode;
    if (ns.text(m, 'wp', 'meta_key')?.trim() !== '_wp_old_slug') continue;
    const old = ns.text(m, 'wp', 'meta_value')?.trim();
    if (old) out.push(path.replace(/[^/]+$/, old));
  }
  return out;
}

function approved(comment: XmlNode, ns: Namespaces): boolean {
  const v = ns.text(comment, 'wp', 'comment_approved')?.trim();
  return v === '1' || v === 'approve';
}
