/** Mapping unmatched paths, and one winning source per day where sources overlap (no double counting). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DailyPathViews } from '../../lib/types';
import type { Db } from '../client';
import { importPostsFile } from '../importers';
import { ownFixture, tempDb } from '../test-helpers';
import { mapPathToPost, recomputePostStats, replacePeriodTraffic, replaceTraffic } from './traffic';
import { getSourcePriority, setSourcePriority } from './traffic-coverage';

let t: ReturnType<typeof tempDb>;
beforeEach(async () => {
  t = tempDb();
  await importPostsFile(t.db, ownFixture('e2e', 'feed.xml'));
});
afterEach(() => t.cleanup());

const DIGGING = '/2024/03/why-i-stopped-digging';
const row = (day: string, path: string, pageViews: number, botHits = 0): DailyPathViews => ({
  day,
  path,
  pageViews,
  visitors: null,
  botHits,
  kind: 'page',
});
const stats = (db: Db) =>
  db.$client
    .prepare(
      'select s.lifetime_views as views, s.bot_hits as bots from post_stats s join posts p on p.id = s.post_id where p.path = ?',
    )
    .get(DIGGING) as {
    views: number;
    bots: number;
  };
const counted = (db: Db) =>
  db.$client
    .prepare('select day, source, sum(page_views) as n from counted_daily_views group by day, source order by day')
    .all();

describe('one source per day where sources overlap', () => {
  function load(db: Db) {
    db.$client.transaction(() => {
      // access log covers 03-01 and 03-02; Plausible 03-02..03-04; a CSV 03-04..03-05.
      replaceTraffic(db, [row('2024-03-01', DIGGING, 10, 2), row('2024-03-02', DIGGING, 20, 1)], {
        source: 'access-log',
        origin: 'log:a',
      });
      replaceTraffic(db, [row('2024-03-02', DIGGING, 15), row('2024-03-03', DIGGING, 7)], {
        source: 'plausible',
        origin: 'plausible',
        replaceDays: { firstDay: '2024-03-02', lastDay: '2024-03-04' },
      });
      replaceTraffic(db, [row('2024-03-04', DIGGING, 100), row('2024-03-05', DIGGING, 4)], {
        source: 'views-csv',
        origin: 'views-csv',
      });
      recomputePostStats(db);
    })();
  }

  it('default priority access-log > plausible > goatcounter > views-csv; the others are kept for comparison', () => {
    load(t.db);
    expect(counted(t.db)).toEqual([
      { day: '2024-03-01', source: 'access-log', n: 10 },
      { day: '2024-03-02', source: 'access-log', n: 20 },
      { day: '2024-03-03', source: 'plausible', n: 7 },
      // Plausible's stated period covers 03-04 (zero views that day): it wins over the CSV.
      { day: '2024-03-05', source: 'views-csv', n: 4 },
    ]);
    expect(stats(t.db)).toEqual({ views: 41, bots: 3 });
    const all = t.db.$client.prepare('select sum(page_views) as n from daily_views').get() as { n: number };
    expect(all.n).toBe(156);
  });

  it('a configured priority changes the winners and post_stats follows', () => {
    load(t.db);
    t.db.$client.transaction(() => {
      setSourcePriority(t.db, ['views-csv', 'plausible', 'access-log']);
      recomputePostStats(t.db);
    })();
    expect(getSourcePriority(t.db)).toEqual(['views-csv', 'plausible', 'access-log']);
    // 03-01 access, 03-02 plausible 15, 03-03 plausible 7, 03-04 csv 100, 03-05 csv 4.
    expect(stats(t.db).views).toBe(10 + 15 + 7 + 100 + 4);
  });

  it('a single source counts whole (no coverage = everything counts)', () => {
    t.db.$client.transaction(() => {
      replaceTraffic(t.db, [row('2024-03-01', DIGGING, 3)], { source: 'goatcounter', origin: 'goatcounter' });
      recomputePostStats(t.db);
    })();
    expect(stats(t.db).views).toBe(3);
  });
});

describe('mapPathToPost', () => {
  it('turns an unmatched path into an alias, moves its daily and period rows, recomputes post_stats', () => {
    t.db.$client.transaction(() => {
      replaceTraffic(
        t.db,
        [
          row('2024-03-01', '/2019/05/why-i-stopped-digging.html', 6),
          row('2024-03-02', '/2019/05/why-i-stopped-digging.html', 2),
        ],
        {
          source: 'access-log',
          origin: 'log:x',
        },
      );
      replacePeriodTraffic(
        t.db,
        [{ path: '/2019/05/why-i-stopped-digging.html', kind: 'page', pageViews: 40, visitors: 30 }],
        'ga4',
        {
          firstDay: '2024-01-01',
          lastDay: '2024-01-31',
        },
      );
      recomputePostStats(t.db);
    })();
    expect(stats(t.db).views).toBe(0);
    const postId = (t.db.$client.prepare('select id from posts where path = ?').get(DIGGING) as { id: number }).id;
    const r = t.db.$client.transaction(() =>
      mapPathToPost(t.db, 'https://allotment.example/2019/05/why-i-stopped-digging.html?x=1', postId),
    )();
    expect(r).toEqual({ moved: 3, path: '/2019/05/why-i-stopped-digging.html' });
    expect(stats(t.db).views).toBe(8);
    expect(t.db.$client.prepare("select count(*) as n from unmatched_paths where kind = 'page'").get()).toEqual({
      n: 0,
    });
    expect(t.db.$client.prepare('select page_views as pv, first_day as f from period_views').get()).toEqual({
      pv: 40,
      f: '2024-01-01',
    });
    expect(
      t.db.$client.prepare('select kind from post_aliases where path = ?').get('/2019/05/why-i-stopped-digging.html'),
    ).toEqual({ kind: 'mapped' });
    // Future imports of the old path now count for the post.
    t.db.$client.transaction(() => {
      replaceTraffic(t.db, [row('2024-03-09', '/2019/05/why-i-stopped-digging.html', 5)], {
        source: 'access-log',
        origin: 'log:y',
      });
      recomputePostStats(t.db);
    })();
    expect(stats(t.db).views).toBe(13);
  });

  it.each([
    ['an unknown post', '/x', 9999, /no post with id 9999/],
    ["a post's own path", DIGGING, 1, /already the path of post/],
  ])('refuses %s', (_name, path, postId, re) => {
    expect(() => mapPathToPost(t.db, path, postId)).toThrow(re);
  });
});
