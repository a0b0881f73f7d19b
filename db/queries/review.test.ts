import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { importViewsFile } from '../import-views';
import { importPostsFile } from '../importers';
import { setAuthorshipLabel, setDecision } from '../mutations/decisions';
import { undoLastDecision } from '../mutations/decisions-undo';
import { ownFixture, tempDb } from '../test-helpers';
import { listDecisionHistory } from './history';
import {
  fillMonths,
  getReviewPost,
  listReviewWorklist,
  parseReviewOrder,
  reviewNeighbours,
  reviewProgress,
  siteDay,
} from './review';

let t: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(async () => {
  t = tempDb();
  db = t.db;
  await importPostsFile(db, ownFixture('pruning', 'feed.xml'));
  await importViewsFile(db, ownFixture('pruning', 'views.csv'));
});
afterEach(() => t.cleanup());

const today = () => siteDay('UTC');
const ids = (order: Parameters<typeof listReviewWorklist>[1] = 'oldest') =>
  listReviewWorklist(db, order, today()).map((i) => i.id);

describe('siteDay', () => {
  it('is the calendar day in the site time zone, with its UTC bounds', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(siteDay('UTC', now)).toEqual({
      day: '2026-03-01',
      startUtc: '2026-03-01T00:00:00.000Z',
      endUtc: '2026-03-02T00:00:00.000Z',
    });
    // Already the next day in Berlin (UTC+1 in March before DST).
    expect(siteDay('Europe/Berlin', now)).toEqual({
      day: '2026-03-02',
      startUtc: '2026-03-01T23:00:00.000Z',
      endUtc: '2026-03-02T23:00:00.000Z',
    });
    // The day DST starts in Berlin has 23 hours.
    expect(siteDay('Europe/Berlin', new Date('2026-03-29T12:00:00Z')).endUtc).toBe('2026-03-29T22:00:00.000Z');
    expect(() => siteDay('Mars/Olympus', now)).toThrow(/unknown time zone/);
  });
});

describe('review worklist', () => {
  it('holds undecided posts oldest first; other orders by views and by AI authorship', () => {
    expect(ids()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids('least-read')).toEqual([4, 2, 5, 6, 3, 1]);
    setAuthorshipLabel(db, 3, 'ai-generated');
    setAuthorshipLabel(db, 6, 'ai-assisted');
    expect(ids('ai-first').slice(0, 2)).toEqual([3, 6]);
    expect(parseReviewOrder('least-read')).toBe('least-read');
    expect(parseReviewOrder('drop table')).toBe('oldest');
  });

  it('keeps posts decided today (for the count), drops older decisions, and brings back due re-reviews', () => {
    setDecision(db, 1, 'keep', '');
    setDecision(db, 2, 'cull', '');
    setDecision(db, 3, 'keep', '', { rereviewOn: '2020-01-01' }); // due
    setDecision(db, 4, 'keep', '', { rereviewOn: '2999-01-01' }); // not yet
    db.$client.prepare("update decision_events set at = '2020-06-01T00:00:00.000Z' where post_id in (1, 3, 4)").run();
    const items = listReviewWorklist(db, 'oldest', today());
    expect(items.map((i) => [i.id, i.pending, i.touchedToday])).toEqual([
      [2, false, true],
      [3, true, false],
      [5, true, false],
      [6, true, false],
    ]);
    expect(reviewProgress(items)).toEqual({ decidedToday: 1, total: 4, remaining: 3 });
  });

  it('undo puts a post back in the queue and the count goes down', () => {
    setDecision(db, 1, 'cull', '');
    setDecision(db, 2, 'keep', '');
    expect(reviewProgress(listReviewWorklist(db, 'oldest', today()))).toEqual({
      decidedToday: 2,
      total: 6,
      remaining: 4,
    });
    undoLastDecision(db);
    const items = listReviewWorklist(db, 'oldest', today());
    expect(items.find((i) => i.id === 2)).toMatchObject({ pending: true, decision: 'undecided' });
    expect(reviewProgress(items)).toEqual({ decidedToday: 1, total: 6, remaining: 5 });
  });

  it('drafts are not in the queue', () => {
    db.$client.prepare("update posts set status = 'draft' where id = 6").run();
    expect(ids()).not.toContain(6);
  });
});

describe('reviewNeighbours', () => {
  const items = [1, 2, 3, 4].map((id) => ({
    id,
    title: '',
    decision: 'undecided' as const,
    rereviewOn: null,
    pending: id !== 3,
    touchedToday: id === 3,
  }));
  it('steps through the list and finds the next post still to decide, wrapping around', () => {
    expect(reviewNeighbours(items, 2)).toEqual({ index: 1, next: 3, prev: 1, nextPending: 4 });
    expect(reviewNeighbours(items, 4)).toEqual({ index: 3, next: null, prev: 3, nextPending: 1 });
    expect(reviewNeighbours(items, 99)).toMatchObject({ index: -1, prev: null, nextPending: 1 });
    expect(reviewNeighbours([items[0]], 1).nextPending).toBeNull();
  });
});

describe('getReviewPost', () => {
  it('has the key numbers and a zero-filled monthly series from the publish month to the end of data', () => {
    const p = getReviewPost(db, 5);
    expect(p).toMatchObject({
      title: 'A café walk in (old) town',
      lifetimeViews: 15,
      last90Views: 2,
      dataEnd: '2024-12-31',
    });
    expect(p?.months[0]).toEqual({ month: '2024-05', pageViews: 6 });
    expect(p?.months.at(-1)).toEqual({ month: '2024-12', pageViews: 0 });
    expect(p?.months).toHaveLength(8);
    expect(p?.months.reduce((a, m) => a + m.pageViews, 0)).toBe(15);
    expect(getReviewPost(db, 99)).toBeUndefined();
  });
  it('fillMonths crosses a year', () => {
    expect(fillMonths([{ month: '2024-01', pageViews: 3 }], '2023-11', '2024-02').map((m) => m.pageViews)).toEqual([
      0, 0, 3, 0,
    ]);
  });
});

describe('decision history', () => {
  it('lists events newest first, paginated, with undo links and later decisions in force', () => {
    const e1 = setDecision(db, 1, 'keep', 'a');
    setDecision(db, 1, 'cull', 'b');
    setDecision(db, 2, 'cull', '');
    undoLastDecision(db); // undoes post 2's cull
    const page1 = listDecisionHistory(db, 1, 3);
    expect(page1).toMatchObject({ total: 4, page: 1, pages: 2, perPage: 3 });
    expect(page1.rows.map((r) => [r.postId, r.newDecision])).toEqual([
      [2, 'undecided'],
      [2, 'cull'],
      [1, 'cull'],
    ]);
    expect(page1.rows[0].undoes).toBe(page1.rows[1].id);
    expect(page1.rows[1].undoneBy).toBe(page1.rows[0].id);
    const page2 = listDecisionHistory(db, 2, 3);
    expect(page2.rows.map((r) => r.id)).toEqual([e1]);
    expect(page2.rows[0]).toMatchObject({ laterInForce: 1, currentDecision: 'cull' });
    expect(listDecisionHistory(db, 99, 3).page).toBe(2);
  });
});
