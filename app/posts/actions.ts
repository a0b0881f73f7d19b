'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { bulkDecisionInput, setDecisionsBulk } from '@/db/mutations/authorship-bulk';
import {
  bulkLabelInput,
  type LabelSetter,
  setLabels,
  undoAuthorshipEvent,
  undoLastLabelChange,
} from '@/db/mutations/authorship-labels';
import { COHORTS } from '@/db/queries/overview';
import { listPosts } from '@/db/queries/posts';
import { requireSession } from '@/lib/auth/session';
import { describeAgreement } from '@/lib/authorship/agreement-words';
import { AUTHORSHIP_LABELS, type AuthorshipLabel, DECISIONS } from '@/lib/types';

/** Result of every authorship action: a human message, and the agreement sentence after retraining. */
export type AuthorshipActionResult =
  | { ok: true; message: string; agreement?: string; changed?: number }
  | { ok: false; error: string };

const NAMES: Record<string, string> = {
  human: 'human-written',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
};
const labelName = (l: AuthorshipLabel | null) => (l ? NAMES[l] : 'unlabelled');
const posts = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`;
const issues = (e: z.ZodError) => e.issues.map((i) => i.message).join('; ');

function done(
  message: string,
  model: Parameters<typeof describeAgreement>[0],
  changed?: number,
): AuthorshipActionResult {
  revalidatePath('/', 'layout');
  return { ok: true, message, agreement: describeAgreement(model), changed };
}

const oneLabel = z.object({
  postId: z.coerce.number().int().positive(),
  label: z.union([z.enum(AUTHORSHIP_LABELS), z.literal('').transform(() => null), z.null()]),
  setBy: z.enum(['author', 'suggestion-accepted']).catch('author'),
});

/**
 * Set or clear one post's label (post page form). Fields: postId, label ('' clears), setBy ('author' |
 * 'suggestion-accepted'). Retrains the per-blog model.
 */
export async function setLabelFormAction(
  _prev: AuthorshipActionResult | null,
  form: FormData,
): Promise<AuthorshipActionResult> {
  await requireSession();
  return labelOne(Number(form.get('postId')), (form.get('label') as string) ?? '', form.get('setBy') as string, true);
}

/** Set one post's label from the /label review mode (called with arguments, not a form). */
export async function labelPostAction(
  postId: number,
  label: string | null,
  setBy: string | null,
): Promise<AuthorshipActionResult> {
  await requireSession();
  // No revalidatePath here: it would make the router refresh /label after every key press, and the review mode
  // keeps its own queue on purpose. Other pages are dynamic and read fresh data when visited.
  return labelOne(postId, label, setBy, false);
}

/** The shared body of the two one-post label actions. */
function labelOne(
  postId: number,
  label: string | null,
  setBy: string | null,
  revalidate: boolean,
): AuthorshipActionResult {
  const parsed = oneLabel.safeParse({ postId, label: label ?? '', setBy });
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  try {
    const r = setLabels(getDb(), [parsed.data.postId], parsed.data.label, parsed.data.setBy as LabelSetter);
    // The label's own key ("Labelled ai-assisted"), as the post page always said it.
    const what = parsed.data.label ? `Labelled ${parsed.data.label}` : 'Label cleared';
    const message = r.changed ? what : `Already ${labelName(parsed.data.label)}`;
    if (revalidate) return done(message, r.model, r.changed);
    return { ok: true, message, agreement: describeAgreement(r.model), changed: r.changed };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** The /posts filter, sent instead of ids when the author picked "select all N matching the filter". */
const filterInput = z.object({
  cohort: z.enum(COHORTS as [string, ...string[]]).optional(),
  decision: z.enum(DECISIONS).optional(),
  q: z.string().max(200).optional(),
});

const target = z.object({
  postIds: z.array(z.number()).optional(),
  filter: filterInput.optional(),
});

/** Resolves the selection to post ids: the ids given, or every post matching the filter now. */
function resolveIds(input: z.infer<typeof target>): number[] {
  if (input.filter) return listPosts(getDb(), input.filter as never).map((p) => p.id);
  return input.postIds ?? [];
}

/** Label many posts at once from the /posts bulk bar: `{ postIds }` or `{ filter }`, and a label ('' clears). */
export async function bulkLabelAction(input: {
  postIds?: number[];
  filter?: Record<string, string | undefined>;
  label: string;
}): Promise<AuthorshipActionResult> {
  await requireSession();
  const t = target.safeParse(input);
  if (!t.success) return { ok: false, error: issues(t.error) };
  const parsed = bulkLabelInput.safeParse({ postIds: resolveIds(t.data), label: input.label });
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  try {
    const r = setLabels(getDb(), parsed.data.postIds, parsed.data.label, 'author');
    const same = r.unchanged ? ` (${posts(r.unchanged)} already had it)` : '';
    return done(`Labelled ${posts(r.changed)} ${labelName(parsed.data.label)}${same}.`, r.model, r.changed);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Set keep/cull/undecided on many posts at once from the /posts bulk bar: `{ postIds }` or `{ filter }`. */
export async function bulkDecisionAction(input: {
  postIds?: number[];
  filter?: Record<string, string | undefined>;
  decision: string;
}): Promise<AuthorshipActionResult> {
  await requireSession();
  const t = target.safeParse(input);
  if (!t.success) return { ok: false, error: issues(t.error) };
  const parsed = bulkDecisionInput.safeParse({ postIds: resolveIds(t.data), decision: input.decision });
  if (!parsed.success) return { ok: false, error: issues(parsed.error) };
  try {
    const r = setDecisionsBulk(getDb(), parsed.data.postIds, parsed.data.decision);
    revalidatePath('/', 'layout');
    const same = r.unchanged ? ` (${posts(r.unchanged)} already were)` : '';
    return { ok: true, message: `Set ${posts(r.changed)} to ${parsed.data.decision}${same}.`, changed: r.changed };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Undo one authorship event (post page history). Field: eventId. */
export async function undoEventAction(
  _prev: AuthorshipActionResult | null,
  form: FormData,
): Promise<AuthorshipActionResult> {
  await requireSession();
  const id = z.coerce.number().int().positive().safeParse(form.get('eventId'));
  if (!id.success) return { ok: false, error: 'no event to undo' };
  try {
    const r = undoAuthorshipEvent(getDb(), id.data);
    return done('Undone.', r.model);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Undo the last label change (a whole bulk change at once). */
export async function undoLastLabelAction(): Promise<AuthorshipActionResult> {
  await requireSession();
  try {
    const r = undoLastLabelChange(getDb());
    const skipped = r.skipped.length ? ` ${posts(r.skipped.length)} skipped: ${r.skipped[0].reason}.` : '';
    return done(`Undid the label change of ${posts(r.undone)}.${skipped}`, r.model, r.undone);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
