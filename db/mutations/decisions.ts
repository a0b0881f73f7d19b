/**
 * The author's writes: keep/cull decisions and authorship labels, each appended to its history table.
 * Shared by the server actions and the CLI. Each call is its own transaction.
 */
import { z } from 'zod';
import { AUTHORSHIP_LABELS, type AuthorshipLabel, DECISIONS, type Decision } from '../../lib/types';
import type { Db } from '../client';

export const decisionInput = z.object({
  postId: z.coerce.number().int().positive(),
  decision: z.enum(DECISIONS),
  note: z.string().max(5000, 'note is longer than 5,000 characters').default(''),
});

/**
 * Set a post's decision and note, appending a decision_events row (old, new, note, time).
 * @throws Error when the post does not exist.
 */
export function setDecision(db: Db, postId: number, decision: Decision, note: string): void {
  const c = db.$client;
  c.transaction(() => {
    const post = c.prepare('select id from posts where id = ?').get(postId);
    if (!post) throw new Error(`post ${postId} does not exist`);
    const old = c.prepare('select decision from decisions where post_id = ?').get(postId) as
      | { decision: Decision }
      | undefined;
    c.prepare(`insert into decisions (post_id, decision, note, updated_at) values (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      on conflict (post_id) do update set decision = excluded.decision, note = excluded.note, updated_at = excluded.updated_at`).run(
      postId,
      decision,
      note,
    );
    c.prepare('insert into decision_events (post_id, old_decision, new_decision, note) values (?, ?, ?, ?)').run(
      postId,
      old?.decision ?? 'undecided',
      decision,
      note,
    );
  })();
}

export const labelInput = z.object({
  postId: z.coerce.number().int().positive(),
  label: z.union([z.enum(AUTHORSHIP_LABELS), z.literal('').transform(() => null)]),
});

/**
 * Set (or clear, with null) the author's authorship label. Recorded in authorship_events with who set it
 * (`author`, `suggestion-accepted`, `import`). An `import` never overwrites a label the author set.
 * @throws Error when the post does not exist.
 */
export function setAuthorshipLabel(
  db: Db,
  postId: number,
  label: AuthorshipLabel | null,
  setBy: 'author' | 'suggestion-accepted' | 'import' = 'author',
): void {
  const c = db.$client;
  c.transaction(() => {
    if (!c.prepare('select id from posts where id = ?').get(postId)) throw new Error(`post ${postId} does not exist`);
    const old = c.prepare('select label, set_by from authorship where post_id = ?').get(postId) as
      | { label: AuthorshipLabel | null; set_by: string | null }
      | undefined;
    if (setBy === 'import' && old?.label && old.set_by !== 'import') return;
    if ((old?.label ?? null) === label) return;
    c.prepare(`insert into authorship (post_id, label, set_by, set_at) values (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      on conflict (post_id) do update set label = excluded.label, set_by = excluded.set_by, set_at = excluded.set_at`).run(
      postId,
      label,
      setBy,
    );
    c.prepare('insert into authorship_events (post_id, old_label, new_label, set_by) values (?, ?, ?, ?)').run(
      postId,
      old?.label ?? null,
      label,
      setBy,
    );
  })();
}
