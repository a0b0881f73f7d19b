/**
 * Atom 1.0 (RFC 4287) entries as FeedItems for lib/posts/feed.ts. `content` and `summary` arrive as raw inner
 * XML (stop nodes) so that `type="xhtml"` markup is not lost in the object tree.
 */
import { decodeEntities, htmlToText } from '../text';
import type { FeedItem } from './feed';
import { asArray, attr, deepText, Namespaces, rawXmlText, resolveUrl, textOf, type XmlNode } from './xml-utils';

/**
 * The entries of an Atom `feed` element. `rootKey` is `feed` or `prefix:feed` (a prefixed Atom document);
 * child elements use the same prefix. Relative links resolve against `xml:base` (feed, then entry), then the
 * feed's alternate link.
 */
export function atomItems(feed: XmlNode, rootKey: string): FeedItem[] {
  const p = rootKey.includes(':') ? rootKey.slice(0, rootKey.indexOf(':') + 1) : '';
  const ns = new Namespaces(feed);
  const feedLink = alternateLink(asArray(feed[`${p}link`]), null);
  const feedBase = attr(feed, 'xml:base') ?? feedLink;
  const feedAuthor = authorName(feed, p);
  return asArray(feed[`${p}entry`]).map((raw, i) => {
    const entry = (raw && typeof raw === 'object' ? raw : {}) as XmlNode;
    const entryBase = attr(entry, 'xml:base');
    const base = entryBase ? resolveUrl(entryBase, feedBase) : feedBase;
    const link = alternateLink(asArray(entry[`${p}link`]), base);
    const orig = ns.text(entry, 'feedburner', 'origLink')?.trim() || null;
    const body = asArray(entry[`${p}content`])[0] ?? asArray(entry[`${p}summary`])[0];
    return {
      index: i + 1,
      title: constructText(asArray(entry[`${p}title`])[0]),
      url: orig ?? link,
      otherUrls: orig && link ? [link] : [],
      id: textOf(asArray(entry[`${p}id`])[0] ?? '').trim() || null,
      date: textOf(asArray(entry[`${p}published`])[0] ?? '') || textOf(asArray(entry[`${p}updated`])[0] ?? '') || null,
      html: bodyHtml(body),
      tags: asArray(entry[`${p}category`]).map((c) => attr(c, 'term') ?? attr(c, 'label') ?? ''),
      author: authorName(entry, p) ?? feedAuthor,
      comments: ns.text(entry, 'thr', 'total') ?? ns.text(entry, 'slash', 'comments'),
    };
  });
}

/** The `rel="alternate"` (or rel-less) link, HTML preferred, resolved against `base`. */
function alternateLink(links: unknown[], base: string | null): string | null {
  const alts = links.filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'href'));
  const best = alts.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? alts[0];
  const href = best ? (attr(best, 'href') as string).trim() : null;
  return href ? resolveUrl(href, base) : null;
}

function authorName(node: XmlNode, p: string): string | null {
  const author = asArray(node[`${p}author`])[0];
  if (!author || typeof author !== 'object') return null;
  return textOf(asArray((author as XmlNode)[`${p}name`])[0] ?? '').trim() || null;
}

/** An Atom text construct (`title`): `text`, `html` (escaped markup) or `xhtml` (inline markup), as plain text. */
function constructText(node: unknown): string {
  if (node === undefined) return '';
  const type = attr(node, 'type') ?? 'text';
  const value = deepText(node);
  const text = type === 'text' ? decodeEntities(value) : htmlToText(value);
  return text.replace(/\s+/g, ' ').trim();
}

/** HTML of a raw `content`/`summary` stop node: xhtml keeps its markup, html/text are unescaped once. */
function bodyHtml(node: unknown): string {
  if (node === undefined) return '';
  const raw = textOf(node);
  const type = attr(node, 'type') ?? 'text';
  if (type === 'xhtml') return raw;
  const text = rawXmlText(raw);
  // Plain text may hold `<` characters that are not markup: escape them so htmlToText keeps them.
  if (type === 'text') return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return text;
}
