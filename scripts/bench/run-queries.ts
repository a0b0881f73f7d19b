/**
 * Bench section (b): every query the overview, posts and post pages run, timed in-process on the big database.
 *
 * Which queries: read from the pages' own source at run time (value imports from `@/db/queries/*` in app/page.tsx,
 * app/posts/page.tsx, app/posts/[id]/page.tsx and the layout), so a query added to a page is measured without
 * changing the bench. Arguments: `(db)`, or `(db, postId)` on the post page when the function takes two; functions
 * that need more (filters, params) get argument sets from VARIANTS below. A function that cannot be called that
 * way is reported as skipped, never silently dropped. Every timed call follows a label change on another post, so a
 * page-level cache cannot hide a query's cost; the cached repeat is shown beside it when it differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client';
import { setAuthorshipLabel } from '../../db/mutations/decisions';
import { metric, summarize } from '../../lib/bench/summary';
import type { BenchContext } from './context';

/** The pages measured, their route, and the source files whose imports say what they query. */
export const PAGES = [
  { route: '/', files: ['app/page.tsx', 'app/layout.tsx'] },
  { route: '/posts', files: ['app/posts/page.tsx', 'app/layout.tsx'] },
  { route: '/posts/[id]', files: ['app/posts/[id]/page.tsx', 'app/layout.tsx'] },
] as const;

/** A function a page imports from db/queries. */
export interface PageQuery {
  module: string;
  name: string;
}

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]@\/db\/queries\/([\w-]+)['"]/g;

/**
 * Value (non-type) imports from `@/db/queries/*` in a page's source. Type-only names (`type X`) are left out;
 * constants are filtered later, when the module is loaded (only functions are measured).
 */
export function pageQueryImports(source: string): PageQuery[] {
  const out: PageQuery[] = [];
  for (const m of source.matchAll(IMPORT)) {
    for (const raw of m[1].split(',')) {
      const name = raw.trim();
      if (!name || name.startsWith('type ')) continue;
      out.push({ module: m[2], name: name.split(/\s+as\s+/)[0].trim() });
    }
  }
  return out;
}

/** Facts about the database the argument sets use. */
interface Ids {
  /** The post with the most page views (the longest daily series and a full authorship panel). */
  topPostId: number;
  /** First and last day of the daily views. */
  firstDay: string;
  lastDay: string;
}

type Variant = { label: string; args: unknown[] };

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Extra argument sets (after `db`) for functions that take filters or params; each set is measured as its own case.
 * The overview's params come from its own parser (lib/overview-params.ts) with the page's defaults, then a range.
 */
const VARIANTS: Record<string, (ids: Ids) => Promise<Variant[]>> = {
  // The page asks for one page of 100 rows (app/posts/page.tsx); the last page is the deepest OFFSET.
  listPosts: async () => [
    { label: 'default sort', args: [{}, { limit: 100, offset: 0 }] },
    {
      label: 'sort by lifetime views',
      args: [
        { sort: 'lifetime', dir: 'desc' },
        { limit: 100, offset: 0 },
      ],
    },
    {
      label: 'sort by title, last page',
      args: [
        { sort: 'title', dir: 'asc' },
        { limit: 100, offset: 4900 },
      ],
    },
    { label: 'cohort human', args: [{ cohort: 'human' }, { limit: 100, offset: 0 }] },
    { label: 'search "garden"', args: [{ q: 'garden' }, { limit: 100, offset: 0 }] },
    { label: 'decision keep', args: [{ decision: 'keep' }, { limit: 100, offset: 0 }] },
  ],
  countPosts: async () => [
    { label: 'no filter', args: [{}] },
    { label: 'cohort human', args: [{ cohort: 'human' }] },
  ],
  buildOverview: async (ids) => {
    const { parseOverviewParams } = await import('../../lib/overview-params');
    const { params } = parseOverviewParams({}, ids.firstDay, ids.lastDay);
    const last = (days: number) => ({ from: addDays(ids.lastDay, 1 - days), to: ids.lastDay });
    return [
      { label: 'all data', args: [params] },
      { label: 'last 90 days, compared', args: [{ ...params, range: last(90), compare: true }] },
      { label: 'last 12 months, AI split', args: [{ ...params, range: last(365), split: true }] },
    ];
  },
};

/**
 * Time `fn` up to `runs` times after warming up (3 calls, or 1 when a call is slow), stopping early once
 * `budgetMs` is spent but never with fewer than 5 samples: a 6-second query must not hold the bench for minutes.
 * `before` runs before every call, untimed.
 * @returns wall milliseconds per call, with the CPU milliseconds (user + system) of each call in `.cpu`.
 */
function time(fn: () => unknown, runs: number, budgetMs = 4000, before?: () => void): number[] & { cpu: number[] } {
  before?.();
  const w = performance.now();
  fn();
  if (performance.now() - w < 100)
    for (let i = 0; i < 2; i++) {
      before?.();
      fn();
    }
  const out = Object.assign([] as number[], { cpu: [] as number[] });
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    before?.();
    const cpu = process.cpuUsage();
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
    const d = process.cpuUsage(cpu);
    out.cpu.push((d.user + d.system) / 1000);
    if (out.length >= 5 && performance.now() - start > budgetMs) break;
  }
  return out;
}

/** Measure every page's queries on `db` (the big database). */
export async function benchQueries(ctx: BenchContext, db: Db): Promise<void> {
  const c = db.$client;
  const runs = ctx.sizes.queryRuns;
  const top = c
    .prepare('select post_id as id from daily_views group by post_id order by sum(page_views) desc limit 1')
    .get() as { id: number } | undefined;
  // Two subqueries: SQLite answers a lone min() or max() from the index, both in one select scan it.
  const span = c
    .prepare('select (select min(day) from daily_views) as f, (select max(day) from daily_views) as l')
    .get() as { f: string; l: string };
  const ids: Ids = { topPostId: top?.id ?? 1, firstDay: span.f, lastDay: span.l };
  const one = c.prepare('select 1');
  const select1 = summarize(time(() => one.get(), runs * 5));
  // What every query function pays at least: prepare a statement and read one row by primary key.
  const pk = summarize(time(() => c.prepare('select id, title from posts where id = ?').get(ids.topPostId), runs * 5));
  ctx.metrics.push(
    metric({
      key: 'query.baseline.select1',
      label: 'baseline: select 1 (prepared once)',
      value: select1.median,
      unit: 'ms',
    }),
    metric({
      key: 'query.baseline.pk',
      label: 'baseline: primary-key lookup (prepare + get)',
      value: pk.median,
      unit: 'ms',
      baseline: { label: 'select 1', value: select1.median },
    }),
  );
  const baseline = { label: 'primary-key lookup', value: pk.median };
  // A change the author makes all the time (a label flipped on another post), before every timed call: whatever a
  // page caches must be recomputed then, so the target is checked on that cost, not on a cache hit.
  const other = (c.prepare('select max(id) as id from posts').get() as { id: number }).id;
  let flip = false;
  const change = () => {
    flip = !flip;
    setAuthorshipLabel(db, other, flip ? 'ai-assisted' : 'human', 'author');
  };

  for (const page of PAGES) {
    const found = new Map<string, PageQuery>();
    for (const f of page.files) {
      const file = path.join(ctx.root, f);
      if (!fs.existsSync(file)) continue;
      for (const q of pageQueryImports(fs.readFileSync(file, 'utf8'))) found.set(`${q.module}.${q.name}`, q);
    }
    let pageTotal = 0;
    for (const q of found.values()) {
      const mod = (await import(path.join(ctx.root, 'db', 'queries', `${q.module}.ts`))) as Record<string, unknown>;
      const fn = mod[q.name];
      if (typeof fn !== 'function') continue; // a constant (COHORTS, SORTS)
      const variants = (await VARIANTS[q.name]?.(ids)) ?? [
        page.route === '/posts/[id]' && fn.length >= 2
          ? { label: `post ${ids.topPostId}`, args: [ids.topPostId] }
          : { label: '', args: [] },
      ];
      for (const v of variants) {
        const name = `${q.name}(${v.label})`;
        try {
          const budget = ctx.mode === 'quick' ? 1000 : 4000;
          const samples = time(() => fn(db, ...v.args), runs, budget, change);
          const s = summarize(samples);
          const repeat = summarize(time(() => fn(db, ...v.args), runs, budget));
          if (v === variants[0]) pageTotal += s.median;
          const key = `query.${page.route}.${q.name}${v.label ? `.${v.label}` : ''}`;
          // A cache at work: the repeated call is much cheaper than the one after a change. Shown, not targeted.
          if (repeat.median < s.median / 2)
            ctx.metrics.push(
              metric({
                key: `${key}.repeat`,
                label: `${page.route} ${name} repeated without a change (cached), median`,
                value: repeat.median,
                unit: 'ms',
                baseline: { label: 'after a change', value: s.median },
              }),
            );
          ctx.metrics.push(
            metric({
              key: `${key}.median`,
              label: `${page.route} ${name} median`,
              value: s.median,
              unit: 'ms',
              cpuMs: summarize(samples.cpu).median,
              baseline,
              target: { max: 25, text: '≤ 25 ms' },
            }),
            metric({
              key: `${key}.p95`,
              label: `${page.route} ${name} p95 (of ${s.n})`,
              value: s.p95,
              unit: 'ms',
              target: { max: 50, text: '≤ 50 ms' },
            }),
          );
        } catch (err) {
          ctx.skipped.push({
            section: `query ${page.route} ${name}`,
            reason: `cannot call it: ${(err as Error).message}`,
          });
        }
      }
    }
    ctx.metrics.push(
      metric({
        key: `query.${page.route}.total`,
        label: `${page.route} all its queries (one call each), sum of medians`,
        value: pageTotal,
        unit: 'ms',
        baseline,
      }),
    );
  }
}
