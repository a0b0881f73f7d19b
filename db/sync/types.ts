/**
 * Shapes of a sync run's results, stored as JSON in `sync_runs.results` and shown on /imports.
 */

/** What happened to one file (or API range) of a source. */
export interface SyncItemResult {
  /** File path, or `API 2024-03-01..2024-03-07`. */
  item: string;
  action: 'read' | 'skip' | 'error';
  /** Why (`no new bytes`, `rotated from ...`, `unchanged`, the error message). */
  reason: string;
  /** Lines or rows read, page views and bot hits added (read items only). */
  lines?: number;
  pageViews?: number;
  botHits?: number;
  /** Malformed lines or rows skipped (read items only), with the first few: line number in the whole file, reason. */
  rejected?: number;
  rejects?: { line: number | null; reason: string }[];
}

/** How many rejects a sync item keeps for the run's record and output (all of them are in import_runs). */
export const ITEM_REJECTS = 5;

/** One source's outcome in a run. */
export interface SyncSourceResult {
  source: string;
  type: string;
  ok: boolean;
  /** One line for people: `2 files read (1,204 lines, 310 page views), 1 unchanged`. */
  summary: string;
  error?: string;
  items: SyncItemResult[];
}

/** A whole run. `partial`: some sources failed, `failed`: all did. */
export interface SyncRunResult {
  runId: number;
  status: 'ok' | 'partial' | 'failed';
  results: SyncSourceResult[];
}

/** Builds a source result's summary line from its items. */
export function summarize(items: SyncItemResult[]): string {
  const read = items.filter((i) => i.action === 'read');
  const skipped = items.filter((i) => i.action === 'skip').length;
  const errors = items.filter((i) => i.action === 'error').length;
  const n = (x: number) => x.toLocaleString('en-US');
  const parts: string[] = [];
  if (read.length) {
    const lines = read.reduce((a, i) => a + (i.lines ?? 0), 0);
    const pv = read.reduce((a, i) => a + (i.pageViews ?? 0), 0);
    const rejected = read.reduce((a, i) => a + (i.rejected ?? 0), 0);
    parts.push(
      `${read.length} read (${n(lines)} lines or rows, ${n(pv)} page views${rejected ? `, ${n(rejected)} malformed and skipped` : ''})`,
    );
  }
  if (skipped) parts.push(`${skipped} unchanged`);
  if (errors) parts.push(`${errors} failed`);
  return parts.join(', ') || 'nothing to do';
}

/** A file-based source's result from its per-file items: ok only when no file failed; errors joined by file. */
export function fileSourceResult(
  src: { name: string; type: string },
  fileCount: number,
  items: SyncItemResult[],
): SyncSourceResult {
  const failed = items.filter((i) => i.action === 'error');
  return {
    source: src.name,
    type: src.type,
    ok: failed.length === 0,
    summary: `${fileCount} file${fileCount === 1 ? '' : 's'}: ${summarize(items)}`,
    error: failed.length ? failed.map((i) => `${i.item}: ${i.reason}`).join('; ') : undefined,
    items,
  };
}
