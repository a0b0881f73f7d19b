/**
 * Parser for the plain-text "feed dump": a blog's feed as copied out of a feed reader / author page, one post
 * after another. The shape (see fixtures/posts/own-feed-dump.txt):
 *
 * ```
 * Blog Name                         <- first line
 * September 25, 2025                <- day header, only when the day changes
 * Post title
 * Body paragraph…                   <- paragraphs separated by blank lines
 * The post Post title appeared first on Blog.   <- WordPress feed boilerplate (optional)
 *  •  0 comments  •  flag           <- optional; the spaces around the bullet are often U+00A0
 * Share on Twitter                  <- optional
 * Published on September 25, 2025 14:32         <- ends the post; local time of the blog, no zone
 * ```
 */
import { DateTime } from 'luxon';
import { normalizePath, slugify } from '../paths';
import { countWords, normalizeParagraphs } from '../text';
import type { ParseResult, PostRecord, Reject } from '../types';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAY_HEADER = new RegExp(`^(?:${MONTHS}) \\d{1,2}, \\d{4}$`);
const PUBLISHED = /^Published on\s+(.+?)\s*$/;
const PUBLISHED_LOOSE = new RegExp(`^Published on (?:${MONTHS}) \\d{1,2}, \\d{4}`, 'm');
const COMMENTS =
  /^[\s\u00a0]*(?:[•·|][\s\u00a0]*)?(\d[\d,]*)[\s\u00a0]+comments?(?:[\s\u00a0]*[•·|][\s\u00a0]*flag)?[\s\u00a0]*$/i;
const SHARE = /^Share on (?:Twitter|X|Facebook|LinkedIn|Reddit|Tumblr|Pinterest|Email|Mastodon|Bluesky|Threads)$/i;
const BOILERPLATE = /^The post (.*) appeared first on (.*?)\.?$/;
const TIME_FORMATS = ['MMMM d, yyyy H:mm', 'MMMM d, yyyy H:mm:ss', 'MMMM d, yyyy h:mm a', 'MMMM d, yyyy'];

/**
 * True when `text` looks like a feed dump: it is not markup/JSON and has at least one
 * `Published on <Month> <d>, <yyyy>` line.
 */
export function looksLikeFeedDump(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<') || head.startsWith('{') || head.startsWith('[')) return false;
  return PUBLISHED_LOOSE.test(text);
}

/**
 * Parse a plain-text feed dump into posts.
 *
 * `Published on September 25, 2025 14:32` carries no zone: it is read as wall-clock time in `opts.timeZone`
 * (an IANA name; callers pass the site's zone, `UTC` by default) and returned as UTC ISO 8601. The path is
 * `/` + the WordPress slug of the title (the dump has no links); a repeated slug gets `-2`, `-3` on the newer
 * posts, as WordPress does. Body text excludes the "The post … appeared first on …" line and the
 * comments/share/published lines.
 *
 * @param opts.file file name used in rejects, warnings and errors.
 * @returns posts in file order (newest first in a real dump); a post with no title is rejected with its line;
 *   an unreadable date gives `publishedAt: null` and a warning (never "now").
 * @throws Error when the text has no `Published on …` line at all (not this format).
 */
export function parseFeedDump(text: string, opts: { file: string; timeZone: string }): ParseResult<PostRecord> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const ends = lines.flatMap((l, i) => (PUBLISHED.test(l.trim()) ? [i] : []));
  if (ends.length === 0 || !looksLikeFeedDump(text)) {
    throw new Error(`${opts.file}: not a feed dump (no "Published on <Month> <d>, <yyyy>" line found)`);
  }
  const records: PostRecord[] = [];
  const rejects: Reject[] = [];
  const warnings: Reject[] = [];

  // The blog's name is the first non-empty line unless the dump starts straight with a day header.
  let start = lines.findIndex((l) => l.trim() !== '');
  if (start >= 0 && !DAY_HEADER.test(lines[start].trim()) && start < ends[0]) start += 1;

  for (const end of ends) {
    const block = parseBlock(lines, start, end, opts, warnings);
    start = end + 1;
    if ('reason' in block) rejects.push(block);
    else records.push(block);
  }
  const trailing = lines.slice(start).findIndex((l) => l.trim() !== '');
  if (trailing >= 0) {
    const line = start + trailing + 1;
    rejects.push({ file: opts.file, line, reason: 'text after the last "Published on" line: a truncated post?' });
  }
  dedupeSlugs(records, opts.file, warnings);
  return { records, rejects, warnings };
}

/** One post: lines [from, end) plus the `Published on` line at `end`. Returns a record or a reject. */
function parseBlock(
  lines: string[],
  from: number,
  end: number,
  opts: { file: string; timeZone: string },
  warnings: Reject[],
): PostRecord | Reject {
  const file = opts.file;
  const published = (PUBLISHED.exec(lines[end].trim()) as RegExpExecArray)[1];
  let first = from;
  let last = end - 1;
  const skipBlank = () => {
    while (first <= last && lines[first].trim() === '') first++;
    while (last >= first && lines[last].trim() === '') last--;
  };
  skipBlank();

  let commentCount: number | null = null;
  for (;;) {
    const l = lines[last]?.trim() ?? '';
    const m = COMMENTS.exec(lines[last] ?? '');
    if (last >= first && m) commentCount = Number(m[1].replace(/,/g, ''));
    else if (!(last >= first && (SHARE.test(l) || l === ''))) break;
    last--;
  }
  let boilerTitle: string | null = null;
  const boiler = last >= first ? BOILERPLATE.exec(lines[last].trim()) : null;
  if (boiler) {
    boilerTitle = boiler[1];
    last--;
  }
  skipBlank();

  // A date line is the day header, unless it is the post's own title (the boilerplate names the title).
  if (first <= last && DAY_HEADER.test(lines[first].trim()) && lines[first].trim() !== boilerTitle) {
    first++;
    skipBlank();
  }
  if (first > last) {
    return { file, line: end + 1, reason: `post published "${published}" has no title or body` };
  }
  const titleLine = first + 1;
  const title = lines[first].trim();
  if (boilerTitle !== null && boilerTitle !== title) {
    warnings.push({
      file,
      line: titleLine,
      item: title,
      reason: `title line differs from the "appeared first on" line ("${boilerTitle}")`,
    });
  }
  const content = normalizeParagraphs(lines.slice(first + 1, last + 1).join('\n'));
  const publishedAt = parseDumpTime(published, opts.timeZone);
  if (publishedAt === null) {
    warnings.push({ file, line: end + 1, item: title, reason: `unreadable publish time "${published}"` });
  }
  const slug = slugify(title);
  if (!slug) {
    return { file, line: titleLine, item: title, reason: 'title gives an empty slug, so the post has no path' };
  }
  return {
    sourceId: null,
    title,
    url: null,
    path: normalizePath(`/${slug}`),
    publishedAt,
    status: 'publish',
    content,
    wordCount: countWords(content),
    commentCount,
    tags: [],
    author: null,
    aliases: [],
    authorshipHint: null,
  };
}

/** `September 25, 2025 14:32` (also with seconds, `2:32 PM`, or date only) in `timeZone` → UTC ISO, or null. */
function parseDumpTime(raw: string, timeZone: string): string | null {
  const s = raw.replace(/\s+/g, ' ').trim();
  for (const fmt of TIME_FORMATS) {
    const dt = DateTime.fromFormat(s, fmt, { zone: timeZone, locale: 'en-US' });
    if (dt.isValid) return dt.toUTC().toISO();
  }
  return null;
}

/** WordPress gives the older of two same-titled posts the plain slug; the dump lists newest first. */
function dedupeSlugs(records: PostRecord[], file: string, warnings: Reject[]): void {
  const seen = new Map<string, number>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    const n = (seen.get(r.path) ?? 0) + 1;
    seen.set(r.path, n);
    if (n > 1) {
      const path = `${r.path}-${n}`;
      warnings.push({ file, line: null, item: r.title, reason: `duplicate slug ${r.path}: using ${path}` });
      r.path = path;
    }
  }
}
