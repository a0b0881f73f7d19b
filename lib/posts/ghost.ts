/**
 * Parser for Ghost's JSON export (Settings → Labs → Export content). Two shapes exist:
 * Ghost ≥ 1.0 writes `{ "db": [ { "meta", "data": { posts, tags, posts_tags, users, posts_authors } } ] }`,
 * Ghost 0.x writes `{ "meta", "data": { … } }` with `page: 0|1`, `author_id`, and dates as epoch milliseconds.
 */
import { parseFeedDate } from '../dates';
import { countWords, htmlToText } from '../text';
import type { ParseResult, PostRecord, PostStatus, Reject } from '../types';
import { authorshipHintFromTags, uniqueStrings } from './authorship-hint';
import { cleanAliases, postPath } from './post-path';

type Row = Record<string, unknown>;
const STATUS: Record<string, PostStatus> = { published: 'publish', scheduled: 'future', draft: 'draft' };

/** True when `text` is JSON with Ghost's `db[0].data.posts` or `data.posts` shape (checked cheaply first). */
export function looksLikeGhost(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{') || !/"posts"\s*:/.test(t)) return false;
  try {
    return ghostData(JSON.parse(t)) !== null;
  } catch {
    return false;
  }
}

function ghostData(json: unknown): Row | null {
  const root = json as Row | null;
  const db = Array.isArray(root?.db) ? (root.db[0] as Row | undefined) : root;
  const data = db?.data as Row | undefined;
  return data && Array.isArray(data.posts) ? data : null;
}

/**
 * Parse a Ghost JSON export into posts.
 *
 * - Only `type: post` (0.x: `page: 0`) unless `includePages`; status published → publish, scheduled → future,
 *   draft → draft; others (`sent`: newsletter-only) are counted in `skipped` as `status:<name>`.
 * - path `/<slug>` (Ghost's default `/{slug}/` permalink); sourceId: Ghost's `id`; no url (the export has no site URL).
 * - publishedAt: `published_at`, an ISO string (UTC) or epoch milliseconds; drafts: null.
 * - content: `html`, else `plaintext`; tags via `posts_tags`; the first author via `posts_authors` or `author_id`.
 *   Internal tags (`#ai-assisted`) count for the authorship hint without their `#`.
 *
 * @throws Error naming `opts.file` when the text is not JSON or not a Ghost export.
 */
export function parseGhost(
  text: string,
  opts: { file: string; timeZone: string; includePages?: boolean },
): ParseResult<PostRecord> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${opts.file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const data = ghostData(json);
  if (!data) throw new Error(`${opts.file}: not a Ghost export (no db[0].data.posts or data.posts array)`);
  const rows = (key: string) => (Array.isArray(data[key]) ? (data[key] as Row[]) : []);
  const tagName = new Map(rows('tags').map((t) => [String(t.id), String(t.name ?? t.slug ?? '')]));
  const userName = new Map(rows('users').map((u) => [String(u.id), String(u.name ?? u.slug ?? '')]));
  const tagsOf = groupBy(rows('posts_tags'), 'tag_id');
  const authorsOf = groupBy(rows('posts_authors'), 'author_id');

  const records: PostRecord[] = [];
  const rejects: Reject[] = [];
  const warnings: Reject[] = [];
  const skipped: Record<string, number> = {};
  const count = (k: string) => {
    skipped[k] = (skipped[k] ?? 0) + 1;
  };
  const seen = new Set<string>();
  for (const [i, p] of rows('posts').entries()) {
    const id = String(p.id ?? '');
    const title = String(p.title ?? '');
    const item = `post ${i + 1}${id ? ` ${id}` : ''}${title ? ` "${title}"` : ''}`;
    const type = typeof p.type === 'string' ? p.type : p.page === true || p.page === 1 ? 'page' : 'post';
    if (type !== 'post' && !(type === 'page' && opts.includePages)) {
      count(type);
      continue;
    }
    const status = STATUS[String(p.status ?? '')];
    if (!status) {
      count(`status:${String(p.status)}`);
      continue;
    }
    const path = postPath(null, typeof p.slug === 'string' && p.slug ? p.slug : title);
    if (!id || path === null) {
      rejects.push({ file: opts.file, line: null, item, reason: 'post has no id, or neither slug nor title' });
      continue;
    }
    if (seen.has(path)) {
      rejects.push({ file: opts.file, line: null, item, reason: `repeats path ${path}` });
      continue;
    }
    seen.add(path);
    const published = status === 'draft' ? { iso: null } : ghostDate(p.published_at);
    if (published.warning) warnings.push({ file: opts.file, line: null, item, reason: published.warning });
    const html = typeof p.html === 'string' ? p.html : '';
    const content = html ? htmlToText(html) : String(p.plaintext ?? '').trim();
    const tags = uniqueStrings((tagsOf.get(id) ?? []).map((t) => tagName.get(t) ?? ''));
    const authorId = (authorsOf.get(id) ?? [])[0] ?? (p.author_id === undefined ? undefined : String(p.author_id));
    records.push({
      sourceId: id,
      title,
      url: null,
      path,
      publishedAt: published.iso,
      status,
      content,
      wordCount: countWords(content),
      commentCount: null,
      tags,
      author: authorId ? userName.get(authorId) || null : null,
      aliases: cleanAliases(path, []),
      authorshipHint: authorshipHintFromTags(tags.map((t) => t.replace(/^#/, ''))),
    });
  }
  return { records, rejects, warnings, skipped };
}

/** Post id → related ids (tag or author), in `sort_order` when given. */
function groupBy(links: Row[], key: string): Map<string, string[]> {
  const sorted = [...links].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0));
  const out = new Map<string, string[]>();
  for (const l of sorted) {
    const post = String(l.post_id);
    out.set(post, [...(out.get(post) ?? []), String(l[key])]);
  }
  return out;
}

/** Ghost stores UTC: epoch milliseconds (0.x) or an ISO / `YYYY-MM-DD HH:MM:SS` string. */
function ghostDate(v: unknown): { iso: string | null; warning?: string } {
  if (v === null || v === undefined || v === '') return { iso: null, warning: 'no published_at' };
  if (typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) || v <= 0
      ? { iso: null, warning: `bad published_at ${v}` }
      : { iso: d.toISOString() };
  }
  const s = String(v);
  if (/^\d{12,}$/.test(s)) return ghostDate(Number(s));
  return parseFeedDate(s, 'UTC');
}
