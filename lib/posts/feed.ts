/**
 * Parser for syndication feeds: RSS 0.91/0.92/2.0 (WordPress's `/feed/` included), RSS 1.0 (RDF) and Atom 1.0
 * (RFC 4287). Only the posts the feed still lists are found: a feed is a window, not an archive.
 */
import { parseFeedDate } from '../dates';
import { shortLinkId } from '../paths';
import { countWords, decodeEntities, htmlToText } from '../text';
import type { ParseResult, PostRecord, Reject } from '../types';
import { authorshipHintFromTags, uniqueStrings } from './authorship-hint';
import { atomItems } from './feed-atom';
import { cleanAliases, postPath, shortLinkAlias } from './post-path';
import { asArray, attr, elem, Namespaces, parseXml, resolveUrl, textOf, type XmlNode } from './xml-utils';

/** What one feed entry says, before it becomes a PostRecord. Shared by the RSS and Atom readers. */
export interface FeedItem {
  /** 1-based position in the feed, for rejects. */
  index: number;
  title: string;
  url: string | null;
  /** Other URLs of the post (the feed's own link when feedburner:origLink gave the real one). */
  otherUrls: string[];
  id: string | null;
  date: string | null;
  html: string;
  tags: string[];
  author: string | null;
  comments: string | null;
}

const ROOT_RE =
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*<(rss|(?:[\w-]+:)?RDF|(?:[\w-]+:)?feed)\b([^>]*)>/;

/**
 * True when `text` is an RSS or Atom feed (root `<rss>`, `<rdf:RDF>` or `<feed>`), but not a WordPress
 * export (WXR is RSS with the `wp:` export namespace; see `looksLikeWxr`).
 */
export function looksLikeFeed(text: string): boolean {
  const m = ROOT_RE.exec(text.replace(/^\uFEFF/, '').slice(0, 20_000));
  if (!m) return false;
  return !/xmlns:\w+=["']http:\/\/wordpress\.org\/export\//.test(m[2]);
}

/**
 * Parse an RSS or Atom feed into posts (status `publish`).
 *
 * - url: `feedburner:origLink` (the real permalink) over `link` / Atom `link rel=alternate`; relative links are
 *   resolved against `xml:base` (Atom), then the channel/feed link.
 * - publishedAt: `pubDate`, `dc:date`, Atom `published`, else `updated`, read by `parseFeedDate` in
 *   `opts.timeZone` when the value has no zone; unreadable → null plus a warning naming the item.
 * - content: `content:encoded` over `description` (RSS), `content` over `summary` (Atom), as plain text.
 * - sourceId: `guid` / Atom `id`; tags: categories (Atom `term`); author: `dc:creator`, `author`, Atom
 *   `author/name` (entry, else feed); commentCount: `slash:comments` or `thr:total`, else null.
 * - authorshipHint from tags such as `ai-assisted`, `ai-generated`, `human-written` (see authorship-hint.ts).
 * - aliases: the `/?p=ID` short link when the guid or link is one (WordPress guids), the proxied feed link's path
 *   when it is on the same host as the origLink.
 *
 * Entries with neither a title nor a link, and entries repeating an earlier path, are rejected by position.
 * @throws Error naming `opts.file` when the XML is not well-formed or is not a feed (or is a WXR export).
 */
export function parseFeed(xml: string, opts: { file: string; timeZone: string }): ParseResult<PostRecord> {
  const text = xml.replace(/^\uFEFF/, '');
  if (!ROOT_RE.test(text.slice(0, 20_000))) {
    throw new Error(`${opts.file}: not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)`);
  }
  if (!looksLikeFeed(text)) {
    throw new Error(`${opts.file}: this is a WordPress export (WXR), not a feed: import it as WXR`);
  }
  const doc = parseXml(
    text,
    opts.file,
    ['item', 'entry', 'link', 'category', 'author', 'subject'],
    ['*.content', '*.summary'],
  );
  const rootKey = Object.keys(doc).find((k) => /^(rss|([\w-]+:)?RDF|([\w-]+:)?feed)$/.test(k));
  const root = rootKey ? elem(doc, rootKey) : undefined;
  if (!rootKey || !root) throw new Error(`${opts.file}: not an RSS or Atom feed (empty root element)`);

  const items = /feed$/.test(rootKey) ? atomItems(root, rootKey) : rssItems(root, rootKey);
  return toRecords(items, opts);
}

/** Items of an RSS 0.9x/2.0 (`rss/channel/item`) or RSS 1.0 (`rdf:RDF/item`) document. */
function rssItems(root: XmlNode, rootKey: string): FeedItem[] {
  const channel = elem(root, 'channel');
  const ns = new Namespaces(root, channel);
  const base = textOf(asArray(channel?.link)[0] ?? '') || null;
  // RSS 1.0 puts items beside the channel, RSS 2.0 inside it.
  const rawItems = rootKey === 'rss' ? asArray(channel?.item) : asArray(root.item);
  return rawItems.map((raw, i) => {
    const item = (raw && typeof raw === 'object' ? raw : {}) as XmlNode;
    const link = textOf(asArray(item.link)[0] ?? '').trim() || null;
    const orig = ns.text(item, 'feedburner', 'origLink')?.trim() || null;
    const guidNode = asArray(item.guid)[0];
    const guid = guidNode === undefined ? null : textOf(guidNode).trim() || null;
    const guidIsLink = guid !== null && attr(guidNode, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid);
    const about = attr(item, 'rdf:about');
    const url = orig ?? link ?? (guidIsLink ? guid : null);
    const html = ns.text(item, 'content', 'encoded') ?? textOf(asArray(item.description)[0] ?? '');
    const rssAuthor = textOf(asArray(item.author)[0] ?? '').trim();
    return {
      index: i + 1,
      title: decodeEntities(textOf(asArray(item.title)[0] ?? ''))
        .replace(/\s+/g, ' ')
        .trim(),
      url: url ? resolveUrl(url, base) : null,
      otherUrls: [orig && link ? resolveUrl(link, base) : null, guid].filter((u): u is string => !!u),
      id: guid ?? about,
      date: textOf(asArray(item.pubDate)[0] ?? '') || ns.text(item, 'dc', 'date'),
      html,
      tags: [...asArray(item.category), ...ns.all(item, 'dc', 'subject')].map((c) => decodeEntities(textOf(c))),
      author: ns.text(item, 'dc', 'creator')?.trim() || rssAuthorName(rssAuthor),
      comments: ns.text(item, 'slash', 'comments') ?? ns.text(item, 'thr', 'total'),
    };
  });
}

/** RSS `author` is an e-mail address, often `joe@example.com (Joe Bloggs)`: keep the name when there is one. */
function rssAuthorName(raw: string): string | null {
  if (!raw) return null;
  const m = /\(([^)]+)\)\s*$/.exec(raw);
  return (m ? m[1] : raw).trim() || null;
}

/** Shared by RSS and Atom: FeedItem → PostRecord, with rejects for unusable or repeated entries. */
function toRecords(items: FeedItem[], opts: { file: string; timeZone: string }): ParseResult<PostRecord> {
  const records: PostRecord[] = [];
  const rejects: Reject[] = [];
  const warnings: Reject[] = [];
  const seen = new Map<string, number>();
  for (const it of items) {
    const name = it.title || it.url || it.id || `entry ${it.index}`;
    const item = `#${it.index} ${name}`;
    const path = postPath(it.url, it.title);
    if (path === null) {
      rejects.push({ file: opts.file, line: null, item, reason: 'entry has neither a link nor a title' });
      continue;
    }
    const earlier = seen.get(path);
    if (earlier !== undefined) {
      rejects.push({ file: opts.file, line: null, item, reason: `same path ${path} as entry #${earlier}` });
      continue;
    }
    seen.set(path, it.index);
    let publishedAt: string | null = null;
    if (it.date?.trim()) {
      const d = parseFeedDate(it.date, opts.timeZone);
      publishedAt = d.iso;
      if (d.warning) warnings.push({ file: opts.file, line: null, item, reason: `publish date: ${d.warning}` });
    } else {
      warnings.push({ file: opts.file, line: null, item, reason: 'no publish date' });
    }
    const content = stripAppearedFirst(htmlToText(it.html));
    const tags = uniqueStrings(it.tags);
    const comments = it.comments !== null && /^\s*\d+\s*$/.test(it.comments) ? Number(it.comments) : null;
    const shortId = [it.url, ...it.otherUrls].map((u) => (u ? shortLinkId(u) : null)).find((id) => id !== null);
    const sameHost = it.otherUrls.filter((u) => it.url && /^https?:/i.test(u) && host(u) === host(it.url));
    records.push({
      sourceId: it.id,
      title: it.title,
      url: it.url,
      path,
      publishedAt,
      status: 'publish',
      content,
      wordCount: countWords(content),
      commentCount: comments,
      tags,
      author: it.author,
      aliases: cleanAliases(path, [...sameHost, shortId ? shortLinkAlias(shortId) : null]),
      authorshipHint: authorshipHintFromTags(tags),
    });
  }
  return { records, rejects, warnings };
}

/** WordPress SEO plugins append "The post X appeared first on Blog." to feed bodies: not the author's words. */
function stripAppearedFirst(text: string): string {
  return text.replace(/(?:^|\n\n)The post [^\n]* appeared first on [^\n]*$/, '');
}

function host(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}
