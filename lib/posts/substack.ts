/**
 * Parser for Substack's export (Settings → Export): `posts.csv` with the header
 * `post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url`
 * (columns found by name), and one `posts/<post_id>.html` body per post beside it.
 */
import { parse } from 'csv-parse/sync';
import { parseFeedDate } from '../dates';
import { MAX_CSV_COLUMNS, MAX_CSV_RECORD_CHARS } from '../limits';
import { normalizePath, slugify } from '../paths';
import { countWords, htmlToText } from '../text';
import type { ParseResult, PostRecord, Reject } from '../types';

/** True when the first line is a CSV header naming Substack's `post_id`, `post_date` and `is_published`. */
export function looksLikeSubstackCsv(text: string): boolean {
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .toLowerCase();
  return ['post_id', 'post_date', 'is_published'].every((c) =>
    header
      .split(',')
      .map((h) => h.trim().replace(/"/g, ''))
      .includes(c),
  );
}

/**
 * Parse Substack's posts.csv.
 *
 * - `post_id` is `<number>.<slug>`: sourceId is the number, path is `/p/<slug>` (Substack's post URLs); a row
 *   without a slug gets `/p/` + slugify(title).
 * - status: `is_published` true → publish (publishedAt from `post_date`, UTC ISO), otherwise draft (null).
 * - content from `opts.bodies` (post_id → HTML of `posts/<post_id>.html`), else the subtitle; comments unknown.
 * Rows are numbered by their CSV line for rejects (header = line 1).
 *
 * @throws Error naming `opts.file` when the CSV does not parse or lacks the required columns.
 */
export function parseSubstackCsv(
  text: string,
  opts: { file: string; timeZone: string; bodies?: Map<string, string> },
): ParseResult<PostRecord> {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => {
        if (h.length > MAX_CSV_COLUMNS)
          throw new Error(`the header has ${h.length} columns, over the limit of ${MAX_CSV_COLUMNS} (lib/limits.ts)`);
        return h.map((c) => c.trim().toLowerCase());
      },
      max_record_size: MAX_CSV_RECORD_CHARS,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (err) {
    throw new Error(`${opts.file}: not a readable CSV (${(err as Error).message})`, { cause: err });
  }
  if (!looksLikeSubstackCsv(text)) {
    throw new Error(`${opts.file}: not a Substack posts.csv (header needs post_id, post_date, is_published)`);
  }
  const records: PostRecord[] = [];
  const rejects: Reject[] = [];
  const warnings: Reject[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const postId = (row.post_id ?? '').trim();
    const title = (row.title ?? '').trim();
    const m = /^(\d+)(?:\.(.+))?$/.exec(postId);
    if (!m) {
      rejects.push({
        file: opts.file,
        line,
        item: title || undefined,
        reason: `post_id "${postId}" is not <number>.<slug>`,
      });
      return;
    }
    const slug = m[2] ?? slugify(title);
    if (!slug) {
      rejects.push({ file: opts.file, line, item: postId, reason: 'no slug in post_id and no title' });
      return;
    }
    const path = normalizePath(`/p/${slug}`);
    if (seen.has(path)) {
      rejects.push({ file: opts.file, line, item: postId, reason: `repeats path ${path}` });
      return;
    }
    seen.add(path);
    const published = /^(true|t|1|yes)$/i.test((row.is_published ?? '').trim());
    let publishedAt: string | null = null;
    if (published) {
      const d = parseFeedDate(row.post_date ?? '', opts.timeZone);
      publishedAt = d.iso;
      if (d.warning) warnings.push({ file: opts.file, line, item: postId, reason: `post_date: ${d.warning}` });
    }
    const html = opts.bodies?.get(postId);
    const content = html !== undefined ? htmlToText(html) : (row.subtitle ?? '').trim();
    records.push({
      sourceId: m[1],
      title,
      url: null,
      path,
      publishedAt,
      status: published ? 'publish' : 'draft',
      content,
      wordCount: countWords(content),
      commentCount: null,
      tags: [],
      author: null,
      aliases: [],
      authorshipHint: null,
    });
  });
  return { records, rejects, warnings };
}
