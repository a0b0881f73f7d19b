/**
 * The author's writes: keep/cull decisions and authorship labels, each appended to its history table.
 * Shared by the server actions and the CLI. Each call is its own transaction.
 *
 * Decisions: `decisions` holds the current state (decision, note, re-review day); `decision_events` is append-only and
 * records the state each change produced (new decision, note, re-review day) plus the old decision. Undo is a new
 * event (see db/mutations/decisions-undo.ts), never a deletion.
 */
import { z } from 'zod';
import { AUTHORSHIP_LABELS, type AuthorshipLabel, DECISIONS, type Decision } from '../../lib/types';
import type { Db } from '../client';

/** A real calendar day `YYYY-MM-DD` (the re-review day, in the site time zone). */
export const dayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'the re-review date must be a day like 2026-03-01')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'the re-review date is not a real day');

export const decisionInput = z.object({
  postId: z.coerce.number().int().positive(),
  decision: z.enum(DECISIONS),
  note: z.string().max(5000, 'note is longer than 5,000 characters').default(''),
  /** Optional re-review day for a kept post; '' or absent means none. */
  rereviewOn: z.union([z.literal('').transform(() => null), z.null(), dayString]).optional(),
});

/** The state one event produced (or the state before the first event: undecided, no note, no re-review day). */
export interface DecisionState {
  decision: Decision;
  note: string;
  rereviewOn: string | null;
}

export const UNDECIDED: DecisionState = { decision: 'undecided', note: '', rereviewOn: null };

/** Options of {@link setDecision}. */
export interface SetDecisionOptions {
  /** Re-review day (`YYYY-MM-DD`, site time zone) of a kept post; ignored (cleared) for cull and undecided. */
  rereviewOn?: string | null;
  /** Id of the event this one undoes (set by the undo mutation only). */
  undoes?: number | null;
}

/**
 * Set a post's decision and note, appending a decision_events row (old decision, new decision, note, re-review day,
 * time UTC). A re-review day only sticks to a kept post: keeping again without one clears it, so a post that came
 * back to the queue leaves it once decided.
 * @returns the id of the new event.
 * @throws Error when the post does not exist.
 */
export function setDecision(
  db: Db,
  postId: number,
  decision: Decision,
  note: string,
  opts: SetDecisionOptions = {},
): number {
  const c = db.$client;
  const rereviewOn = decision === 'keep' ? (opts.rereviewOn ?? null) : null;
  return c.transaction(() => {
    const post = c.prepare('select id from posts where id = ?').get(postId);
    if (!post) throw new Error(`post ${postId} does not exist`);
    const old = c.prepare('select decision from decisions where post_id = ?').get(postId) as
      | { decision: Decision }
      | undefined;
    c.prepare(`insert into decisions (post_id, decision, note, rereview_on, updated_at)
      values (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      on conflict (post_id) do update set decision = excluded.decision, note = excluded.note,
        rereview_on = excluded.rereview_on, updated_at = excluded.updated_at`).run(postId, decision, note, rereviewOn);
    const r = c
      .prepare(`insert into decision_events (post_id, old_decision, new_decision, note, rereview_on, undoes)
        values (?, ?, ?, ?, ?, ?)`)
      .run(postId, old?.decision ?? 'undecided', decision, note, rereviewOn, opts.undoes ?? null);
    return Number(r.lastInsertRowid);
  })();
}

export const rereviewInput = z.object({
  postId: z.coerce.number().int().positive(),
  rereviewOn: z.union([z.literal('').transform(() => null), dayString]),
});

/**
 * Set (or clear, with null) the re-review day of a kept post: the post comes back to the review queue on that day
 * (site time zone). Recorded as a keep → keep event, so it shows in the history and can be undone.
 * @returns the id of the new event.
 * @throws Error when the post does not exist or is not kept.
 */
export function setRereviewDate(db: Db, postId: number, rereviewOn: string | null): number {
  const c = db.$client;
  return c.transaction(() => {
    const cur = c.prepare('select decision, note from decisions where post_id = ?').get(postId) as
      | { decision: Decision; note: string }
      | undefined;
    if (!c.prepare('select id from posts where id = ?').get(postId)) throw new Error(`post ${postId} does not exist`);
    if (cur?.decision !== 'keep') throw new Error(`post ${postId} is not kept: only a kept post gets a re-review date`);
    return setDecision(db, postId, 'keep', cur.note, { rereviewOn });
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
