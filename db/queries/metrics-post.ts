/**
 * The post page's metrics panel: one post's metrics (lib/metrics.ts) from the summary tables, the data's coverage
 * (to explain a window left out), and the post's cull suggestion.
 */
import { type CullPostRow, type CullSuggestion, cullInputs, suggestCull } from '../../lib/cull-suggestion';
import { type Coverage, metricsFromSums, type PostMetrics } from '../../lib/metrics';
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';
import { ensurePostMetrics } from '../mutations/metrics';
import { getCullThresholds } from './cull-suggestions';
import { getCoverage, getPostMetricRow, siteTotalViews } from './metrics';

/** What the post page's metrics panel shows: the post's metrics, the data's coverage, and its cull suggestion. */
export interface PostMetricsPanelData {
  metrics: PostMetrics;
  coverage: Coverage;
  publishedDay: string | null;
  suggestion: CullSuggestion | null;
}

/** The metrics panel's data for one post, or null when the post does not exist. */
export function getPostMetricsPanelData(db: Db, postId: number): PostMetricsPanelData | null {
  ensurePostMetrics(db);
  const row = getPostMetricRow(db, postId);
  if (!row) return null;
  const coverage = getCoverage(db);
  return {
    metrics: metricsFromSums(row.sums, row.publishedDay, coverage, siteTotalViews(db)),
    coverage,
    publishedDay: row.publishedDay,
    suggestion: postCullSuggestion(db, postId, coverage),
  };
}

/**
 * One post's cull suggestion, the same as getCullSuggestion (db/queries/cull-suggestions.ts) gives, for less: the
 * bottom-percentile cut-off and the traffic share need every published post's publish day, first-30 and last-90
 * views (read through posts_status_day_idx and two summary rows each, never the wide posts or authorship rows), but
 * the verdict needs the label of this post only, and only this post's verdict is built. Null when the post does not
 * exist or is not published.
 */
function postCullSuggestion(db: Db, postId: number, coverage: Coverage): CullSuggestion | null {
  const c = db.$client;
  const rows = c
    .prepare(`select p.id, null as label, p.published_day as publishedDay, coalesce(s.first30_views, 0) as first30Views,
        s.last_view_day as lastViewDay, coalesce(m.last90_views, 0) as last90Views
      from posts p left join post_stats s on s.post_id = p.id left join post_metrics m on m.post_id = p.id
      where p.status = 'publish'`)
    .all() as CullPostRow[];
  const own = rows.find((r) => r.id === postId);
  if (!own) return null;
  own.label =
    (c.prepare('select label from authorship where post_id = ?').pluck().get(postId) as AuthorshipLabel | null) ?? null;
  const t = getCullThresholds(db);
  const input = cullInputs(rows, coverage, t).get(postId);
  return input ? suggestCull(input, t) : null;
}
