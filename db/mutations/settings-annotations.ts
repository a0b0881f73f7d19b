/**
 * The author's timeline notes ("started AI posts"), set on /settings and drawn on the overview's views-over-time
 * chart. Validated with zod; each call is one statement.
 */
import { z } from 'zod';
import type { Db } from '../client';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** An annotation as the form sends it: a calendar day (site time zone) and a short note. */
export const annotationInput = z.object({
  day: z
    .string()
    .regex(DAY_RE, 'day must be YYYY-MM-DD')
    .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'day is not a calendar day'),
  text: z.string().trim().min(1, 'the note is empty').max(80, 'the note is longer than 80 characters'),
});

/** Add a note to the timeline. @returns its id. @throws z.ZodError on a bad day or text. */
export function addAnnotation(db: Db, input: { day: unknown; text: unknown }): number {
  const a = annotationInput.parse(input);
  return Number(
    db.$client.prepare('insert into annotations (day, text) values (?, ?)').run(a.day, a.text).lastInsertRowid,
  );
}

/** Change a note's day and text. @throws Error when the note does not exist, z.ZodError on bad input. */
export function updateAnnotation(db: Db, id: number, input: { day: unknown; text: unknown }): void {
  const a = annotationInput.parse(input);
  const r = db.$client.prepare('update annotations set day = ?, text = ? where id = ?').run(a.day, a.text, id);
  if (r.changes === 0) throw new Error(`annotation ${id} does not exist`);
}

/** Delete a note. @throws Error when it does not exist. */
export function deleteAnnotation(db: Db, id: number): void {
  const r = db.$client.prepare('delete from annotations where id = ?').run(id);
  if (r.changes === 0) throw new Error(`annotation ${id} does not exist`);
}
