/**
 * The author's cull-suggestion thresholds, set on /settings: stored as JSON under one `settings` key, validated
 * with lib/cull-suggestion.ts's zod schema.
 */
import { CULL_SETTINGS_KEY, type CullThresholds, cullThresholdsSchema } from '../../lib/cull-suggestion';
import type { Db } from '../client';

/**
 * Store the thresholds after validating them (form strings are coerced to numbers).
 * @throws z.ZodError naming the field and the allowed range when a value is out of bounds.
 */
export function saveCullThresholds(db: Db, input: Record<string, unknown>): CullThresholds {
  const t = cullThresholdsSchema.parse(input);
  db.$client
    .prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
    .run(CULL_SETTINGS_KEY, JSON.stringify(t));
  return t;
}

/** Forget the stored thresholds: the defaults apply again. */
export function resetCullThresholds(db: Db): void {
  db.$client.prepare('delete from settings where key = ?').run(CULL_SETTINGS_KEY);
}
