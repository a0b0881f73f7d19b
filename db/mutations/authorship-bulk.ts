/**
 * Bulk writes of the /posts bulk bar that are not labels: keep/cull/undecided for many posts at once. (Bulk labels
 * are `setLabels` in authorship-labels.ts.) Each call is one transaction: all posts change or none.
 */
import { z } from 'zod';
import { DECISIONS, type Decision } from '../../lib/types';
import type { Db } from '../client';
import { MAX_BULK } from './authorship-labels';
import { setDecision } from './decisions';

export const bulkDecisionInput = z.object({
  postIds: z.array(z.coerce.number().int().positive()).min(1, 'select at least one post').max(MAX_BULK),
  decision: z.enum(DECISIONS),
});

/** How many posts changed, how many already had the decision, and the ids of the decision events written. */
export interface BulkDecisionResult {
  changed: number;
  unchanged: number;
  eventIds: number[];
}

/**
 * Set the same decision on many posts through `setDecision` (one decision_events row per changed post, so each can
 * be undone on its own), keeping each post's own note. Posts that already have the decision are left alone.
 * @throws Error naming the post when one does not exist; nothing is written then.
 */
export function setDecisionsBulk(db: Db, postIds: readonly number[], decision: Decision): BulkDecisionResult {
  if (postIds.length > MAX_BULK) throw new Error(`at most ${MAX_BULK} posts at once (got ${postIds.length})`);
  const c = db.$client;
  return c.transaction(() => {
    const cur = c.prepare('select decision, note from decisions where post_id = ?');
    const eventIds: number[] = [];
    const ids = [...new Set(postIds)];
    for (const id of ids) {
      const row = cur.get(id) as { decision: Decision; note: string } | undefined;
      if ((row?.decision ?? 'undecided') === decision) {
        if (!c.prepare('select 1 from posts where id = ?').get(id)) throw new Error(`post ${id} does not exist`);
        continue;
      }
      eventIds.push(Number(setDecision(db, id, decision, row?.note ?? '')));
    }
    return { changed: eventIds.length, unchanged: ids.length - eventIds.length, eventIds };
  })();
}
