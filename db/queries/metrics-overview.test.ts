import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOverviewParams } from '../../lib/overview-params';
import type { Db } from '../client';
import { setAuthorshipLabel } from '../mutations/decisions';
import { tempDb } from '../test-helpers';
import { getCoverage } from './metrics';
import { buildOverview } from './metrics-overview';
import { rangeViewsByPost, viewsByBucket } from './overview-reads';

// fixtures/comparison through the real importers (the e2e area's prepare); facts in fixtures/comparison/README.md.
let t: ReturnType<typeof tempDb>;
let db: Db;
const savedZone = process.env.TEND_TIMEZONE;
beforeAll(async () => {
  t = tempDb();
  db = t.db;
  process.env.TEND_TIMEZONE = 'UTC';
  const { prepare } = await import(path.resolve(__dirname, '../../e2e/comparison/prepare'));
  await prepare(db);
});
afterAll(() => {
  t.cleanup();
  if (savedZone === undefined) delete process.env.TEND_TIMEZONE;
  else process.env.TEND_TIMEZONE = savedZone;
});

const params = (sp: Record<string, string>) => parseOverviewParams(sp, '2024-01-10', '2024-06-30').params;
const titleOf = (id: number) =>
  (db.$client.prepare('select title from posts where id = ?').get(id) as { title: string }).title;

describe('buildOverview on the comparison fixtures', () => {
  it('has the hand-counted cohort numbers and the test', () => {
    expect(getCoverage(db)).toEqual({ firstDay: '2024-01-10', lastDay: '2024-06-30' });
    const m = buildOverview(db, params({}));
    expect(m.current.stats.map((s) => [s.cohort, s.n, s.totalViews])).toEqual([
      ['human', 6, 226],
      ['ai', 5, 42],
      ['unlabelled', 1, 7],
    ]);
    expect(m.current.stats[0].metrics.first30).toEqual({ n: 5, median: 41, q1: 40, q3: 50 });
    const f = m.current.focus[0];
    expect([f.nA, f.nB, f.medianA, f.medianB, f.test?.u, f.test?.effectSize]).toEqual([5, 5, 5, 41, 0, -1]);
    expect(f.test?.p).toBeCloseTo(0.00902, 4);
    expect(m.rangeViews).toBe(275);
    expect(m.top.map((x) => [titleOf(x.id), x.views])[0]).toEqual(['The first asparagus spears', 60]);
    // Months 2024-01..06: Jan 30+3+10+41 = 84, Feb 50+20+2+10 = 82, Mar 60+10+5+20 = 95, Apr 7, May 2, Jun 4+1 = 5.
    expect(m.calendar.rows.map((r) => [r.bucket, r.total])).toEqual([
      ['2024-01', 84],
      ['2024-02', 82],
      ['2024-03', 95],
      ['2024-04', 7],
      ['2024-05', 2],
      ['2024-06', 5],
    ]);
    expect(m.annotations).toEqual([{ id: 1, day: '2024-02-14', text: 'started AI posts', bucket: '2024-02' }]);
    // 30 days after publishing: every post but h6 (10 days old) counts.
    expect(m.curve.find((r) => r.age === 30)).toMatchObject({ 'human:n': 5, 'human:median': 41, 'ai:median': 5 });
  });

  it('filters posts by publish day and compares with the previous period', () => {
    const m = buildOverview(db, params({ from: '2024-02-01', to: '2024-03-31', compare: '1' }));
    expect(m.current.stats.map((s) => s.n)).toEqual([3, 4, 0]);
    expect(m.current.focus[0].medianA).toBe(7.5);
    expect(m.current.focus[0].enough).toBe(false);
    expect(m.previous?.range).toEqual({ from: '2023-12-03', to: '2024-01-31' });
    expect(m.previous?.stats.map((s) => s.metrics.first30.median)).toEqual([40.5, 3, null]);
    expect(m.rangeViews).toBe(177);
    expect(m.previousRangeViews).toBe(84);
    expect(m.calendar.unit).toBe('day');
    expect(m.calendar.rows).toHaveLength(60);
    expect(m.calendar.rows.find((r) => r.bucket === '2024-03-10')).toMatchObject({ human: 10, total: 10 });
  });

  it('splits AI and follows a label change (no stale cache)', () => {
    expect(buildOverview(db, params({ split: '1' })).current.stats.map((s) => s.n)).toEqual([6, 2, 3, 1]);
    const u1 = (db.$client.prepare("select id from posts where title like 'April notes%'").get() as { id: number }).id;
    setAuthorshipLabel(db, u1, 'ai-generated');
    expect(buildOverview(db, params({ split: '1' })).current.stats.map((s) => s.n)).toEqual([6, 2, 4, 0]);
    setAuthorshipLabel(db, u1, null);
    expect(buildOverview(db, params({ split: '1' })).current.stats.map((s) => s.n)).toEqual([6, 2, 3, 1]);
  });

  it('rebuilds missing summaries on first use', () => {
    db.$client.exec('delete from post_metrics; delete from post_curve; delete from post_month_views');
    const m = buildOverview(db, params({ metric: 'first7' }));
    expect(m.current.stats[0].metrics.first7.n).toBe(6);
    // Post-months with views: h1 Jan+Jun, h4 Feb+Mar, g1 Jan+May, and one month for each of the other 9 posts.
    expect((db.$client.prepare('select count(*) as n from post_month_views').get() as { n: number }).n).toBe(15);
  });
});

describe('range reads from the summary tables', () => {
  it('gives the same totals per post, per month and per day', () => {
    const long = { from: '2024-01-15', to: '2024-06-29' }; // monthly, starting and ending mid-month
    const byPost = rangeViewsByPost(db, long);
    const total = byPost.reduce((a, [, v]) => a + v, 0);
    // Everything but 2024-01-10 (30), 2024-06-30 (1): 275 - 31 = 244.
    expect(total).toBe(244);
    const buckets = viewsByBucket(db, long);
    expect(buckets.unit).toBe('month');
    expect(buckets.rows.reduce((a, r) => a + r.pageViews, 0)).toBe(244);
    const short = viewsByBucket(db, { from: '2024-01-10', to: '2024-01-20' });
    expect(short.unit).toBe('day');
    expect(short.rows.reduce((a, r) => a + r.pageViews, 0)).toBe(30 + 3 + 10 + 41);
  });
});
