/**
 * Reads behind the metrics: the data's coverage, a post's raw sums (post_stats + post_metrics), the blog's total
 * views and the timeline notes. Only summary tables; daily_views itself is never read here. The overview's
 * per-range reads are ./overview-reads.ts.
 */
import type { Coverage, PostSums } from '../../lib/metrics';
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';

/** First and last day any traffic input covers (`traffic_coverage`, via its day index). */
export function getCoverage(db: Db): Coverage {
  const r = db.$client
    .prepare('select min(day) as firstDay, max(day) as lastDay from traffic_coverage')
    .get() as Coverage;
  return { firstDay: r.firstDay ?? null, lastDay: r.lastDay ?? null };
}

/** One published post with what the metrics need. */
export interface PostMetricRow {
  id: number;
  title: string;
  label: AuthorshipLabel | null;
  publishedDay: string | null;
  wordCount: number;
  sums: PostSums;
}

const SELECT_SUMS = `select p.id, p.title, a.label, p.published_day as publishedDay, p.word_count as wordCount,
    coalesce(s.lifetime_views, 0) as lifetimeViews, coalesce(s.bot_hits, 0) as botHits,
    coalesce(m.first7_views, 0) as first7Views, coalesce(m.first30_views, 0) as first30Views,
    coalesce(m.first90_views, 0) as first90Views, coalesce(m.last30_views, 0) as last30Views,
    coalesce(m.last90_views, 0) as last90Views, coalesce(m.since_publish_views, 0) as sincePublishViews,
    m.peak_day as peakDay, coalesce(m.peak_views, 0) as peakViews
  from posts p left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
  left join post_metrics m on m.post_id = p.id`;

type FlatRow = Omit<PostMetricRow, 'sums'> & PostSums;

function unflatten(r: FlatRow): PostMetricRow {
  const { id, title, label, publishedDay, wordCount, ...sums } = r;
  return { id, title, label, publishedDay, wordCount, sums };
}

/** One post's row (any status), or null when it does not exist. */
export function getPostMetricRow(db: Db, postId: number): PostMetricRow | null {
  const r = db.$client.prepare(`${SELECT_SUMS} where p.id = ?`).get(postId) as FlatRow | undefined;
  return r ? unflatten(r) : null;
}

/** Lifetime human page views of all posts (the denominator of "share of all traffic"). */
export function siteTotalViews(db: Db): number {
  return (db.$client.prepare('select coalesce(sum(lifetime_views), 0) as n from post_stats').get() as { n: number }).n;
}

/** The author's timeline notes, oldest first. */
export function listAnnotations(db: Db): { id: number; day: string; text: string }[] {
  return db.$client.prepare('select id, day, text from annotations order by day, id').all() as {
    id: number;
    day: string;
    text: string;
  }[];
}
