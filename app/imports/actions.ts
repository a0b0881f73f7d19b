'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { mapPathToPost } from '@/db/mutations/traffic';
import { requireSession } from '@/lib/auth/session';

/** Result of the mapping form: a human message either way. */
export type MapPathResult = { ok: true; message: string } | { ok: false; error: string };

const mapPathInput = z.object({
  path: z
    .string()
    .trim()
    .min(1, 'Choose a path to map')
    .max(2000, 'The path is too long')
    .refine((p) => p.startsWith('/'), 'The path must start with /'),
  postId: z.coerce.number({ error: 'Choose a post' }).int('Choose a post').positive('Choose a post'),
});

/**
 * Map an unmatched path to a post: it becomes an alias of the post, its unmatched traffic moves to the post, and
 * post_stats is recomputed (one transaction). Form fields: path, postId.
 */
export async function mapPathAction(_prev: MapPathResult | null, form: FormData): Promise<MapPathResult> {
  await requireSession();
  const parsed = mapPathInput.safeParse({ path: form.get('path') ?? '', postId: form.get('postId') || undefined });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
  const db = getDb();
  try {
    const r = db.$client.transaction(() => mapPathToPost(db, parsed.data.path, parsed.data.postId))();
    const title =
      (
        db.$client.prepare('select title from posts where id = ?').get(parsed.data.postId) as
          | { title: string }
          | undefined
      )?.title ?? `post ${parsed.data.postId}`;
    revalidatePath('/', 'layout');
    return {
      ok: true,
      message: `${r.path} now counts for "${title}" (${r.moved} day${r.moved === 1 ? '' : 's'} of traffic moved)`,
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
