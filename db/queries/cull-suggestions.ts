/**
 * Suggested keep/cull verdicts for other pages (/review, /plan, the post page). Reads the per-post summaries and the
 * author's thresholds; the rule itself is lib/cull-suggestion.ts. Read-only: a suggestion never changes a decision.
 */
import {
  CULL_SETTINGS_KEY,
  type CullPostRow,
  type CullSuggestion,
  type CullThresholds,
  cullInputs,
  cullThresholdsSchema,
  DEFAULT_CULL_THRESHOLDS,
  suggestCull,
} from '../../lib/cull-suggestion';
import type { Db } from '../client';
import { ensurePostMetrics } from '../mutations/metrics';
import { getCoverage } from './metrics';

export type { CullSuggestion, CullThresholds };

/**
 * The author's thresholds from the `settings` table, or the defaults. A stored value that no longer validates
 * (hand-edited database) falls back to the defaults rather than breaking every page.
 */
export function getCullThresholds(db: Db): CullThresholds {
  const row = db.$client.prepare('select value from settings where key = ?').get(CULL_SETTINGS_KEY) as
    | { value: string }
    | undefined;
  if (!row) return DEFAULT_CULL_THRESHOLDS;
  try {
    const parsed = cullThresholdsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_CULL_THRESHOLDS;
  } catch {
    return DEFAULT_CULL_THRESHOLDS;
  }
}

/** Raw rows for every published post: label, publish day, first-30 views, last human view, last-90-day views. */
function readRows(db: Db): { rows: CullPostRow[]; firstDay: string | null; lastDay: string | null } {
  const cov = getCoverage(db);
  const rows = db.$client
    .prepare(`select p.id, a.label, p.published_day as publishedDay, coalesce(s.first30_views, 0) as first30Views,
        s.last_view_day as lastViewDay, coalesce(m.last90_views, 0) as last90Views
      from posts p left join authorship a on a.post_id = p.id left join post_stats s on s.post_id = p.id
      left join post_metrics m on m.post_id = p.id
      where p.status = 'publish'`)
    .all() as CullPostRow[];
  return { rows, firstDay: cov.firstDay, lastDay: cov.lastDay };
}

/** Every published post's suggestion, by post id (posts that are not published get none). */
export function listCullSuggestions(db: Db): Map<number, CullSuggestion> {
  ensurePostMetrics(db);
  const t = getCullThresholds(db);
  const { rows, firstDay, lastDay } = readRows(db);
  const inputs = cullInputs(rows, { firstDay, lastDay }, t);
  const out = new Map<number, CullSuggestion>();
  for (const [id, input] of inputs) out.set(id, suggestCull(input, t));
  return out;
}

/**
 * One post's suggestion, or null when the post does not exist or is not published. The bottom-percentile cut-off
 * needs every post's numbers, so this reads them all (one indexed query over summaries, not over daily views).
 */
export function getCullSuggestion(db: Db, postId: number): CullSuggestion | null {
  return listCullSuggestions(db).get(postId) ?? null;
}
