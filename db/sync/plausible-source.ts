/**
 * Sync of a Plausible Stats API v2 source: the last `days` days (ending today in the site time zone) per page and
 * day, replacing whatever Plausible data (API or export) held those days. When the API answers exactly what the last
 * run stored, nothing is written.
 */
import { createHash } from 'node:crypto';
import type { SyncSource } from '../../lib/sync/config';
import { fetchPlausibleDaily } from '../../lib/sync/plausible-api';
import { makeDayOfEpoch } from '../../lib/traffic/day-bucket';
import type { Db } from '../client';
import { recordRun } from '../importers';
import { recomputeTouchedPostStats, replaceTraffic } from '../mutations/traffic';
import type { SyncSourceResult } from './types';

type PlausibleSource = Extract<SyncSource, { type: 'plausible-api' }>;

/** Add days to a `YYYY-MM-DD` day. */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Sync one Plausible API source.
 * @throws Error when the API key variable is unset or the API fails (the run records it; other sources go on).
 */
export async function syncPlausibleSource(
  db: Db,
  src: PlausibleSource,
  ctx: { timeZone: string; now?: () => number; fetchImpl?: typeof fetch },
): Promise<SyncSourceResult> {
  const apiKey = process.env[src.apiKeyEnv];
  if (!apiKey) throw new Error(`the environment variable ${src.apiKeyEnv} (apiKeyEnv) is not set`);
  const lastDay = makeDayOfEpoch(ctx.timeZone)((ctx.now ?? Date.now)());
  const firstDay = addDays(lastDay, -(src.days - 1));
  const rows = await fetchPlausibleDaily({
    baseUrl: src.baseUrl,
    siteId: src.siteId,
    apiKey,
    firstDay,
    lastDay,
    timeoutMs: src.timeoutSeconds * 1000,
    fetchImpl: ctx.fetchImpl,
  });
  const item = `API ${firstDay}..${lastDay}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([firstDay, lastDay, rows]))
    .digest('hex');
  const key = `${src.name}\tapi`;
  const saved = db.$client.prepare('select head_hash as h from sync_files where key = ?').get(key) as
    | { h: string }
    | undefined;
  if (saved?.h === hash) {
    return {
      source: src.name,
      type: src.type,
      ok: true,
      summary: `${item}: unchanged`,
      items: [{ item, action: 'skip', reason: 'unchanged' }],
    };
  }
  const pageViews = db.$client.transaction(() => {
    const w = replaceTraffic(db, rows, {
      source: 'plausible',
      origin: `plausible-api:${src.siteId}`,
      replaceDays: { firstDay, lastDay },
    });
    db.$client
      .prepare(`insert into sync_files (key, path, head_hash, size, offset, updated_at)
        values (?,?,?,0,0, strftime('%Y-%m-%dT%H:%M:%fZ','now')) on conflict (key) do update set
        path = excluded.path, head_hash = excluded.head_hash, updated_at = excluded.updated_at`)
      .run(key, `${src.baseUrl} ${src.siteId}`, hash);
    recomputeTouchedPostStats(db);
    recordRun(
      db,
      {
        kind: 'views',
        file: `${src.baseUrl} ${src.siteId}`,
        format: `plausible-api (sync ${src.name})`,
        read: rows.length,
        imported: w.pageViews,
        bot: 0,
        unmatched: w.unmatchedPageViews,
        rejected: 0,
        skipped: {},
        rejects: [],
        warnings: [],
        firstDay,
        lastDay,
        detail: {},
      },
      'ok',
      hash,
    );
    return w.pageViews;
  })();
  return {
    source: src.name,
    type: src.type,
    ok: true,
    summary: `${item}: ${rows.length.toLocaleString('en-US')} page-days, ${pageViews.toLocaleString('en-US')} page views on posts`,
    items: [{ item, action: 'read', reason: 'fetched', lines: rows.length, pageViews, botHits: 0 }],
  };
}
