'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { setLabels } from '@/db/mutations/authorship-labels';
import { decisionInput, labelInput, setDecision } from '@/db/mutations/decisions';
import { requireSession } from '@/lib/auth/session';

/** Result every form action returns: a human message either way. */
export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

/** Set a post's keep/cull/undecided decision with a note. Form fields: postId, decision, note, rereviewOn (kept posts). */
export async function setDecisionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  const parsed = decisionInput.safeParse({
    postId: form.get('postId'),
    decision: form.get('decision'),
    note: form.get('note') ?? '',
    rereviewOn: form.get('rereviewOn') ?? undefined,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
  try {
    setDecision(getDb(), parsed.data.postId, parsed.data.decision, parsed.data.note.trim(), {
      rereviewOn: parsed.data.rereviewOn ?? null,
    });
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: `Saved: ${parsed.data.decision}` };
}

/** Set or clear a post's authorship label. Form fields: postId, label ('' clears), setBy ('author' | 'suggestion-accepted'). */
export async function setLabelAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  const parsed = labelInput.safeParse({ postId: form.get('postId'), label: form.get('label') ?? '' });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
  const setBy = form.get('setBy') === 'suggestion-accepted' ? 'suggestion-accepted' : 'author';
  try {
    // setLabels (not setAuthorshipLabel) so the per-blog authorship model retrains on the change.
    setLabels(getDb(), [parsed.data.postId], parsed.data.label, setBy);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: parsed.data.label ? `Labelled ${parsed.data.label}` : 'Label cleared' };
}
