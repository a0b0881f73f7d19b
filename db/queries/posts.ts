/**
 * Reads for the posts list, the post page and the export. Numbers come from post_stats (kept current by the
 * importer), never from a scan of daily_views.
 */
import type { AuthorshipLabel, Decision } from '../../lib/types';
import type { Db } from '../client';

export type Cohort = AuthorshipLabel | 'unlabelled';

export interface PostRow {
  id: number;
  path: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  status: string;
  wordCount: number;
  label: AuthorshipLabel | null;
  suggestedLabel: AuthorshipLabel | null;
  cohort: Cohort;
  lifetimeViews: number;
  first30Views: number;
  last30Views: number;
  botHits: number;
  decision: Decision;
  note: string;
}

export const SORTS = {
  published: 'p.published_at',
  title: 'p.title collate nocase',
  lifetime: 's.lifetime_views',
  first30: 's.first30_views',
  last30: 's.last30_views',
  bot: 's.bot_hits',
} as const;
export type SortKey = keyof typeof SORTS;

export interface PostFilter {
  cohort?: Cohort;
  decision?: Decision;
  sort?: SortKey;
  dir?: 'asc' | 'desc';
  q?: string;
}

const SELECT = `select p.id, p.path, p.url, p.title, p.published_at as publishedAt, p.status, p.word_count as wordCount,
  a.label, a.suggested_label as suggestedLabel, coalesce(a.label, 'unlabelled') as cohort,
  coalesce(s.lifetime_views, 0) as lifetimeViews, coalesce(s.first30_views, 0) as first30Views,
  coalesce(s.last30_views, 0) as last30Views, coalesce(s.bot_hits, 0) as botHits,
  coalesce(d.decision, 'undecided') as decision, coalesce(d.note, '') as note
  from posts p left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
  left join decisions d on d.post_id = p.id`;

/** A page of the list: `limit` rows after skipping `offset` (both whole numbers). */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** The joins a filter and sort need (left joins on a primary key: a post without the row still counts). */
function filterSql(f: PostFilter): { joins: string; where: string; args: unknown[] } {
  const joins: string[] = [];
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.cohort) {
    joins.push('left join authorship a on a.post_id = p.id');
    where.push("coalesce(a.label, 'unlabelled') = ?");
    args.push(f.cohort);
  }
  if (f.decision) {
    joins.push('left join decisions d on d.post_id = p.id');
    where.push("coalesce(d.decision, 'undecided') = ?");
    args.push(f.decision);
  }
  if (f.q) {
    where.push("(p.title like ? escape '\\' or p.path like ? escape '\\')");
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    args.push(like, like);
  }
  if (SORTS[f.sort ?? 'published'].startsWith('s.')) joins.push('left join post_stats s on s.post_id = p.id');
  return { joins: joins.join(' '), where: where.length ? `where ${where.join(' and ')}` : '', args };
}

/** ORDER BY of the list: the sort key (nulls, i.e. unpublished, last), then the id, in the same direction. */
function orderSql(f: PostFilter): string {
  const order = SORTS[f.sort ?? 'published'];
  const dir = f.dir === 'asc' ? 'asc' : 'desc';
  return `order by ${order} is null, ${order} ${dir}, p.id ${dir}`;
}

/**
 * Every post (zero-view ones included) with its numbers, filtered and sorted, or one page of them when `page` is
 * given. Nulls (unpublished) sort last. A page takes two steps: its ids from the narrow tables and indexes
 * (posts_list_idx, post_stats), then the full rows of those ids only, so a page of 100 never reads 5,000 wide rows.
 */
export function listPosts(db: Db, f: PostFilter = {}, page?: PageWindow): PostRow[] {
  const { joins, where, args } = filterSql(f);
  // The whole list (bulk actions on a filter, the export): one query, every row is read anyway.
  if (!page) return db.$client.prepare(`${SELECT} ${where} ${orderSql(f)}`).all(...args) as PostRow[];
  const ids = db.$client
    .prepare(`select p.id from posts p ${joins} ${where} ${orderSql(f)} limit ? offset ?`)
    .pluck()
    .all(...args, Math.max(0, Math.floor(page.limit)), Math.max(0, Math.floor(page.offset))) as number[];
  if (ids.length === 0) return [];
  const rows = db.$client
    .prepare(`${SELECT} where p.id in (select value from json_each(?))`)
    .all(JSON.stringify(ids)) as PostRow[];
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
}

/** How many posts match the filter (the list's total, for "N posts" and the page count). */
export function countPosts(db: Db, f: PostFilter = {}): number {
  const { joins, where, args } = filterSql({ ...f, sort: 'published' });
  return db.$client
    .prepare(`select count(*) from posts p ${joins} ${where}`)
    .pluck()
    .get(...args) as number;
}

/** One post with its numbers, or undefined. */
export function getPost(
  db: Db,
  id: number,
): (PostRow & { content: string; tags: string; commentCount: number | null }) | undefined {
  return db.$client
    .prepare(
      `${SELECT.replace('p.word_count as wordCount', 'p.word_count as wordCount, p.content, p.tags, p.comment_count as commentCount')} where p.id = ?`,
    )
    .get(id) as never;
}

/**
 * Daily human page views and bot hits of one post, oldest first (days with data only); where sources overlap, the
 * day's winning source only. Read from post_day_views, the per-post summary of counted_daily_views that every
 * import keeps current (daily_views itself is clustered by day).
 */
export function getPostDailyViews(db: Db, id: number): { day: string; pageViews: number; botHits: number }[] {
  return db.$client
    .prepare(`select day, page_views as pageViews, bot_hits as botHits from post_day_views
      where post_id = ? order by day`)
    .all(id) as never;
}

export interface SuggestionRow {
  suggestedLabel: AuthorshipLabel | null;
  score: number | null;
  band: string | null;
  reason: string | null;
  signals: { id: string; label: string; weight: number; detail: string; matches: string[] }[];
  setBy: string | null;
  setAt: string | null;
}

/** The post's authorship suggestion and who set its label. */
export function getAuthorship(db: Db, id: number): SuggestionRow | undefined {
  const r = db.$client
    .prepare(`select suggested_label as suggestedLabel, score_pct as score, band, reason, signals, set_by as setBy,
      set_at as setAt from authorship where post_id = ?`)
    .get(id) as (Omit<SuggestionRow, 'signals'> & { signals: string }) | undefined;
  return r ? { ...r, signals: JSON.parse(r.signals) } : undefined;
}

export interface DecisionEvent {
  id: number;
  oldDecision: Decision;
  newDecision: Decision;
  note: string;
  at: string;
}

/** Decision history of one post, newest first. */
export function listDecisionEvents(db: Db, id: number): DecisionEvent[] {
  return db.$client
    .prepare(`select id, old_decision as oldDecision, new_decision as newDecision, note, at from decision_events
      where post_id = ? order by id desc`)
    .all(id) as DecisionEvent[];
}
