import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { tempDb } from '../test-helpers';
import { setDecision, setRereviewDate } from './decisions';
import { lastUndoableEvent, planUndo, undoDecisionEvent, undoLastDecision } from './decisions-undo';

let t: ReturnType<typeof tempDb>;
let db: Db;
const addPost = (path: string) =>
  Number(
    db.$client.prepare("insert into posts (path, title, source) values (?, ?, 'test')").run(path, `Title ${path}`)
      .lastInsertRowid,
  );
const state = (id: number) =>
  db.$client.prepare('select decision, note, rereview_on as rereviewOn from decisions where post_id = ?').get(id);
const events = () =>
  db.$client
    .prepare(
      'select id, post_id as postId, old_decision as o, new_decision as n, undoes from decision_events order by id',
    )
    .all() as { id: number; postId: number; o: string; n: string; undoes: number | null }[];

beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

describe('setDecision (backward compatible)', () => {
  it('appends an event with the old and new decision and returns its id', () => {
    const a = addPost('/a');
    const e1 = setDecision(db, a, 'keep', 'good');
    const e2 = setDecision(db, a, 'cull', 'meh');
    expect(e2).toBeGreaterThan(e1);
    expect(events().map((e) => [e.o, e.n])).toEqual([
      ['undecided', 'keep'],
      ['keep', 'cull'],
    ]);
    expect(state(a)).toEqual({ decision: 'cull', note: 'meh', rereviewOn: null });
  });

  it('keeps a re-review day only on a kept post, and clears it when kept again without one', () => {
    const a = addPost('/a');
    setDecision(db, a, 'keep', '', { rereviewOn: '2027-01-01' });
    expect(state(a)).toMatchObject({ rereviewOn: '2027-01-01' });
    setDecision(db, a, 'cull', '', { rereviewOn: '2027-01-01' });
    expect(state(a)).toMatchObject({ decision: 'cull', rereviewOn: null });
    setDecision(db, a, 'keep', 'x', { rereviewOn: '2027-02-01' });
    setDecision(db, a, 'keep', 'x');
    expect(state(a)).toMatchObject({ rereviewOn: null });
  });

  it('throws for a post that does not exist and writes nothing', () => {
    expect(() => setDecision(db, 999, 'keep', '')).toThrow(/post 999 does not exist/);
    expect(events()).toEqual([]);
  });
});

describe('setRereviewDate', () => {
  it('sets the day on a kept post as a keep → keep event that can be undone', () => {
    const a = addPost('/a');
    setDecision(db, a, 'keep', 'note stays');
    const e = setRereviewDate(db, a, '2027-03-04');
    expect(state(a)).toEqual({ decision: 'keep', note: 'note stays', rereviewOn: '2027-03-04' });
    expect(events().at(-1)).toMatchObject({ o: 'keep', n: 'keep' });
    undoDecisionEvent(db, e);
    expect(state(a)).toEqual({ decision: 'keep', note: 'note stays', rereviewOn: null });
  });

  it('refuses a post that is not kept', () => {
    const a = addPost('/a');
    expect(() => setRereviewDate(db, a, '2027-03-04')).toThrow(/not kept/);
    setDecision(db, a, 'cull', '');
    expect(() => setRereviewDate(db, a, '2027-03-04')).toThrow(/not kept/);
  });
});

describe('undo', () => {
  it('undo last restores the previous decision, note and re-review day with a new event', () => {
    const a = addPost('/a');
    setDecision(db, a, 'keep', 'first', { rereviewOn: '2027-01-01' });
    const e2 = setDecision(db, a, 'cull', 'second');
    const r = undoLastDecision(db);
    expect(r?.status).toBe('done');
    expect(state(a)).toEqual({ decision: 'keep', note: 'first', rereviewOn: '2027-01-01' });
    const last = events().at(-1);
    expect(last).toMatchObject({ o: 'cull', n: 'keep', undoes: e2 });
    expect(events()).toHaveLength(3); // append-only: nothing deleted
  });

  it('pressing undo repeatedly walks back through decisions, across posts, then stops', () => {
    const a = addPost('/a');
    const b = addPost('/b');
    setDecision(db, a, 'keep', '');
    setDecision(db, b, 'cull', '');
    setDecision(db, a, 'cull', '');
    undoLastDecision(db);
    expect(state(a)).toMatchObject({ decision: 'keep' });
    undoLastDecision(db);
    expect(state(b)).toMatchObject({ decision: 'undecided' });
    undoLastDecision(db);
    expect(state(a)).toMatchObject({ decision: 'undecided' });
    expect(undoLastDecision(db)).toBeNull();
    expect(lastUndoableEvent(db)).toBeNull();
  });

  it('undoing an undo re-applies the event (redo), and undo last then takes it back again', () => {
    const a = addPost('/a');
    const e1 = setDecision(db, a, 'cull', 'c');
    const u = undoDecisionEvent(db, e1);
    expect(u.status).toBe('done');
    expect(state(a)).toMatchObject({ decision: 'undecided' });
    if (u.status !== 'done') return;
    const redo = undoDecisionEvent(db, u.eventId);
    expect(redo.status).toBe('done');
    expect(state(a)).toMatchObject({ decision: 'cull', note: 'c' });
    expect(lastUndoableEvent(db)).toBe(e1);
  });

  it('refuses to undo an event twice', () => {
    const a = addPost('/a');
    const e1 = setDecision(db, a, 'cull', '');
    undoDecisionEvent(db, e1);
    expect(() => undoDecisionEvent(db, e1)).toThrow(/already undone by #\d+/);
  });

  it('an older event with later decisions in force needs an explicit confirmation, then restores its old state', () => {
    const a = addPost('/a');
    const e1 = setDecision(db, a, 'keep', 'k');
    setDecision(db, a, 'cull', 'c');
    const before = events().length;
    const r = undoDecisionEvent(db, e1);
    expect(r.status).toBe('needs-confirm');
    expect(r.message).toMatch(/goes back to undecided.*replaces 1 later decision.*now cull/);
    expect(events()).toHaveLength(before); // nothing written
    expect(state(a)).toMatchObject({ decision: 'cull' });
    const ok = undoDecisionEvent(db, e1, { confirm: true });
    expect(ok.status).toBe('done');
    expect(state(a)).toMatchObject({ decision: 'undecided', note: '' });
  });

  it('later decisions that were undone do not count as in force', () => {
    const a = addPost('/a');
    const e1 = setDecision(db, a, 'keep', '');
    const e2 = setDecision(db, a, 'cull', '');
    undoDecisionEvent(db, e2);
    const plan = planUndo(db, e1);
    expect(plan.laterInForce).toEqual([]);
    expect(undoDecisionEvent(db, e1).status).toBe('done');
    expect(state(a)).toMatchObject({ decision: 'undecided' });
  });

  it('other posts never block an undo', () => {
    const a = addPost('/a');
    const b = addPost('/b');
    const e1 = setDecision(db, a, 'keep', '');
    setDecision(db, b, 'cull', '');
    expect(undoDecisionEvent(db, e1).status).toBe('done');
    expect(state(b)).toMatchObject({ decision: 'cull' });
  });

  it('throws for an event that does not exist', () => {
    expect(() => undoDecisionEvent(db, 42)).toThrow(/#42 does not exist/);
  });
});
