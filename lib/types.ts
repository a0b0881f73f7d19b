/**
 * Shared record shapes produced by the parsers in lib/ and consumed by db/mutations.
 * All times are UTC ISO 8601 strings (`2025-09-25T14:32:00.000Z`); all days are `YYYY-MM-DD`
 * calendar days in the site time zone.
 */

/** Authorship labels the author can set. `null` in the database means unlabelled. */
export const AUTHORSHIP_LABELS = ['human', 'ai-assisted', 'ai-generated'] as const;
export type AuthorshipLabel = (typeof AUTHORSHIP_LABELS)[number];

/** Keep/cull decision. */
export const DECISIONS = ['undecided', 'keep', 'cull'] as const;
export type Decision = (typeof DECISIONS)[number];

export const POST_STATUSES = ['publish', 'future', 'draft', 'private'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** One line, item or row an importer could not use. `line` is 1-based; `item` names a feed item (title or id). */
export interface Reject {
  file: string;
  line: number | null;
  item?: string;
  reason: string;
}

/** One post as a parser understood it, before it is matched to an existing post. */
export interface PostRecord {
  /** The source's own id (WXR post_id, Atom id, RSS guid), or null when the format has none. */
  sourceId: string | null;
  /** Exact title text (entities decoded, never HTML-escaped). May be empty. */
  title: string;
  /** Absolute permalink when the source gives one. */
  url: string | null;
  /** Canonical path of the post, as produced by `normalizePath` in lib/paths.ts (e.g. `/so-about-this-blog`). */
  path: string;
  /** Publish time, UTC ISO 8601, or null when unpublished or unknown. */
  publishedAt: string | null;
  status: PostStatus;
  /** Plain text of the body (HTML stripped, paragraphs separated by blank lines). */
  content: string;
  wordCount: number;
  commentCount: number | null;
  tags: string[];
  author: string | null;
  /** Other paths that lead to this post (old slugs, `?p=ID` style, origLink paths), normalized. */
  aliases: string[];
  /** Authorship hint found in the source metadata (a tag such as `ai-assisted`), or null. */
  authorshipHint: AuthorshipLabel | null;
}

/** Result shape of every parser: the good records and the rejected lines/items. Warnings do not reject. */
export interface ParseResult<T> {
  records: T[];
  rejects: Reject[];
  warnings: Reject[];
  /** Counts of items skipped on purpose, by reason (e.g. `{ attachment: 37, 'nav_menu_item': 70 }`). */
  skipped?: Record<string, number>;
}

/**
 * Traffic for one path on one day from one source, after bot classification.
 * Paths are normalized (`normalizePath`); matching to posts happens later in db/mutations.
 */
export interface DailyPathViews {
  day: string;
  path: string;
  pageViews: number;
  /** Unique visitors that day (null when the source does not say). */
  visitors: number | null;
  botHits: number;
  /** What kind of resource the path is: only `page` rows can become page views of a post. */
  kind: PathKind;
}

export type PathKind = 'page' | 'feed' | 'asset' | 'api' | 'admin';

/** Counters every traffic parser reports, for the import summary line. */
export interface TrafficCounts {
  /** Lines (or rows) read, blank and comment lines excluded. */
  read: number;
  /** Human page views counted (GET, 2xx/304, non-bot, page kind). */
  pageViews: number;
  /** Requests by bots (isbot or a named AI crawler), any method and status. */
  botHits: number;
  /** Malformed lines. */
  rejected: number;
  /** Requests that are not page views for another reason (non-GET, error status, asset, feed, redirect). */
  other: number;
}
