/**
 * Resource limits for imports: what Tend refuses to read, so that a wrong, corrupt or hostile file fails with a clear
 * error in bounded memory and time instead of exhausting the machine. Every limit is far above what a real blog
 * produces (the numbers beside each say why), and hitting one fails the whole file: nothing is written.
 *
 * Units: bytes for files and lines, UTF-16 characters (JavaScript string length) for text.
 */
import fs from 'node:fs';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Largest posts file (WXR, feed, Ghost JSON, CSV, one Markdown file): 256 MiB. A WordPress export of 10,000 posts with
 * their comments is well under 100 MB; parsing needs several times the file size in memory.
 */
export const MAX_POSTS_FILE_BYTES = 256 * MiB;

/** Largest traffic CSV export (read whole): 256 MiB, about 5 million `date,path,views` rows. Access logs are streamed. */
export const MAX_CSV_FILE_BYTES = 256 * MiB;

/**
 * Longest line of an access log: 1 MiB. Web servers refuse request headers past 8–64 KiB (nginx
 * `large_client_header_buffers`, Apache `LimitRequestLine`), so no real log line comes near; a longer one means the
 * file is not a text log (or is a hostile one), and reading stops there.
 */
export const MAX_LOG_LINE_BYTES = 1 * MiB;

/**
 * Most bytes a gzip file may inflate to: 32 GiB, several years of a busy blog's access log. Checked while streaming,
 * so a zip bomb stops here at the latest.
 */
export const MAX_DECOMPRESSED_BYTES = 32 * GiB;

/**
 * Highest inflation ratio of a gzip file, once it has inflated past {@link GZIP_RATIO_CHECK_AFTER_BYTES}: 200×. Access
 * logs compress 10–20× (very repetitive ones up to ~50×); deflate's maximum is about 1,030×, which only a bomb of
 * repeated bytes reaches. This stops a bomb after a few hundred MB instead of 32 GiB.
 */
export const MAX_GZIP_RATIO = 200;

/** Inflated bytes after which {@link MAX_GZIP_RATIO} is enforced (small files may compress unusually well): 64 MiB. */
export const GZIP_RATIO_CHECK_AFTER_BYTES = 64 * MiB;

/** Longest post title: 10,000 characters (WordPress titles are rarely over 200; a page of text is about 3,000). */
export const MAX_TITLE_CHARS = 10_000;

/**
 * Longest post content as text: 5 million characters (about 800,000 words, several novels). Embedded images are not
 * text, so they do not count.
 */
export const MAX_CONTENT_CHARS = 5_000_000;

/**
 * Longest run of character data outside CDATA in an XML file: 4 million characters. fast-xml-parser needs about 25
 * bytes of memory per character of such a run (CDATA sections are cheap and only bound by the file size).
 */
export const MAX_XML_TEXT_CHARS = 4_000_000;

/** Deepest element nesting in an XML file: 100 (a WXR comment's meta is 6 deep; HTML inside Atom content ~30). */
export const MAX_XML_DEPTH = 100;

/** Most columns in a CSV header: 1,000 (Tend's formats have under 30; a spreadsheet's default sheet has 26). */
export const MAX_CSV_COLUMNS = 1_000;

/** Longest CSV record: 16 MiB characters (a Substack body can be long; a traffic row is under 1 KiB). */
export const MAX_CSV_RECORD_CHARS = 16 * MiB;

/** Formats a byte count for messages: `256 MiB`, `1 MiB`, `12 KiB`, `900 bytes`. */
export function formatBytes(n: number): string {
  if (n >= GiB) return `${+(n / GiB).toFixed(1)} GiB`;
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/**
 * Throws when `file` is larger than `max` bytes, before anything reads it.
 * @param what words for the message, e.g. "a posts file".
 * @throws Error `FILE: is 300 MiB, larger than the 256 MiB limit for a posts file (see lib/limits.ts); nothing imported`.
 */
export function assertFileSize(file: string, max: number, what: string): void {
  const size = fs.statSync(file).size;
  if (size > max)
    throw new Error(
      `${file}: is ${formatBytes(size)}, larger than the ${formatBytes(max)} limit for ${what} (see lib/limits.ts); nothing imported`,
    );
}

/**
 * Throws when a post's title or content is absurdly long (see {@link MAX_TITLE_CHARS}, {@link MAX_CONTENT_CHARS}).
 * @param index 1-based position of the post in the file, for the message (which quotes only the title's start).
 */
export function assertPostTextLimits(file: string, index: number, title: string, content: string | null): void {
  const item = `#${index} "${title.slice(0, 40)}${title.length > 40 ? '…' : ''}"`;
  const n = (x: number) => x.toLocaleString('en-US');
  if (title.length > MAX_TITLE_CHARS)
    throw new Error(
      `${file}: post ${item}: the title is ${n(title.length)} characters long, over the limit of ${n(MAX_TITLE_CHARS)}: not a real title; nothing imported`,
    );
  if (content && content.length > MAX_CONTENT_CHARS)
    throw new Error(
      `${file}: post ${item}: the content is ${n(content.length)} characters long, over the limit of ${n(MAX_CONTENT_CHARS)}; nothing imported`,
    );
}
