/**
 * Undo of keep/cull decisions. An undo never deletes or edits history: it appends a new event that restores the
 * state the post had just before the undone event (decision, note, re-review day) and points at it (`undoes`).
 *
 * - "Undo last" takes back the newest decision that is still in force (undo events themselves are skipped, so
 *   pressing undo again walks further back, like an editor's undo stack; redo is "undo the undo" on /history).
 * - Any single event can be undone. When the same post has later decisions still in force, undoing an older one
 *   would silently replace them, so the caller gets a `needs-confirm` result with a sentence saying what will happen
 *   and must ask again with `confirm: true`.
 */
import type { Decision } from '../../lib/types';
import type { Db } from '../client';
import { type DecisionState, setDecision, UNDECIDED } from './decisions';

interface EventRow {
  id: number;
  postId: number;
  title: string;
  oldDecision: Decision;
  newDecision: Decision;
  note: string;
  rereviewOn: string | null;
  undoes: number | null;
  at: string;
}

/** What undoing one event would do: the event, the post's current and restored states, and what stands in the way. */
export interface UndoPlan {
  event: EventRow;
  current: DecisionState;
  /** The state just before the event (what the undo writes). */
  restore: DecisionState;
  /** Later decisions on the same post that are still in force (undone ones and their undos cancel out). */
  laterInForce: { id: number; newDecision: Decision; at: string }[];
  /** The undo event that already took this event back, or null. */
  undoneBy: number | null;
}

export type UndoResult =
  | { status: 'done'; eventId: number; plan: UndoPlan; message: string }
  | { status: 'needs-confirm'; plan: UndoPlan; message: string };

const EVENT_SQL = `select e.id, e.post_id as postId, p.title, e.old_decision as oldDecision, e.new_decision as newDecision,
  e.note, e.rereview_on as rereviewOn, e.undoes, e.at from decision_events e join posts p on p.id = e.post_id`;

/**
 * Which events are undone: an event is undone when an undo event points at it and that undo is not itself undone
 * (so "undo the undo" re-applies the event). Returns event id → id of the undo in force.
 */
export function undoneEvents(db: Db): Map<number, number> {
  const pairs = db.$client
    .prepare('select id, undoes from decision_events where undoes is not null order by id')
    .all() as { id: number; undoes: number }[];
  const undoers = new Map<number, number[]>();
  for (const p of pairs) undoers.set(p.undoes, [...(undoers.get(p.undoes) ?? []), p.id]);
  const memo = new Map<number, number | null>();
  // An undo always has a larger id than its target, so the recursion ends.
  const undoneBy = (id: number): number | null => {
    if (memo.has(id)) return memo.get(id) ?? null;
    const by = (undoers.get(id) ?? []).filter((u) => undoneBy(u) === null);
    const r = by.length ? by[by.length - 1] : null;
    memo.set(id, r);
    return r;
  };
  const out = new Map<number, number>();
  for (const p of pairs) {
    const by = undoneBy(p.undoes);
    if (by !== null) out.set(p.undoes, by);
  }
  return out;
}

/**
 * Work out what undoing event `eventId` would do, without writing anything.
 * @throws Error when the event does not exist.
 */
export function planUndo(db: Db, eventId: number): UndoPlan {
  const c = db.$client;
  const event = c.prepare(`${EVENT_SQL} where e.id = ?`).get(eventId) as EventRow | undefined;
  if (!event) throw new Error(`decision event #${eventId} does not exist`);
  const prev = c
    .prepare(`select new_decision as decision, note, rereview_on as rereviewOn from decision_events
      where post_id = ? and id < ? order by id desc limit 1`)
    .get(event.postId, eventId) as DecisionState | undefined;
  const cur = c
    .prepare('select decision, note, rereview_on as rereviewOn from decisions where post_id = ?')
    .get(event.postId) as DecisionState | undefined;
  const undone = undoneEvents(db);
  const later = c
    .prepare(`select id, new_decision as newDecision, at, undoes from decision_events where post_id = ? and id > ?
      order by id`)
    .all(event.postId, eventId) as { id: number; newDecision: Decision; at: string; undoes: number | null }[];
  // A later undo of an event that is itself later than this one only cancels that event: not a change in force.
  const laterInForce = later
    .filter((l) => !undone.has(l.id) && !(l.undoes !== null && l.undoes > eventId))
    .map(({ id, newDecision, at }) => ({ id, newDecision, at }));
  return {
    event,
    current: cur ?? UNDECIDED,
    restore: prev ?? UNDECIDED,
    laterInForce,
    undoneBy: undone.get(eventId) ?? null,
  };
}

/** One sentence saying what undoing does, for confirmations and results. */
export function describeUndo(plan: UndoPlan): string {
  const { event, current, restore, laterInForce } = plan;
  const title = event.title || `post ${event.postId}`;
  const back = `“${title}” goes back to ${restore.decision}${restore.rereviewOn ? ` (re-review on ${restore.rereviewOn})` : ''}, as before #${event.id}`;
  if (laterInForce.length === 0) return `${back}.`;
  const n = laterInForce.length;
  return `${back}. This replaces ${n} later decision${n === 1 ? '' : 's'} on this post (now ${current.decision}, set by #${laterInForce[n - 1].id}); they stay in the history.`;
}

/**
 * Undo one decision event: append an event restoring the state before it.
 * Without `confirm`, an undo that would override later decisions on the same post is not written; the result says
 * what would happen (`needs-confirm`).
 * @throws Error when the event does not exist or was already undone (undo the undo instead, to re-apply it).
 */
export function undoDecisionEvent(db: Db, eventId: number, opts: { confirm?: boolean } = {}): UndoResult {
  const c = db.$client;
  return c.transaction((): UndoResult => {
    const plan = planUndo(db, eventId);
    if (plan.undoneBy !== null) {
      throw new Error(
        `decision #${eventId} was already undone by #${plan.undoneBy}; undo #${plan.undoneBy} to re-apply it`,
      );
    }
    const message = describeUndo(plan);
    if (plan.laterInForce.length > 0 && !opts.confirm) return { status: 'needs-confirm', plan, message };
    const { decision, note, rereviewOn } = plan.restore;
    const id = setDecision(db, plan.event.postId, decision, note, { rereviewOn, undoes: eventId });
    return { status: 'done', eventId: id, plan, message: `Undone #${eventId}: ${message}` };
  })();
}

/** The newest decision event still in force that is not itself an undo, or null when there is none. */
export function lastUndoableEvent(db: Db): number | null {
  const undone = undoneEvents(db);
  const rows = db.$client
    .prepare('select id from decision_events where undoes is null order by id desc limit ?')
    .all(undone.size + 1) as { id: number }[];
  // At most undone.size of the newest plain events can be undone, so one more row always holds the answer.
  return rows.find((r) => !undone.has(r.id))?.id ?? null;
}

/**
 * Undo the newest decision still in force (see {@link lastUndoableEvent}). Like any undo it asks for a confirmation
 * (`needs-confirm`, nothing written) in the rare case that a later undo of an older event changed the same post
 * since; pass `confirm: true` to go ahead. Returns null when there is nothing to undo.
 */
export function undoLastDecision(db: Db, opts: { confirm?: boolean } = {}): UndoResult | null {
  return db.$client.transaction(() => {
    const id = lastUndoableEvent(db);
    return id === null ? null : undoDecisionEvent(db, id, opts);
  })();
}
