/**
 * Post inventory entry point: detect which export format a text (or folder) is, decode its bytes, and
 * dispatch to the parser for that format. Used by scripts/import.ts and db/importers.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { assertFileSize, assertPostTextLimits, MAX_POSTS_FILE_BYTES } from '../limits';
import type { ParseResult, PostRecord } from '../types';
import { decodeText } from './decode';
import { looksLikeFeed, parseFeed } from './feed';
import { looksLikeFeedDump, parseFeedDump } from './feed-dump';
import { looksLikeGhost, parseGhost } from './ghost';
import { looksLikeMarkdown, type MarkdownFile, parseMarkdownFiles } from './markdown';
import { looksLikeSubstackCsv, parseSubstackCsv } from './substack';
import { looksLikeWxr, parseWxr } from './wxr';

export const POST_FORMATS = ['feed-dump', 'rss', 'atom', 'wxr', 'ghost', 'markdown', 'substack-csv'] as const;
export type PostFormat = (typeof POST_FORMATS)[number];

export interface PostsOptions {
  /** File name for messages and rejects. */
  file: string;
  /** IANA zone of the site: dates without a zone are wall-clock times there. */
  timeZone: string;
  /** Skip detection. */
  format?: PostFormat | string;
  /** WXR and Ghost: import pages as well as posts. */
  includePages?: boolean;
}

/**
 * Which posts format `text` is, from its content first and its file name second, or null when none fits.
 * Order matters: WXR is also RSS, so it is tested before feeds.
 */
export function detectPostFormat(text: string, fileName: string): PostFormat | null {
  const t = text.replace(/^\uFEFF/, '');
  if (looksLikeWxr(t)) return 'wxr';
  if (looksLikeFeed(t))
    return /<(?:[\w-]+:)?feed\b/.test(t.slice(0, 20_000)) && !/<rss\b/.test(t.slice(0, 2000)) ? 'atom' : 'rss';
  if (looksLikeGhost(t)) return 'ghost';
  if (looksLikeSubstackCsv(t)) return 'substack-csv';
  if (looksLikeFeedDump(t)) return 'feed-dump';
  if (looksLikeMarkdown(t, fileName)) return 'markdown';
  return null;
}

/**
 * Parse a posts text in the given or detected format.
 *
 * @returns the parser's ParseResult plus the format used.
 * @throws Error naming `opts.file` when the format is unknown, a post's title or content is over the limits of
 *   lib/limits.ts, or the parser's own error (also naming the file).
 */
export function parsePostsText(text: string, opts: PostsOptions): ParseResult<PostRecord> & { format: PostFormat } {
  return withinLimits(parseByFormat(text, opts), opts.file);
}

/** Absurd titles and contents fail the whole file (or folder), whatever the format (lib/limits.ts). */
function withinLimits<T extends ParseResult<PostRecord>>(res: T, file: string): T {
  res.records.forEach((r, i) => {
    assertPostTextLimits(file, i + 1, r.title, r.content);
  });
  return res;
}

function parseByFormat(text: string, opts: PostsOptions): ParseResult<PostRecord> & { format: PostFormat } {
  const format = (opts.format ?? detectPostFormat(text, opts.file)) as PostFormat | null;
  const base = { file: opts.file, timeZone: opts.timeZone };
  switch (format) {
    case 'feed-dump':
      return { ...parseFeedDump(text, base), format };
    case 'rss':
    case 'atom':
      return { ...parseFeed(text, base), format };
    case 'wxr':
      return { ...parseWxr(text, { ...base, includePages: opts.includePages }), format };
    case 'ghost':
      return { ...parseGhost(text, { ...base, includePages: opts.includePages }), format };
    case 'substack-csv':
      return { ...parseSubstackCsv(text, base), format };
    case 'markdown':
      return { ...parseMarkdownFiles([{ name: opts.file, text }], base), format };
    default:
      throw new Error(
        `${opts.file}: ${opts.format ? `unknown posts format "${opts.format}"` : 'not a known posts format'}. ` +
          `Expected one of: ${POST_FORMATS.join(', ')} (WordPress WXR export, RSS/Atom feed, feed dump text, ` +
          'Ghost JSON export, Substack posts.csv, Markdown with front matter or a folder of them)',
      );
  }
}

/**
 * Read a posts file, or a folder, and parse it.
 *
 * - A file's bytes are decoded by `decodeText` (UTF-8 with or without BOM, UTF-16 with BOM, the XML prolog's
 *   encoding such as ISO-8859-1 / windows-1252); a decoding fallback is reported as a warning.
 * - A folder holding `posts.csv` is a Substack export (bodies from `posts/<post_id>.html` when present);
 *   any other folder is read as Markdown (`*.md`, `*.markdown`, `*.mdx`, recursively; dot folders and
 *   `node_modules` skipped).
 *
 * @throws Error naming the path when it cannot be read, or the format is unknown (see parsePostsText).
 */
export async function readPostsFile(
  filePath: string,
  opts: { timeZone: string; format?: PostFormat | string; includePages?: boolean },
): Promise<ParseResult<PostRecord> & { format: PostFormat }> {
  const info = await stat(filePath).catch((err: unknown) => {
    throw new Error(`${filePath}: cannot read (${(err as Error).message})`, { cause: err });
  });
  if (info.isDirectory()) return withinLimits(await readPostsFolder(filePath, opts), filePath);
  assertFileSize(filePath, MAX_POSTS_FILE_BYTES, 'a posts file');
  const decoded = decodeText(await readFile(filePath));
  const res = parsePostsText(decoded.text, { ...opts, file: filePath });
  if (decoded.warning) res.warnings.unshift({ file: filePath, line: null, reason: decoded.warning });
  return res;
}

async function readPostsFolder(
  dir: string,
  opts: { timeZone: string; format?: PostFormat | string; includePages?: boolean },
): Promise<ParseResult<PostRecord> & { format: PostFormat }> {
  const csv = path.join(dir, 'posts.csv');
  const hasCsv = await stat(csv).then(
    (s) => s.isFile(),
    () => false,
  );
  if (hasCsv && (opts.format === undefined || opts.format === 'substack-csv')) {
    const bodies = new Map<string, string>();
    const htmlDir = path.join(dir, 'posts');
    const names = await readdir(htmlDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.html'))) {
      assertFileSize(path.join(htmlDir, name), MAX_POSTS_FILE_BYTES, 'a post body');
      bodies.set(name.slice(0, -5), decodeText(await readFile(path.join(htmlDir, name))).text);
    }
    assertFileSize(csv, MAX_POSTS_FILE_BYTES, 'a posts file');
    const text = decodeText(await readFile(csv)).text;
    return { ...parseSubstackCsv(text, { file: csv, timeZone: opts.timeZone, bodies }), format: 'substack-csv' };
  }
  if (opts.format !== undefined && opts.format !== 'markdown') {
    throw new Error(
      `${dir}: is a folder; only Markdown folders and Substack exports (posts.csv) can be read as folders`,
    );
  }
  const files: MarkdownFile[] = [];
  for (const rel of await listMarkdown(dir)) {
    assertFileSize(path.join(dir, rel), MAX_POSTS_FILE_BYTES, 'a Markdown file');
    files.push({ name: rel, text: decodeText(await readFile(path.join(dir, rel))).text });
  }
  if (files.length === 0) throw new Error(`${dir}: no Markdown files (*.md, *.markdown, *.mdx) in this folder`);
  return { ...parseMarkdownFiles(files, { file: dir, timeZone: opts.timeZone }), format: 'markdown' };
}

/** Markdown files under `dir`, as sorted relative paths (sorted so that imports are repeatable). */
async function listMarkdown(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = prefix ? path.join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...(await listMarkdown(dir, rel)));
    else if (/\.(md|markdown|mdx)$/i.test(entry.name)) out.push(rel);
  }
  return out.sort();
}
