/**
 * Writes of the post inventory, shared by the importers and the demo. Call inside a transaction.
 */
import { DateTime } from 'luxon';
import type { PostRecord } from '../../lib/types';
import type { Db } from '../client';

type Tx = Pick<Db, '$client'>;

export interface UpsertPostsResult {
  inserted: number;
  updated: number;
  unchanged: number;
  aliasesAdded: number;
  /** Ids of the posts written, in input order. */
  ids: number[];
}

/** Calendar day of a UTC instant in `timeZone`, or null. */
export function publishedDayOf(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone);
  return dt.isValid ? dt.toISODate() : null;
}

/**
 * Insert or update posts. Identity: the source's own id (`source` + `sourceId`), then the canonical path, then a
 * known alias. An update keeps the post's id (so its traffic, label and decision stay); a changed path keeps the
 * old one as an alias. Two records of one batch with the same path and no source id are two posts: the second
 * gets WordPress's `-2` suffix. Author-set labels and decisions are never touched; new posts get an
 * `undecided` decision row.
 *
 * @param source importer format name stored on the post (`feed-dump`, `rss`, `wxr`, ...)
 */
export function upsertPosts(tx: Tx, records: PostRecord[], source: string, timeZone: string): UpsertPostsResult {
  const c = tx.$client;
  const bySourceId = c.prepare('select id, path, source, source_id from posts where source = ? and source_id = ?');
  const byPath = c.prepare('select id, path, source, source_id from posts where path = ?');
  const byAlias = c.prepare('select post_id as id from post_aliases where path = ?');
  const current = c.prepare(
    'select title, url, published_at, status, word_count, comment_count, content, tags, author, source_id from posts where id = ?',
  );
  const insert = c.prepare(`insert into posts (path, url, title, published_at, published_day, status, word_count,
      comment_count, content, source, source_id, tags, author) values (?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const update = c.prepare(`update posts set path = ?, url = ?, title = ?, published_at = ?, published_day = ?,
      status = ?, word_count = ?, comment_count = ?, content = ?, source = ?, source_id = coalesce(?, source_id),
      tags = ?, author = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?`);
  const addAlias = c.prepare('insert or ignore into post_aliases (path, post_id, kind) values (?, ?, ?)');
  const dropAlias = c.prepare('delete from post_aliases where path = ?');
  const addDecision = c.prepare("insert or ignore into decisions (post_id, decision) values (?, 'undecided')");

  const result: UpsertPostsResult = { inserted: 0, updated: 0, unchanged: 0, aliasesAdded: 0, ids: [] };
  const pathsThisBatch = new Set<string>();

  for (const r of records) {
    // Same-title posts without ids: the n-th one in a batch is `slug-n`, as WordPress names them.
    let path = r.sourceId === null ? nextFree(r.path, pathsThisBatch) : r.path;
    let found = (r.sourceId ? bySourceId.get(source, r.sourceId) : undefined) as Found | undefined;
    if (!found) {
      const atPath = (byPath.get(path) ?? aliasOwner(c, byAlias.get(path) as { id: number } | undefined)) as
        | Found
        | undefined;
      // A post at this path that has another id from the same source is another post.
      const other =
        atPath && r.sourceId && atPath.source === source && atPath.source_id && atPath.source_id !== r.sourceId;
      if (atPath && !other) found = atPath;
    }
    if (!found) path = freePath(c, path, pathsThisBatch);
    else if (r.sourceId !== null && path !== found.path && byPath.get(path)) path = found.path;
    pathsThisBatch.add(path);
    const publishedDay = publishedDayOf(r.publishedAt, timeZone);
    const tags = JSON.stringify(r.tags);
    // The written columns, in the order both the insert and the update list them.
    const columns = [
      path,
      r.url,
      r.title,
      r.publishedAt,
      publishedDay,
      r.status,
      r.wordCount,
      r.commentCount,
      r.content,
      source,
      r.sourceId,
      tags,
      r.author,
    ] as const;
    let id: number;
    if (found) {
      id = found.id;
      const before = current.get(id) as Record<string, unknown>;
      const same =
        found.path === path &&
        before.title === r.title &&
        before.url === r.url &&
        before.published_at === r.publishedAt &&
        before.status === r.status &&
        before.word_count === r.wordCount &&
        before.comment_count === r.commentCount &&
        before.content === r.content &&
        before.tags === tags &&
        before.author === r.author;
      if (same) result.unchanged++;
      else {
        if (found.path !== path) {
          // A changed slug: the old path keeps leading here, so past traffic and old links still match.
          addAlias.run(found.path, id, 'old-path');
          dropAlias.run(path);
        }
        update.run(...columns, id);
        result.updated++;
      }
    } else {
      id = Number(insert.run(...columns).lastInsertRowid);
      result.inserted++;
    }
    addDecision.run(id);
    for (const alias of r.aliases) {
      if (alias === path) continue;
      if (byPath.get(alias)) continue; // another post's canonical path is never an alias
      result.aliasesAdded += addAlias.run(alias, id, 'alias').changes;
    }
    result.ids.push(id);
  }
  return result;
}

interface Found {
  id: number;
  path: string;
  source: string;
  source_id: string | null;
}

function aliasOwner(c: Db['$client'], alias: { id: number } | undefined): Found | undefined {
  if (!alias) return undefined;
  return c.prepare('select id, path, source, source_id from posts where id = ?').get(alias.id) as Found;
}

/** `path`, or `path-2`, `path-3`... whichever this batch has not used yet. */
function nextFree(path: string, batch: Set<string>): string {
  if (!batch.has(path)) return path;
  for (let n = 2; ; n++) if (!batch.has(`${path}-${n}`)) return `${path}-${n}`;
}

/** First of `path`, `path-2`, `path-3`... not used by a post or by this batch. */
function freePath(c: Db['$client'], path: string, batch: Set<string>): string {
  const taken = (p: string) => batch.has(p) || c.prepare('select 1 from posts where path = ?').get(p) !== undefined;
  if (!taken(path)) return path;
  for (let n = 2; ; n++) {
    const candidate = `${path}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
