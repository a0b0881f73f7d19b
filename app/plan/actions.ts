'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { clearRedirect, redirectInput, setRedirect } from '@/db/mutations/redirects';
import { requireSession } from '@/lib/auth/session';

/** Result of the plan's forms: a human message either way. */
export type PlanActionResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * Save the author's redirect for a culled post. Form fields: postId, target (post | home | url | gone), targetPostId
 * (for post), targetUrl (for url); `reset=1` forgets the choice and goes back to the suggestion.
 */
export async function setRedirectAction(_prev: PlanActionResult | null, form: FormData): Promise<PlanActionResult> {
  await requireSession();
  const db = getDb();
  if (form.get('reset') === '1') {
    const postId = Number(form.get('postId'));
    if (!Number.isInteger(postId) || postId <= 0) return { ok: false, error: 'postId must be a positive whole number' };
    clearRedirect(db, postId);
    revalidatePath('/plan');
    return { ok: true, message: 'Back to the suggestion' };
  }
  const parsed = redirectInput.safeParse({
    postId: form.get('postId'),
    target: form.get('target'),
    targetPostId: form.get('targetPostId') ?? undefined,
    targetUrl: form.get('targetUrl') ?? undefined,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
  try {
    setRedirect(db, parsed.data);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  revalidatePath('/plan');
  return { ok: true, message: 'Saved' };
}
