/**
 * Which days each traffic source covers, and which source counts on a day several cover (no double counting).
 *
 * - `traffic_coverage` (source, origin, day): kept with the rows it describes by db/mutations/traffic.ts.
 * - `traffic_winners` (day, source): the highest-priority source covering each day. The view `counted_daily_views`
 *   keeps only the winner's rows on such days; every sum across sources (post_stats, overview, charts) reads it.
 * - the priority list lives in the `sourcePriority` setting (JSON array), written by `npm run sync` from its config.
 * Call inside a transaction.
 */
import type { Db } from '../client';
import { markDays, startTracking } from './traffic-touched';

type Tx = Pick<Db, '$client'>;

/**
 * Default order in which sources win a day, highest first: a server log sees every request (bots apart), Plausible and
 * GoatCounter count script-running visitors, a hand-made CSV is the least checked. Sources not listed come after, by
 * name.
 */
export const DEFAULT_SOURCE_PRIORITY: readonly string[] = [
  'access-log',
  'plausible',
  'goatcounter',
  'matomo',
  'jetpack',
  'views-csv',
];

const SETTING = 'sourcePriority';

/** The configured source priority (highest first), or the default. Invalid stored JSON falls back to the default. */
export function getSourcePriority(tx: Tx): string[] {
  const row = tx.$client.prepare('select value from settings where key = ?').get(SETTING) as
    | { value: string }
    | undefined;
  if (!row) return [...DEFAULT_SOURCE_PRIORITY];
  try {
    const v = JSON.parse(row.value) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // fall through to the default
  }
  return [...DEFAULT_SOURCE_PRIORITY];
}

/**
 * Store a priority list (highest first) and recompute the winners with it. Unknown source names are kept: a source
 * may be imported later.
 */
export function setSourcePriority(tx: Tx, priority: string[]): void {
  tx.$client
    .prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
    .run(SETTING, JSON.stringify(priority));
  recomputeWinners(tx);
}

/** Record that an input covers these days (idempotent). */
export function addCoverage(tx: Tx, source: string, origin: string, days: Iterable<string>): void {
  startTracking(tx);
  const ins = tx.$client.prepare('insert or ignore into traffic_coverage (source, origin, day) values (?, ?, ?)');
  for (const d of days) ins.run(source, origin, d);
}

/** Forget an input's coverage (before its rows are replaced). */
export function deleteCoverage(tx: Tx, source: string, origin: string): void {
  startTracking(tx);
  tx.$client.prepare('delete from traffic_coverage where source = ? and origin = ?').run(source, origin);
}

/** Forget a source's coverage of some days, whatever the origin (an export replacing its period). */
export function deleteCoverageDays(tx: Tx, source: string, firstDay: string, lastDay: string): void {
  startTracking(tx);
  tx.$client
    .prepare('delete from traffic_coverage where source = ? and day between ? and ?')
    .run(source, firstDay, lastDay);
}

/**
 * Recompute `traffic_winners`: for every covered day, the source ranked first by the priority (unlisted sources after
 * the listed ones, by name). One statement over the coverage table (sources x days rows: small).
 */
export function recomputeWinners(tx: Tx): void {
  const priority = JSON.stringify(getSourcePriority(tx));
  startTracking(tx);
  // The days whose winner changes are marked: every post with rows on them may count other rows now.
  const before = new Map(
    tx.$client.prepare('select day, source from traffic_winners').raw().all() as [string, string][],
  );
  tx.$client.exec('delete from traffic_winners');
  tx.$client
    .prepare(
      `insert into traffic_winners (day, source)
       select day, source from (
         select day, source, row_number() over (partition by day order by
           coalesce((select cast(key as integer) from json_each(?) where value = c.source), 1000000), source) as rn
         from (select distinct day, source from traffic_coverage) c)
       where rn = 1`,
    )
    .run(priority);
  const changed: string[] = [];
  for (const [day, source] of tx.$client.prepare('select day, source from traffic_winners').raw().all() as [
    string,
    string,
  ][]) {
    if (before.get(day) !== source) changed.push(day);
    before.delete(day);
  }
  markDays(tx, [...changed, ...before.keys()]);
}
