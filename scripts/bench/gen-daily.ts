/**
 * Bench data, part 2: daily views for every post on every day of a window (posts × days rows, e.g. 5,000 × 730 =
 * 3.65M), inserted through one prepared statement in one transaction, plus unmatched paths; then the importer's
 * summary recompute, so the pages read what a real import would have left.
 *
 * Traffic model (fixed seed): each post has a quality drawn from a log-normal; its page views on a day decay from
 * a launch spike to a long tail (as in lib/demo/access-log.ts), with noise. Days before a post was published carry
 * a row with zero page views, so the row count is exactly posts × days.
 */
import type { Db } from '../../db/client';
import * as trafficMutations from '../../db/mutations/traffic';
import { addCoverage, recomputeWinners } from '../../db/mutations/traffic-coverage';
import { createRng } from '../../lib/demo/rng';
import type { BenchPost } from './gen-posts';

const DAY_MS = 86_400_000;

/** `days` consecutive `YYYY-MM-DD` days ending on (and including) `endDay`. */
export function dayRange(endDay: string, days: number): string[] {
  const end = Date.parse(`${endDay}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** Expected human page views of a post `age` days after publishing (0 = publish day), times its quality. */
function expected(quality: number, age: number): number {
  return quality * (30 * Math.exp(-age / 3) + 3 * (1 + age / 60) ** -0.6);
}

/** Counts written by {@link writeDailyViews}. */
export interface DailyWriteResult {
  dailyRows: number;
  unmatchedRows: number;
  pageViews: number;
}

/**
 * Insert posts × days rows into daily_views (source `access-log`, origin `bench`), and `unmatchedPerDay` paths per
 * day into unmatched_paths, with the input's coverage and the day winners, in one transaction. Does not recompute
 * summaries: see {@link recomputeSummaries}.
 */
export function writeDailyViews(
  db: Db,
  posts: BenchPost[],
  days: string[],
  seed: number,
  unmatchedPerDay = 100,
): DailyWriteResult {
  const c = db.$client;
  const rng = createRng(seed);
  const ids = c.prepare('select id, published_day as day from posts order by id').all() as {
    id: number;
    day: string;
  }[];
  if (ids.length !== posts.length) throw new Error(`bench: expected ${posts.length} posts, found ${ids.length}`);
  const dayMs = days.map((d) => Date.parse(`${d}T00:00:00Z`));
  const insert = c.prepare(`insert into daily_views (post_id, day, source, origin, page_views, visitors, bot_hits)
    values (?, ?, 'access-log', 'bench', ?, ?, ?)`);
  const insertUnmatched = c.prepare(`insert into unmatched_paths (path, day, source, origin, kind, page_views, bot_hits)
    values (?, ?, 'access-log', 'bench', ?, ?, ?)`);
  const res: DailyWriteResult = { dailyRows: 0, unmatchedRows: 0, pageViews: 0 };
  c.transaction(() => {
    for (const p of ids) {
      const quality = Math.exp(rng.gauss() * 1.1 - 0.3);
      const pub = p.day ? Date.parse(`${p.day}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
      for (let i = 0; i < days.length; i++) {
        const age = Math.round((dayMs[i] - pub) / DAY_MS);
        const pv = age < 0 ? 0 : Math.round(expected(quality, age) * (0.5 + rng.next()));
        const bots = age < 0 ? 0 : Math.floor(rng.next() * 4);
        insert.run(p.id, days[i], pv, Math.round(pv * 0.85), bots);
        res.pageViews += pv;
      }
      res.dailyRows += days.length;
    }
    const kinds = ['page', 'page', 'page', 'feed', 'asset'] as const;
    for (const day of days) {
      for (let j = 0; j < unmatchedPerDay; j++) {
        const kind = kinds[j % kinds.length];
        const path = kind === 'feed' ? `/tag/t${j}/feed` : kind === 'asset' ? `/img/i${j}.png` : `/page-${j}`;
        insertUnmatched.run(path, day, kind, kind === 'page' ? rng.int(0, 30) : 0, rng.int(0, 5));
        res.unmatchedRows++;
      }
    }
    // The bookkeeping an import does beside its rows: which days this input covers, and which source wins a day.
    addCoverage(db, 'access-log', 'bench', days);
    recomputeWinners(db);
  })();
  return res;
}

/**
 * Run the importer's summary recompute: every function db/mutations/traffic.ts exports whose name starts with
 * `recompute` and takes only the database (today `recomputePostStats`; summary tables added later are picked up
 * without changing the bench). One transaction, as an import does.
 * @returns the names of the functions called.
 */
export function recomputeSummaries(db: Db): string[] {
  const fns = Object.entries(trafficMutations).filter(
    ([name, fn]) => name.startsWith('recompute') && typeof fn === 'function' && fn.length === 1,
  ) as [string, (tx: Db) => void][];
  db.$client.transaction(() => {
    for (const [, fn] of fns) fn(db);
  })();
  return fns.map(([name]) => name);
}
