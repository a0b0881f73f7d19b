import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURVE_AGES, type DayViews } from '../../lib/metrics';
import { curveFromDaily, sumsFromDaily } from '../../lib/metrics-sums';
import type { Db } from '../client';
import { tempDb } from '../test-helpers';
import { recomputePostStats } from './traffic';

let t: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

function addPost(id: number, publishedDay: string | null) {
  db.$client
    .prepare("insert into posts (id, path, title, published_day, source) values (?, ?, ?, ?, 'test')")
    .run(id, `/p${id}`, `Post ${id}`, publishedDay);
}
function addViews(postId: number, day: string, pv: number, bots = 0, origin = 'a.log') {
  db.$client
    .prepare(
      "insert into daily_views (post_id, day, source, origin, page_views, bot_hits) values (?,?,'access-log',?,?,?)",
    )
    .run(postId, day, origin, pv, bots);
  db.$client
    .prepare("insert or ignore into traffic_coverage (source, origin, day) values ('access-log', ?, ?)")
    .run(origin, day);
}

describe('recomputePostMetrics (via recomputePostStats)', () => {
  it('stores window sums, peak day and monthly sums computed by hand', () => {
    // Data: 2024-01-01 .. 2024-06-30 (182 days). Post 1 published 2024-01-01.
    addPost(1, '2024-01-01');
    addPost(2, null);
    addViews(1, '2024-01-01', 5, 1); // day 0
    addViews(1, '2024-01-01', 2, 0, 'b.log'); // same day, another log file of the same source: day 0 has 7
    addViews(1, '2024-01-07', 3); // day 6: inside first 7
    addViews(1, '2024-01-08', 7); // day 7: outside first 7
    addViews(1, '2024-03-30', 4); // day 89: last day of first 90
    addViews(1, '2024-03-31', 100); // day 90: outside first 90; the peak
    addViews(1, '2024-06-01', 1, 2); // within last 30 days (2024-06-01..06-30)
    addViews(2, '2024-06-30', 6);
    recomputePostStats(db);
    const m = db.$client.prepare('select * from post_metrics where post_id = 1').get() as Record<string, unknown>;
    expect(m).toMatchObject({
      first7_views: 10,
      first30_views: 17,
      first90_views: 21,
      last30_views: 1,
      last90_views: 1, // last 90 days start 2024-04-02
      since_publish_views: 122,
      peak_day: '2024-03-31',
      peak_views: 100,
    });
    const m2 = db.$client.prepare('select * from post_metrics where post_id = 2').get() as Record<string, unknown>;
    // No publish day: no first-N sums; last-N sums are stored raw (lib/metrics.ts decides they do not count).
    expect(m2).toMatchObject({ first30_views: 0, since_publish_views: 0, last30_views: 6, peak_day: '2024-06-30' });
    const months = db.$client
      .prepare('select month, page_views as pv, bot_hits as bh from post_month_views where post_id = 1 order by month')
      .all();
    expect(months).toEqual([
      { month: '2024-01', pv: 17, bh: 1 },
      { month: '2024-03', pv: 104, bh: 0 },
      { month: '2024-06', pv: 1, bh: 2 },
    ]);
  });

  it('agrees with the reference functions of lib/metrics.ts on a scattered series', () => {
    addPost(1, '2023-11-20');
    const daily: DayViews[] = [];
    // A deterministic, uneven series over 400 days, some days empty, some views before publishing.
    for (let i = -5; i < 400; i++) {
      if (i % 7 === 3) continue;
      const day = new Date(Date.UTC(2023, 10, 20 + i)).toISOString().slice(0, 10);
      const pv = (i * 37) % 11;
      daily.push({ day, pageViews: pv, botHits: i % 3 });
      addViews(1, day, pv, i % 3);
    }
    recomputePostStats(db);
    const cov = db.$client.prepare('select min(day) as firstDay, max(day) as lastDay from daily_views').get() as {
      firstDay: string;
      lastDay: string;
    };
    const ref = sumsFromDaily(daily, '2023-11-20', cov);
    const row = db.$client
      .prepare(`select first7_views as first7Views, first30_views as first30Views, first90_views as first90Views,
        last30_views as last30Views, last90_views as last90Views, since_publish_views as sincePublishViews,
        peak_day as peakDay, peak_views as peakViews from post_metrics where post_id = 1`)
      .get();
    const { lifetimeViews: _l, botHits: _b, ...rest } = ref;
    expect(row).toEqual(rest);
    const curve = db.$client
      .prepare('select age, cum_views as v from post_curve where post_id = 1 order by age')
      .all() as {
      age: number;
      v: number;
    }[];
    const refCurve = curveFromDaily(daily, '2023-11-20');
    expect(curve.map((c) => c.age)).toEqual([...CURVE_AGES]);
    expect(curve.map((c) => c.v)).toEqual(CURVE_AGES.map((a) => refCurve.get(a)));
    // Curve at 30 days equals the first-30 sum.
    expect(curve.find((c) => c.age === 30)?.v).toBe(ref.first30Views);
  });

  it('keeps a curve of zeros for a post without views and none for a post without a publish day', () => {
    addPost(1, '2024-01-01');
    addPost(2, null);
    addViews(2, '2024-01-05', 3);
    recomputePostStats(db);
    const n1 = db.$client.prepare('select count(*) as n, sum(cum_views) as s from post_curve where post_id = 1').get();
    expect(n1).toEqual({ n: CURVE_AGES.length, s: 0 });
    expect(db.$client.prepare('select count(*) as n from post_curve where post_id = 2').get()).toEqual({ n: 0 });
  });

  it('counts one source per day where sources overlap (counted_daily_views), never both', () => {
    addPost(1, '2024-01-01');
    addViews(1, '2024-01-01', 5);
    db.$client
      .prepare(
        "insert into daily_views (post_id, day, source, origin, page_views, bot_hits) values (1, '2024-01-01', 'plausible', 'p.csv', 4, 0)",
      )
      .run();
    db.$client.prepare("insert into traffic_winners (day, source) values ('2024-01-01', 'access-log')").run();
    recomputePostStats(db);
    expect(db.$client.prepare('select first7_views as v from post_metrics').get()).toEqual({ v: 5 });
    expect(db.$client.prepare('select page_views as v from post_month_views').get()).toEqual({ v: 5 });
  });
});
