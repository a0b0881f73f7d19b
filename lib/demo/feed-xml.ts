/**
 * Writes the demo blog as a WordPress-style RSS 2.0 feed (the shape of WordPress's `/feed/`: `content:encoded`
 * in CDATA, `dc:creator`, `slash:comments`, guid `?p=ID` with isPermaLink="false"), listing every post, newest first.
 * Format sources: RSS 2.0 specification (rssboard.org), RSS content module, WordPress `feed-rss2.php`.
 */
import { escapeHtml } from './compose';
import { AUTHOR, type DemoPost, SITE_TITLE, SITE_URL } from './schedule';

/** Escapes text for XML element content and attribute values (all five predefined entities). */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Wraps text in CDATA; a `]]>` inside is split across two sections so it cannot end the first one early. */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** RFC 822 date as WordPress writes it in RSS: `Tue, 12 Mar 2024 19:42:05 +0000`. */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/** First `n` words of a post's text, WordPress excerpt style (`… [&#8230;]`), as HTML. */
function excerpt(html: string, n = 55): string {
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split(/\s+/)
    .filter(Boolean);
  return `${escapeHtml(text.slice(0, n).join(' '))}${text.length > n ? ' [&#8230;]' : ''}`;
}

function item(p: DemoPost): string {
  const cats = [p.category, ...p.tags].map((c) => `\t\t<category>${cdata(c)}</category>`).join('\n');
  return [
    '\t<item>',
    `\t\t<title>${escapeXml(p.title)}</title>`,
    `\t\t<link>${escapeXml(p.url)}</link>`,
    `\t\t<comments>${escapeXml(p.url)}#comments</comments>`,
    `\t\t<dc:creator>${cdata(AUTHOR)}</dc:creator>`,
    `\t\t<pubDate>${rfc822(p.publishedMs)}</pubDate>`,
    cats,
    `\t\t<guid isPermaLink="false">${escapeXml(`${SITE_URL}/?p=${p.id}`)}</guid>`,
    `\t\t<description>${cdata(excerpt(p.html))}</description>`,
    `\t\t<content:encoded>${cdata(p.html)}</content:encoded>`,
    `\t\t<wfw:commentRss>${escapeXml(p.url)}feed/</wfw:commentRss>`,
    `\t\t<slash:comments>${p.comments}</slash:comments>`,
    '\t</item>',
  ].join('\n');
}

/**
 * The whole feed as a UTF-8 XML string.
 * @param posts in any order; written newest first.
 * @param buildMs the channel's lastBuildDate (epoch ms UTC).
 */
export function writeFeedXml(posts: readonly DemoPost[], buildMs: number): string {
  const items = [...posts].sort((a, b) => b.publishedMs - a.publishedMs).map(item);
  return [
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"',
    '\txmlns:content="http://purl.org/rss/1.0/modules/content/"',
    '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    '\txmlns:dc="http://purl.org/dc/elements/1.1/"',
    '\txmlns:atom="http://www.w3.org/2005/Atom"',
    '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"',
    '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
    '\t>',
    '',
    '<channel>',
    `\t<title>${escapeXml(SITE_TITLE)}</title>`,
    `\t<atom:link href="${SITE_URL}/feed/" rel="self" type="application/rss+xml" />`,
    `\t<link>${SITE_URL}</link>`,
    `\t<description>${escapeXml('Allotment, bike and home-computer notes (an invented demo blog)')}</description>`,
    `\t<lastBuildDate>${rfc822(buildMs)}</lastBuildDate>`,
    '\t<language>en-GB</language>',
    '\t<sy:updatePeriod>hourly</sy:updatePeriod>',
    '\t<sy:updateFrequency>1</sy:updateFrequency>',
    '\t<generator>https://wordpress.org/?v=6.4.2</generator>',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
