'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { dayString, setDecision } from '@/db/mutations/decisions';
import { undoDecisionEvent, undoLastDecision } from '@/db/mutations/decisions-undo';
import { requireSession } from '@/lib/auth/session';

/** What every pruning action returns: a human message, and for undo the post it touched. */
export type PruneResult =
  | { ok: true; message: string; postId?: number }
  | { ok: false; error: string; needsConfirm?: boolean };

const decideInput = z.object({
  postId: z.coerce.number().int().positive(),
  decision: z.enum(['keep', 'cull', 'undecided']),
  note: z.string().max(5000, 'note is longer than 5,000 characters').default(''),
  rereviewOn: z.union([z.literal(''), dayString]).default(''),
});

function issues(err: z.ZodError): string {
  return err.issues.map((i) => i.message).join('; ');
}

/** Keep or cull one post from the review queue, with an optional note and (for keep) a re-review day. */
export async function reviewDecideAction(input: unknown): Promise<PruneResult> {
  await requireSession();
  const parsed = decideInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  const { postId, decision, note, rereviewOn } = parsed.data;
  try {
    setDecision(getDb(), postId, decision, note.trim(), { rereviewOn: rereviewOn || null });
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  revalidatePath('/', 'layout');
  const when = decision === 'keep' && rereviewOn ? ` (re-review on ${rereviewOn})` : '';
  return { ok: true, message: `Saved: ${decision}${when}`, postId };
}

const undoInput = z.object({
  eventId: z.coerce.number().int().positive().optional(),
  confirm: z.boolean().default(false),
});

/**
 * Undo one decision event (`eventId`) or, without it, the newest decision still in force. An undo that would replace
 * later decisions on the same post answers `{ ok: false, needsConfirm: true, error: <what would happen> }` until it
 * is asked again with `confirm: true`.
 */
export async function undoAction(input: unknown): Promise<PruneResult> {
  await requireSession();
  const parsed = undoInput.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  const { eventId, confirm } = parsed.data;
  try {
    const db = getDb();
    const r = eventId === undefined ? undoLastDecision(db, { confirm }) : undoDecisionEvent(db, eventId, { confirm });
    if (r === null) return { ok: false, error: 'Nothing to undo.' };
    if (r.status === 'needs-confirm') return { ok: false, needsConfirm: true, error: r.message };
    revalidatePath('/', 'layout');
    return { ok: true, message: r.message, postId: r.plan.event.postId };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
