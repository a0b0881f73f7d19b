/**
 * Sync of an export folder: every file Tend recognizes is imported when it is new or changed (by content hash);
 * an unchanged file is skipped, so a second run writes nothing. Exports replace the days (or period) they cover,
 * so re-importing a changed export never adds to what an earlier one wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SyncSource } from '../../lib/sync/config';
import { listExportFiles } from '../../lib/sync/files';
import { detectTrafficFormat, resolveFormat } from '../../lib/traffic/detect';
import { readHeadText } from '../../lib/traffic/file-head';
import type { Db } from '../client';
import { importViewsFile } from '../import-views';
import { sha256File } from '../importers';
import { fileSourceResult, ITEM_REJECTS, type SyncItemResult, type SyncSourceResult } from './types';

type FolderSource = Extract<SyncSource, { type: 'folder' }>;

/** Sync one export folder. A file that fails is reported; the others are still imported. */
export async function syncFolderSource(db: Db, src: FolderSource): Promise<SyncSourceResult> {
  const files = listExportFiles(src.path, src.pattern);
  const items: SyncItemResult[] = [];
  const forced = src.format ? resolveFormat(src.format) : undefined;
  for (const file of files) {
    const rel = path.relative(src.path, file);
    try {
      const hash = sha256File(file);
      const key = `${src.name}\t${rel}`;
      const saved = db.$client.prepare('select head_hash as h from sync_files where key = ?').get(key) as
        | { h: string }
        | undefined;
      if (saved?.h === hash) {
        items.push({ item: rel, action: 'skip', reason: 'unchanged' });
        continue;
      }
      const format = forced ?? detectTrafficFormat(await readHeadText(file), file);
      if (!format) {
        items.push({ item: rel, action: 'skip', reason: 'not a traffic file Tend recognizes' });
        continue;
      }
      const s = await importViewsFile(db, file, { format, locale: src.locale });
      const size = fs.statSync(file).size;
      db.$client
        .prepare(`insert into sync_files (key, path, head_hash, size, offset, updated_at)
          values (?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) on conflict (key) do update set
          path = excluded.path, head_hash = excluded.head_hash, size = excluded.size, offset = excluded.offset,
          updated_at = excluded.updated_at`)
        .run(key, file, hash, size, size);
      items.push({
        item: rel,
        action: 'read',
        reason: format,
        lines: s.read,
        pageViews: s.imported,
        botHits: s.bot,
        rejected: s.rejected,
        rejects: s.rejects.slice(0, ITEM_REJECTS).map((r) => ({ line: r.line, reason: r.reason })),
      });
    } catch (err) {
      items.push({ item: rel, action: 'error', reason: (err as Error).message });
    }
  }
  return fileSourceResult(src, files.length, items);
}
