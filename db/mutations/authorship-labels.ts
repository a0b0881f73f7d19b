/**
 * The author's authorship labels: set for one post or many at once, undo one event or the last change. Every change
 * appends an `authorship_events` row (old label, new label, who, when UTC, batch); undo appends a new event that
 * points at the one it undid, never deletes history. After every change the per-blog model is retrained
 * (authorship-model.ts), in the same transaction, so suggestions always reflect the current labels.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AUTHORSHIP_LABELS, type AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';
import { type ModelSummary, retrainAuthorship } from './authorship-model';

/** Who made a change: the author by hand, the author accepting a suggestion, or an import from source metadata. */
export type LabelSetter = 'author' | 'suggestion-accepted' | 'import';

/** At most this many posts in one bulk change (the /posts page's "all matching" selection is capped too). */
export const MAX_BULK = 5000;

export const bulkLabelInput = z.object({
  postIds: z.array(z.coerce.number().int().positive()).min(1, 'select at least one post').max(MAX_BULK),
  label: z.union([z.enum(AUTHORSHIP_LABELS), z.literal('').transform(() => null), z.null()]),
});

/** Result of a label change: how many posts changed, how many already had that label, and the retrained model. */
export interface LabelResult {
  changed: number;
  unchanged: number;
  /** Batch id shared by this change's events, or null when nothing changed. */
  batch: string | null;
  model: ModelSummary;
}

interface Current {
  label: AuthorshipLabel | null;
  set_by: string | null;
}

/** Writes one label and its event; false when the post already had it (or an import met an author's label). */
function writeLabel(
  c: Db['$client'],
  postId: number,
  label: AuthorshipLabel | null,
  setBy: LabelSetter,
  batch: string,
  undoes: number | null = null,
): boolean {
  if (!c.prepare('select id from posts where id = ?').get(postId)) throw new Error(`post ${postId} does not exist`);
  const old = c.prepare('select label, set_by from authorship where post_id = ?').get(postId) as Current | undefined;
  if (setBy === 'import' && old?.label && old.set_by !== 'import') return false;
  if ((old?.label ?? null) === label) return false;
  c.prepare(`insert into authorship (post_id, label, set_by, set_at)
    values (?, ?, ?, case when ? is null then null else strftime('%Y-%m-%dT%H:%M:%fZ','now') end)
    on conflict (post_id) do update set label = excluded.label, set_by = excluded.set_by, set_at = excluded.set_at`).run(
    postId,
    label,
    label === null ? null : setBy,
    label,
  );
  c.prepare(
    'insert into authorship_events (post_id, old_label, new_label, set_by, batch, undoes) values (?, ?, ?, ?, ?, ?)',
  ).run(postId, old?.label ?? null, label, setBy, batch, undoes);
  return true;
}

/**
 * Set (or clear, with null) the label of one or many posts in one transaction, recording one event per changed
 * post (all sharing one batch id, so "undo" takes the batch back together), then retrain the model.
 * An `import` never overwrites a label the author set.
 * @throws Error naming the post when a post does not exist; nothing is written then.
 */
export function setLabels(
  db: Db,
  postIds: readonly number[],
  label: AuthorshipLabel | null,
  setBy: LabelSetter = 'author',
): LabelResult {
  if (postIds.length > MAX_BULK) throw new Error(`at most ${MAX_BULK} posts at once (got ${postIds.length})`);
  const c = db.$client;
  return c.transaction(() => {
    const batch = randomUUID();
    let changed = 0;
    for (const id of new Set(postIds)) if (writeLabel(c, id, label, setBy, batch)) changed++;
    const model = retrainAuthorship(db);
    return { changed, unchanged: new Set(postIds).size - changed, batch: changed ? batch : null, model };
  })();
}

/** One event as stored. */
interface EventRow {
  id: number;
  post_id: number;
  old_label: AuthorshipLabel | null;
  new_label: AuthorshipLabel | null;
  batch: string | null;
  undoes: number | null;
}

/** Result of an undo: events taken back, events skipped (with why), and the retrained model. */
export interface UndoResult {
  undone: number;
  skipped: { eventId: number; postId: number; reason: string }[];
  model: ModelSummary;
}

/** Undoes one event inside the caller's transaction; returns a reason when it cannot. */
function undoOne(c: Db['$client'], e: EventRow, batch: string): string | null {
  if (c.prepare('select 1 from authorship_events where undoes = ?').get(e.id)) return 'already undone';
  const cur = c.prepare('select label from authorship where post_id = ?').get(e.post_id) as Current | undefined;
  if ((cur?.label ?? null) !== e.new_label)
    return `the label was changed again since (now ${cur?.label ?? 'unlabelled'}); undo that change first`;
  writeLabel(c, e.post_id, e.old_label, 'author', batch, e.id);
  return null;
}

/**
 * Undo one authorship event: the post gets the event's old label back, recorded as a new event (set by the author)
 * that points at it. Then the model is retrained.
 * @throws Error when the event does not exist, was already undone, or the post's label changed again since.
 */
export function undoAuthorshipEvent(db: Db, eventId: number): UndoResult {
  const c = db.$client;
  return c.transaction(() => {
    const e = c.prepare('select * from authorship_events where id = ?').get(eventId) as EventRow | undefined;
    if (!e) throw new Error(`authorship event ${eventId} does not exist`);
    const why = undoOne(c, e, randomUUID());
    if (why) throw new Error(`cannot undo event ${eventId}: ${why}`);
    return { undone: 1, skipped: [], model: retrainAuthorship(db) };
  })();
}

/**
 * The most recent change that can be undone: the newest batch of events that are not undos themselves and were not
 * undone yet. Repeating "undo last" walks back through the history.
 */
export function lastUndoableBatch(db: Db): { batch: string; events: EventRow[] } | null {
  const c = db.$client;
  const last = c
    .prepare(`select e.* from authorship_events e where e.undoes is null and e.set_by != 'import'
      and not exists (select 1 from authorship_events u where u.undoes = e.id) order by e.id desc limit 1`)
    .get() as EventRow | undefined;
  if (!last) return null;
  if (!last.batch) return { batch: `event-${last.id}`, events: [last] };
  const events = c
    .prepare(`select e.* from authorship_events e where e.batch = ? and e.undoes is null
      and not exists (select 1 from authorship_events u where u.undoes = e.id) order by e.id`)
    .all(last.batch) as EventRow[];
  return { batch: last.batch, events };
}

/**
 * Undo the last label change (a whole bulk change at once). Posts whose label changed again since are skipped and
 * reported. Imports are not undone here (re-import instead).
 * @throws Error when there is nothing to undo.
 */
export function undoLastLabelChange(db: Db): UndoResult {
  const c = db.$client;
  return c.transaction(() => {
    const last = lastUndoableBatch(db);
    if (!last) throw new Error('there is no label change to undo');
    const batch = randomUUID();
    const skipped: UndoResult['skipped'] = [];
    let undone = 0;
    for (const e of last.events) {
      const why = undoOne(c, e, batch);
      if (why) skipped.push({ eventId: e.id, postId: e.post_id, reason: why });
      else undone++;
    }
    return { undone, skipped, model: retrainAuthorship(db) };
  })();
}
