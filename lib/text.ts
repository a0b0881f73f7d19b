/**
 * Plain-text helpers shared by the post parsers: HTML to text, word counts, entity decoding.
 * Entity tables come from the `html-entities` package (the full HTML5 list), not from a hand-kept table.
 */
import { decode } from 'html-entities';

/** Elements that end a paragraph: their open and close tags become a blank line in the text. */
const BLOCK_TAGS =
  'p|div|section|article|aside|header|footer|main|nav|figure|figcaption|blockquote|pre|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|hr|address|details|summary';
const BLOCK_RE = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi');
/** Private-use marker for a paragraph break while whitespace is being collapsed. */
const PARA = '\uE000';
const LINE = '\uE001';

/**
 * Decode HTML character references (named, decimal, hex; the HTML5 set) in `s`.
 *
 * Handles double-encoded text such as WordPress titles exported as `&amp;amp;` or `&amp;#8217;`: when the
 * input holds `&amp;` followed by another reference, it is decoded a second time. A single-encoded
 * `&amp;` is decoded once only, so a literal `&lt;` written as `&amp;lt;` in single-encoded text is the
 * one case this cannot tell apart (it is rare in titles and far rarer than double encoding).
 *
 * @example decodeEntities('Fish &amp;amp; Chips') === 'Fish & Chips'
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const once = decode(s, { level: 'html5', scope: 'body' });
  return /&amp;(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(s) ? decode(once, { level: 'html5', scope: 'body' }) : once;
}

/**
 * Turn an HTML fragment (a post body from a feed, WXR or Ghost) into plain text.
 *
 * Scripts, styles and comments (Gutenberg's `<!-- wp:... -->` block markers) are removed; block elements
 * and blank lines in the source (WordPress stores `post_content` without `<p>`, paragraphs separated by a
 * blank line) become paragraph breaks; `<br>` becomes a line break; every other tag is dropped; entities are
 * decoded after the tags are gone (so an escaped `&lt;p&gt;` stays text); runs of spaces collapse.
 *
 * @returns paragraphs joined by one blank line (`\n\n`), trimmed; `''` for empty input.
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  let s = html.replace(/\r\n?/g, '\n');
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  // A blank line in the source is a paragraph break (wpautop's rule); other newlines are plain spaces.
  s = s.replace(/\n[ \t]*\n\s*/g, PARA);
  s = s.replace(BLOCK_RE, PARA);
  s = s.replace(/<br\s*\/?>/gi, LINE);
  s = s.replace(/<(?:img|input|video|audio|iframe|embed|object)\b[^>]*>/gi, ' ');
  s = s.replace(/<\/?[a-z][^>]*>/gi, '');
  s = decodeEntities(s);
  return s
    .split(PARA)
    .map((para) =>
      para
        .split(LINE)
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((para) => para.length > 0)
    .join('\n\n');
}

/**
 * Count the words of a plain text: whitespace-separated tokens that hold at least one letter or digit in any
 * script (so `—`, `•` or an emoji alone are not words, `don’t` and `4-bit` are one word each).
 * Scripts written without spaces (Chinese, Japanese) count one word per run, a known limit.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) n++;
  }
  return n;
}

/**
 * Normalize a plain-text body: Windows/Mac line ends to `\n`, spaces collapsed inside each paragraph,
 * paragraphs (separated by one or more blank lines) joined by exactly one blank line.
 */
export function normalizeParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/**
 * A one-line text from a short HTML string such as a WordPress title (`Title <em>With</em> Markup`): element
 * tags removed, entities decoded (double-encoded too), whitespace collapsed. Only `<` followed by a letter or
 * `/` and closed by `>` counts as a tag, so `a < b` and `->` survive.
 */
export function inlineHtmlToText(html: string): string {
  return decodeEntities(html.replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
