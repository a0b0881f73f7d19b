/**
 * Parser for static-site posts: Markdown files with YAML (`---`) or TOML (`+++`) front matter, as Jekyll, Hugo,
 * Eleventy, Astro and Zola write them. Front matter is read by gray-matter (YAML by js-yaml, TOML by smol-toml).
 */
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { parseFeedDate } from '../dates';
import { normalizePath, slugify } from '../paths';
import { countWords, htmlToText } from '../text';
import type { ParseResult, PostRecord, Reject } from '../types';
import { authorshipHintFromTags, uniqueStrings } from './authorship-hint';
import { cleanAliases } from './post-path';

/** One Markdown file: its path relative to the folder (or its name) and its decoded text. */
export interface MarkdownFile {
  name: string;
  text: string;
}

/** `2021-9-1-title.md`, `2021-09-01-title.md` (Jekyll's `_posts` naming). */
const DATED_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;

/** True for a `.md`/`.markdown`/`.mdx` file name, or text that opens with `---` or `+++` front matter. */
export function looksLikeMarkdown(text: string, fileName: string): boolean {
  if (/\.(md|markdown|mdx)$/i.test(fileName)) return true;
  return /^\uFEFF?(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1\s*(\r?\n|$)/.test(text);
}

/**
 * Parse Markdown posts.
 *
 * Per file: title from `title` (else the first `# heading`, else the file name); date from `date` (else
 * `publishDate`, else the file name's `YYYY-M-D-` prefix), read in `opts.timeZone` when it has no zone; slug from
 * `slug`, else the file name without date prefix and extension (`index.md` takes its folder's name); path from
 * `permalink`/`url`, else `/<slug>`; `draft: true` or `published: false` → status draft with publishedAt null;
 * a date in the future → status future; tags from `tags` and `categories`; aliases from `aliases` and
 * `redirect_from`; author from `author`; authorship hint from the tags or an `authorship`/`ai` key.
 * A file whose front matter does not parse is rejected with its name; a repeated path is rejected.
 *
 * @param opts.file the folder (or file) name, used in messages.
 */
export function parseMarkdownFiles(
  files: MarkdownFile[],
  opts: { file: string; timeZone: string },
): ParseResult<PostRecord> {
  const records: PostRecord[] = [];
  const rejects: Reject[] = [];
  const warnings: Reject[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    let fm: matter.GrayMatterFile<string>;
    const text = f.text.replace(/^\uFEFF/, '');
    try {
      fm = text.startsWith('+++')
        ? matter(text, { delimiters: '+++', language: 'toml', engines: { toml: (s: string) => parseToml(s) } })
        : matter(text);
    } catch (err) {
      rejects.push({ file: f.name, line: 1, reason: `front matter does not parse: ${(err as Error).message}` });
      continue;
    }
    const data = fm.data as Record<string, unknown>;
    const base = f.name.replace(/\\/g, '/').split('/');
    let stem = (base.pop() ?? '').replace(/\.(md|markdown|mdx)$/i, '');
    if (stem === 'index' || stem === '_index') stem = base.pop() ?? stem;
    const dated = DATED_NAME.exec(stem);
    const slug = str(data.slug) ?? slugify(dated ? dated[4] : stem);
    const heading = /^#\s+(.+)$/m.exec(fm.content)?.[1]?.trim();
    const title = str(data.title) ?? heading ?? (dated ? dated[4] : stem);
    const permalink = str(data.permalink) ?? str(data.url);
    const path = permalink ? normalizePath(permalink) : normalizePath(`/${slug}`);
    if (seen.has(path)) {
      rejects.push({ file: f.name, line: null, item: title, reason: `repeats path ${path}` });
      continue;
    }
    seen.add(path);

    const draft = data.draft === true || data.published === false || data.draft === 'true';
    let publishedAt: string | null = null;
    if (!draft) {
      const raw =
        rawDate(fm.matter, data) ??
        (dated ? `${dated[1]}-${dated[2].padStart(2, '0')}-${dated[3].padStart(2, '0')}` : null);
      if (raw) {
        const d = parseFeedDate(raw, opts.timeZone);
        publishedAt = d.iso;
        if (d.warning) warnings.push({ file: f.name, line: null, item: title, reason: `date: ${d.warning}` });
      } else warnings.push({ file: f.name, line: null, item: title, reason: 'no date in front matter or file name' });
    }
    const tags = uniqueStrings([...list(data.tags), ...list(data.categories)]);
    const content = markdownToText(fm.content);
    const hintKeys = [...tags, ...list(data.authorship), ...(data.ai === true ? ['ai'] : [])];
    records.push({
      sourceId: f.name,
      title,
      url: null,
      path,
      publishedAt,
      status: draft ? 'draft' : publishedAt && publishedAt > new Date().toISOString() ? 'future' : 'publish',
      content,
      wordCount: countWords(content),
      commentCount: null,
      tags,
      author: str(data.author) ?? null,
      aliases: cleanAliases(path, [...list(data.aliases), ...list(data.redirect_from)]),
      authorshipHint: authorshipHintFromTags(hintKeys),
    });
  }
  return { records, rejects, warnings };
}

/**
 * The date as written in the front matter: js-yaml and smol-toml turn dates into Date objects in UTC, which
 * would lose "no zone given" (= site zone), so the raw text is taken from the front matter source.
 */
function rawDate(source: string, data: Record<string, unknown>): string | null {
  for (const key of ['date', 'publishDate', 'published_at', 'pubDate']) {
    const m = new RegExp(`^${key}\\s*[:=]\\s*["']?([^"'\\n#]+?)["']?\\s*(?:#.*)?$`, 'm').exec(source);
    if (m) return m[1];
    const v = data[key];
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x));
  if (typeof v === 'string') return v.split(/,\s*|\s+(?=\S)/).filter(Boolean);
  return [];
}

/** Markdown to plain text for word counts: code fences kept as text, link/image syntax and markers dropped. */
export function markdownToText(md: string): string {
  const s = md
    .replace(/\r\n?/g, '\n')
    .replace(/^(```|~~~).*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(#{1,6}|>+|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/\{\{[%<][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}/g, '');
  // Blank lines separate paragraphs, as in HTML from wpautop; inline HTML is stripped there.
  return htmlToText(s);
}
