'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/app/actions';
import { getDb } from '@/db/client';
import { addAnnotation, deleteAnnotation, updateAnnotation } from '@/db/mutations/settings-annotations';
import { resetCullThresholds, saveCullThresholds } from '@/db/mutations/settings-cull';
import { setSetting, validateTimeZone } from '@/db/settings';
import { requireSession } from '@/lib/auth/session';

function failure(err: unknown): ActionResult {
  if (err instanceof z.ZodError)
    return { ok: false, error: err.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ') };
  return { ok: false, error: (err as Error).message };
}

function done(message: string): ActionResult {
  revalidatePath('/', 'layout');
  return { ok: true, message };
}

const siteInput = z.object({
  timeZone: z.string().trim().min(1, 'time zone is empty'),
  siteUrl: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .url('site URL must be a full URL such as https://blog.example')
      .refine((u) => /^https?:\/\//.test(u), 'site URL must start with http:// or https://'),
  ]),
});

/** Save the site time zone and URL. Form fields: timeZone (IANA name), siteUrl (http(s) URL or empty). */
export async function saveSiteAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  try {
    const s = siteInput.parse({
      timeZone: form.get('timeZone') ?? '',
      siteUrl: String(form.get('siteUrl') ?? '').trim(),
    });
    validateTimeZone(s.timeZone);
    const db = getDb();
    setSetting(db, 'timeZone', s.timeZone);
    setSetting(db, 'siteUrl', s.siteUrl.replace(/\/+$/, ''));
    return done(`Saved: ${s.timeZone}${s.siteUrl ? `, ${s.siteUrl}` : ''}`);
  } catch (err) {
    return failure(err);
  }
}

/** Save the cull-suggestion thresholds. Form fields: bottomPercent, staleDays, keepSharePercent, minAgeDays, aiCounts. */
export async function saveCullAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  try {
    saveCullThresholds(getDb(), Object.fromEntries(form.entries()));
    return done('Thresholds saved');
  } catch (err) {
    return failure(err);
  }
}

/** Go back to the default thresholds. */
export async function resetCullAction(_prev: ActionResult | null, _form: FormData): Promise<ActionResult> {
  await requireSession();
  try {
    resetCullThresholds(getDb());
    return done('Back to the defaults');
  } catch (err) {
    return failure(err);
  }
}

const idInput = z.coerce.number().int().positive();

/** Add a timeline note. Form fields: day (YYYY-MM-DD), text. */
export async function addAnnotationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  try {
    addAnnotation(getDb(), { day: form.get('day'), text: form.get('text') });
    return done('Note added');
  } catch (err) {
    return failure(err);
  }
}

/** Edit a timeline note. Form fields: id, day, text. */
export async function updateAnnotationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  try {
    updateAnnotation(getDb(), idInput.parse(form.get('id')), { day: form.get('day'), text: form.get('text') });
    return done('Note saved');
  } catch (err) {
    return failure(err);
  }
}

/** Delete a timeline note. Form field: id. */
export async function deleteAnnotationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireSession();
  try {
    deleteAnnotation(getDb(), idInput.parse(form.get('id')));
    return done('Note deleted');
  } catch (err) {
    return failure(err);
  }
}
