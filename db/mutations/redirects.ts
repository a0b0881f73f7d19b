/**
 * The author's redirect choice for a culled post (`redirects` row with chosen_by_author = 1): another post, the home
 * page, a URL, or gone (410). Without a row, the cull plan suggests a target (db/queries/plan.ts).
 */
import { z } from 'zod';
import { normalizeTargetUrl } from '../../lib/plan-urls';
import type { Db } from '../client';

export const redirectInput = z.discriminatedUnion('target', [
  z.object({
    postId: z.coerce.number().int().positive(),
    target: z.literal('post'),
    targetPostId: z.coerce.number().int().positive(),
  }),
  z.object({ postId: z.coerce.number().int().positive(), target: z.literal('home') }),
  z.object({
    postId: z.coerce.number().int().positive(),
    target: z.literal('url'),
    targetUrl: z.string().max(2000, 'the URL is longer than 2,000 characters'),
  }),
  z.object({ postId: z.coerce.number().int().positive(), target: z.literal('gone') }),
]);
export type RedirectChoice = z.infer<typeof redirectInput>;

/**
 * Store the author's redirect for a post. A typed URL is checked and made safe for every export format
 * (lib/plan-urls.ts normalizeTargetUrl).
 * @throws Error when the post or the target post does not exist, the target is the post itself, or the URL is bad.
 */
export function setRedirect(db: Db, choice: RedirectChoice): void {
  const c = db.$client;
  c.transaction(() => {
    if (!c.prepare('select id from posts where id = ?').get(choice.postId))
      throw new Error(`post ${choice.postId} does not exist`);
    let targetPostId: number | null = null;
    let targetUrl: string | null = null;
    if (choice.target === 'post') {
      if (choice.targetPostId === choice.postId) throw new Error('a post cannot redirect to itself');
      if (!c.prepare('select id from posts where id = ?').get(choice.targetPostId)) {
        throw new Error(`target post ${choice.targetPostId} does not exist`);
      }
      targetPostId = choice.targetPostId;
    }
    if (choice.target === 'url') targetUrl = normalizeTargetUrl(choice.targetUrl);
    c.prepare(`insert into redirects (post_id, target, target_post_id, target_url, chosen_by_author, updated_at)
      values (?, ?, ?, ?, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      on conflict (post_id) do update set target = excluded.target, target_post_id = excluded.target_post_id,
        target_url = excluded.target_url, chosen_by_author = 1, updated_at = excluded.updated_at`).run(
      choice.postId,
      choice.target,
      targetPostId,
      targetUrl,
    );
  })();
}

/** Forget the author's choice: the plan goes back to suggesting a target. Returns true when a row was removed. */
export function clearRedirect(db: Db, postId: number): boolean {
  return db.$client.prepare('delete from redirects where post_id = ?').run(postId).changes > 0;
}
