/**
 * Writes of period totals (GA4, Universal Analytics, Umami, Jetpack, Matomo without dates, Plausible's dashboard
 * pages): period_views per post, never spread into days; unmatched paths kept under the period's origin so that
 * mapping them later moves them to period_views. Call inside a transaction.
 */
import type { Period, PeriodPathViews } from '../../lib/traffic/period';
import type { Db } from '../client';
import { loadPathIndex } from './traffic';

type Tx = Pick<Db, '$client'>;

/** Origin of unmatched rows from a period export: the period, so re-matching knows they are totals, not a day. */
export function periodOrigin(p: Period): string {
  return `period:${p.firstDay}..${p.lastDay}`;
}

/**
 * Replace a source's totals over one period (GA4, Umami, Jetpack, ...): period_views rows for matched page paths,
 * unmatched ones kept in unmatched_paths under the period's origin (day = its first day). Never spread into days.
 * @returns counts for the summary (page views, or visitors for visitor-only sources).
 */
export function replacePeriodTraffic(
  tx: Tx,
  rows: PeriodPathViews[],
  source: string,
  period: Period,
): { matchedRows: number; unmatchedRows: number; matched: number; unmatched: number } {
  const c = tx.$client;
  const origin = periodOrigin(period);
  c.prepare('delete from period_views where source = ? and first_day = ? and last_day = ?').run(
    source,
    period.firstDay,
    period.lastDay,
  );
  c.prepare('delete from unmatched_paths where source = ? and origin = ?').run(source, origin);
  const index = loadPathIndex(tx);
  const add = c.prepare(`insert into period_views (post_id, source, first_day, last_day, page_views, visitors)
    values (?,?,?,?,?,?) on conflict (post_id, source, first_day, last_day) do update set
    page_views = case when page_views is null and excluded.page_views is null then null
                      else coalesce(page_views, 0) + coalesce(excluded.page_views, 0) end,
    visitors = case when visitors is null and excluded.visitors is null then null
                    else coalesce(visitors, 0) + coalesce(excluded.visitors, 0) end`);
  const addUnmatched = c.prepare(`insert into unmatched_paths (path, day, source, origin, kind, page_views, bot_hits)
    values (?,?,?,?,?,?,0) on conflict (path, kind, day, source, origin) do update set
    page_views = page_views + excluded.page_views`);
  const out = { matchedRows: 0, unmatchedRows: 0, matched: 0, unmatched: 0 };
  for (const r of rows) {
    const n = r.pageViews ?? r.visitors ?? 0;
    const postId = r.kind === 'page' ? index.get(r.path) : undefined;
    if (postId !== undefined) {
      add.run(postId, source, period.firstDay, period.lastDay, r.pageViews, r.visitors);
      out.matchedRows++;
      out.matched += n;
    } else {
      addUnmatched.run(r.path, period.firstDay, source, origin, r.kind, n);
      out.unmatchedRows++;
      out.unmatched += n;
    }
  }
  return out;
}
