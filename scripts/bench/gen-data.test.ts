import { afterEach, describe, expect, it } from 'vitest';
import { tempDb } from '../../db/test-helpers';
import { dayRange, recomputeSummaries, writeDailyViews } from './gen-daily';
import { generatePostRecords, writeBenchPosts } from './gen-posts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('dayRange', () => {
  it('ends on the last day and crosses month and leap-day boundaries', () => {
    expect(dayRange('2024-03-01', 3)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dayRange('2026-06-30', 730)).toHaveLength(730);
  });
});

describe('bench posts and daily views', () => {
  it('writes posts × days rows and the summaries a real import would leave', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const generated = generatePostRecords(5, 12, '2026-06-30', 2);
    expect(new Set(generated.map((g) => g.record.path)).size).toBe(12);
    expect(generated.map((g) => g.record.publishedAt)).toEqual([...generated.map((g) => g.record.publishedAt)].sort());
    const posts = writeBenchPosts(t.db, generated, 5);
    expect(posts).toHaveLength(12);
    const days = dayRange('2026-06-30', 20);
    const res = writeDailyViews(t.db, posts, days, 6, 4);
    const c = t.db.$client;
    expect(res.dailyRows).toBe(240);
    expect((c.prepare('select count(*) as n from daily_views').get() as { n: number }).n).toBe(240);
    expect((c.prepare('select count(*) as n from unmatched_paths').get() as { n: number }).n).toBe(80);
    // Before a post's publish day its rows carry no page views.
    const early = c
      .prepare(`select count(*) as n from daily_views v join posts p on p.id = v.post_id
        where v.day < p.published_day and v.page_views > 0`)
      .get() as { n: number };
    expect(early.n).toBe(0);
    expect(recomputeSummaries(t.db)).toContain('recomputePostStats');
    const sum = c.prepare('select sum(lifetime_views) as n from post_stats').get() as { n: number };
    expect(sum.n).toBe(res.pageViews);
  });

  it('labels some posts as the author would and decides some', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    writeBenchPosts(t.db, generatePostRecords(9, 60, '2026-06-30', 3), 9);
    const c = t.db.$client;
    const labelled = (c.prepare('select count(*) as n from authorship where label is not null').get() as { n: number })
      .n;
    expect(labelled).toBeGreaterThan(30);
    expect(labelled).toBeLessThan(60);
    const decided = c.prepare("select count(*) as n from decisions where decision != 'undecided'").get() as {
      n: number;
    };
    expect(decided.n).toBeGreaterThan(0);
  });
});
