/**
 * The post page's metrics panel: one post's metrics (lib/metrics.ts) from the summary tables, the data's coverage
 * (to explain a window left out), and the post's cull suggestion.
 */
import type { CullSuggestion } from '../../lib/cull-suggestion';
import { type Coverage, metricsFromSums, type PostMetrics } from '../../lib/metrics';
import type { Db } from '../client';
import { ensurePostMetrics } from '../mutations/metrics';
import { getCullSuggestion } from './cull-suggestions';
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
    suggestion: getCullSuggestion(db, postId),
  };
}
