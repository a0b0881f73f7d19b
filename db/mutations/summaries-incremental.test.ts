import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../lib/metrics';
import { mulberry32 } from '../../lib/random';
import type { DailyPathViews } from '../../lib/types';
import type { Db } from '../client';
import { tempDb } from '../test-helpers';
import { recomputeTouchedSummaries } from './summaries-incremental';
import {
  addTraffic,
  deleteOrigin,
  recomputePostStats,
  recomputeTouchedPostStats,
  rematchUnmatched,
  replaceTraffic,
} from './traffic';
import { setSourcePriority } from './traffic-coverage';

const SUMMARY_TABLES: [string, string][] = [
  ['post_stats', 'post_id'],
  ['post_day_views', 'post_id, day'],
  ['post_metrics', 'post_id'],
  ['post_curve', 'post_id, age'],
  ['post_month_views', 'post_id, month'],
];

function summaries(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [t, key] of SUMMARY_TABLES) out[t] = db.$client.prepare(`select * from ${t} order by ${key}`).all();
  return out;
}

/** post_stats as the original single GROUP BY over counted_daily_views defined it: the reference for both paths. */
function referencePostStats(db: Db): unknown[] {
  return db.$client
    .prepare(`select p.id as post_id,
      coalesce(sum(v.page_views), 0) as lifetime_views,
      coalesce(sum(case when p.published_day is not null and v.day >= p.published_day
                        and v.day < date(p.published_day, '+30 days') then v.page_views end), 0) as first30_views,
      coalesce(sum(case when v.day > date((select max(day) from counted_daily_views), '-30 days')
                   then v.page_views end), 0) as last30_views,
      coalesce(sum(v.bot_hits), 0) as bot_hits,
      max(case when v.page_views > 0 then v.day end) as last_view_day
    from posts p left join counted_daily_views v on v.post_id = p.id
    group by p.id order by p.id`)
    .all();
}

const POSTS = 40;
const START = '2024-01-01';

function addPosts(db: Db): void {
  const ins = db.$client.prepare(
    "insert into posts (id, path, title, published_day, source) values (?, ?, ?, ?, 'test')",
  );
  // Every fourth post has no publish day; the others are published across the data's span (some before it).
  for (let i = 1; i <= POSTS; i++) ins.run(i, `/p${i}`, `Post ${i}`, i % 4 === 0 ? null : addDays(START, i * 9 - 20));
}

/** One step of a random import sequence, applied the same way to both databases. */
type Step = (db: Db) => void;

function randomRows(rand: () => number, firstDay: string, span: number, n: number): DailyPathViews[] {
  const rows = new Map<string, DailyPathViews>();
  for (let i = 0; i < n; i++) {
    const day = addDays(firstDay, Math.floor(rand() * span));
    // Paths of posts, of a post not imported yet (/p99, unmatched until its alias appears) and a feed.
    const r = rand();
    const path = r < 0.8 ? `/p${1 + Math.floor(rand() * POSTS)}` : r < 0.9 ? '/p99' : '/feed';
    const kind = path === '/feed' ? 'feed' : 'page';
    rows.set(`${day} ${path}`, {
      day,
      path,
      kind,
      pageViews: Math.floor(rand() * 20),
      visitors: rand() < 0.2 ? null : Math.floor(rand() * 10),
      botHits: Math.floor(rand() * 3),
    });
  }
  return [...rows.values()];
}

function randomSteps(seed: number, count: number): Step[] {
  const rand = mulberry32(seed);
  const steps: Step[] = [];
  let newest = 40;
  for (let i = 0; i < count; i++) {
    const op = rand();
    if (op < 0.3) {
      // A whole log (re)imported: same origin again replaces it.
      const origin = `log:${Math.floor(rand() * 3)}`;
      const rows = randomRows(rand, START, newest, 30);
      steps.push((db) => replaceTraffic(db, rows, { source: 'access-log', origin }));
    } else if (op < 0.55) {
      // The nightly sync: new days (sometimes moving the newest day) added to a log's rows.
      newest += Math.floor(rand() * 3);
      const rows = randomRows(rand, addDays(START, newest - 2), 3, 8);
      steps.push((db) => addTraffic(db, rows, { source: 'access-log', origin: 'log:0' }));
    } else if (op < 0.75) {
      // An export of another source replacing its period (winners change on days the log does not cover).
      const first = Math.floor(rand() * newest);
      const period = { firstDay: addDays(START, first), lastDay: addDays(START, first + 10) };
      const rows = randomRows(rand, period.firstDay, 11, 15);
      steps.push((db) => replaceTraffic(db, rows, { source: 'plausible', origin: 'plausible', replaceDays: period }));
    } else if (op < 0.85) {
      const origin = `log:${Math.floor(rand() * 3)}`;
      steps.push((db) => deleteOrigin(db, 'access-log', origin));
    } else if (op < 0.93) {
      const order = rand() < 0.5 ? ['plausible', 'access-log'] : ['access-log', 'plausible'];
      steps.push((db) => setSourcePriority(db, order));
    } else {
      // /p99 becomes an alias of a post: its unmatched rows move into daily_views.
      const postId = 1 + Math.floor(rand() * POSTS);
      steps.push((db) => {
        db.$client
          .prepare("insert or replace into post_aliases (path, post_id, kind) values ('/p99', ?, 'mapped')")
          .run(postId);
        rematchUnmatched(db);
      });
    }
  }
  return steps;
}

const dbs: ReturnType<typeof tempDb>[] = [];
afterEach(() => {
  for (const t of dbs.splice(0)) t.cleanup();
});

function freshDb(): Db {
  const t = tempDb();
  dbs.push(t);
  addPosts(t.db);
  recomputePostStats(t.db);
  return t.db;
}

describe('recomputeTouchedPostStats', () => {
  // Seeds 3 and 4 lift the fall-back limits, so the incremental path runs even where most posts are touched.
  for (const seed of [1, 2, 3, 4]) {
    const recompute = (db: Db) =>
      seed <= 2
        ? recomputeTouchedPostStats(db)
        : recomputeTouchedSummaries(db, recomputePostStats, { maxDays: Infinity, maxPostShare: Infinity });
    it(`gives the same summaries as the full recompute over a random import sequence (seed ${seed})`, () => {
      const inc = freshDb();
      const full = freshDb();
      const steps = randomSteps(seed, 40);
      const rand = mulberry32(seed * 7919);
      let i = 0;
      while (i < steps.length) {
        // One to three writes per import transaction, then the recompute that import would run.
        const n = 1 + Math.floor(rand() * 3);
        const batch = steps.slice(i, i + n);
        i += n;
        inc.$client.transaction(() => {
          for (const s of batch) s(inc);
          recompute(inc);
        })();
        full.$client.transaction(() => {
          for (const s of batch) s(full);
          recomputePostStats(full);
        })();
        expect(summaries(inc), `after step ${i}`).toEqual(summaries(full));
        expect(summaries(full).post_stats, `post_stats after step ${i}`).toEqual(referencePostStats(full));
      }
      // The sequence did produce traffic (the comparison is not of empty tables).
      expect(
        (full.$client.prepare('select count(*) as n from post_day_views').get() as { n: number }).n,
      ).toBeGreaterThan(20);
    });
  }

  it('leaves posts the import did not touch alone', () => {
    const db = freshDb();
    const day = (n: number) => addDays(START, n);
    const row = (path: string, d: string, pv: number): DailyPathViews => ({
      day: d,
      path,
      kind: 'page',
      pageViews: pv,
      visitors: null,
      botHits: 0,
    });
    replaceTraffic(db, [row('/p1', day(5), 3), row('/p2', day(5), 4)], { source: 'access-log', origin: 'a' });
    recomputePostStats(db);
    // A marker in post 2's summary: an incremental recompute of post 1 alone (same newest day) must not rewrite it.
    db.$client.prepare('update post_metrics set peak_views = -1 where post_id = 2').run();
    addTraffic(db, [row('/p1', day(4), 2)], { source: 'access-log', origin: 'a' });
    recomputeTouchedPostStats(db);
    const peak = db.$client.prepare('select post_id, peak_views from post_metrics where post_id in (1, 2) order by 1');
    expect(peak.all()).toEqual([
      { post_id: 1, peak_views: 3 },
      { post_id: 2, peak_views: -1 },
    ]);
    expect(db.$client.prepare('select lifetime_views from post_stats where post_id = 1').pluck().get()).toBe(5);
  });
});
