import { afterEach, describe, expect, it } from 'vitest';
import { tempDb } from '../test-helpers';
import { forEachPostDays, inDayOrder, type PostDays } from './post-day-rows';

const dbs: ReturnType<typeof tempDb>[] = [];
afterEach(() => {
  for (const t of dbs.splice(0)) t.cleanup();
});

describe('forEachPostDays', () => {
  it('gives every post its days in ascending order with their numbers, posts by id', () => {
    const t = tempDb();
    dbs.push(t);
    const c = t.db.$client;
    const post = c.prepare("insert into posts (id, path, title, status, source) values (?, ?, 'T', 'publish', 'test')");
    for (const id of [3, 1, 2]) post.run(id, `/p${id}`);
    const row = c.prepare('insert into post_day_views (post_id, day, page_views, bot_hits) values (?,?,?,?)');
    // Inserted out of order; post 2 has no days and is not called.
    row.run(3, '2024-02-01', 5, 1);
    row.run(1, '2024-01-03', 7, 0);
    row.run(3, '2024-01-31', 2, 4);
    row.run(1, '2023-12-31', 1, 2);
    const seen: [number, PostDays][] = [];
    forEachPostDays(t.db, (id, d) => seen.push([id, d]));
    expect(seen).toEqual([
      [1, { days: ['2023-12-31', '2024-01-03'], pageViews: [1, 7], botHits: [2, 0] }],
      [3, { days: ['2024-01-31', '2024-02-01'], pageViews: [2, 5], botHits: [4, 1] }],
    ]);
  });
});

describe('inDayOrder', () => {
  it('keeps ascending days as they are and sorts the rows of days out of order', () => {
    const asc: PostDays = { days: ['2024-01-01', '2024-01-02'], pageViews: [1, 2], botHits: [0, 1] };
    expect(inDayOrder(asc)).toBe(asc);
    expect(
      inDayOrder({ days: ['2024-03-01', '2024-01-01', '2024-02-01'], pageViews: [3, 1, 2], botHits: [30, 10, 20] }),
    ).toEqual({ days: ['2024-01-01', '2024-02-01', '2024-03-01'], pageViews: [1, 2, 3], botHits: [10, 20, 30] });
  });
});
