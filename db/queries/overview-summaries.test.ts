/**
 * buildOverview reads summary tables (./overview-reads.ts); db/overview-reference.ts computes the same model from a
 * plain scan of counted_daily_views. On real databases filled by the real importers (Tend's own fixtures), the two
 * must agree exactly: at first, after label changes (one, bulk, undo), after an incremental import of one more day
 * (and of a new month), and for ranges that start and end mid-month, cross the data's ends or lie outside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OverviewParams, parseOverviewParams } from '../../lib/overview-params';
import type { Db } from '../client';
import { importViewsFile } from '../import-views';
import { importPostsFile } from '../importers';
import { setLabels, undoLastLabelChange } from '../mutations/authorship-labels';
import { setAuthorshipLabel } from '../mutations/decisions';
import { recomputePostStats } from '../mutations/traffic';
import { scanOverview } from '../overview-reference';
import { ownFixture, tempDb } from '../test-helpers';
import { buildOverview } from './metrics-overview';

const savedZone = process.env.TEND_TIMEZONE;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-overview-'));
beforeAll(() => {
  process.env.TEND_TIMEZONE = 'UTC';
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (savedZone === undefined) delete process.env.TEND_TIMEZONE;
  else process.env.TEND_TIMEZONE = savedZone;
});

/** URL params as the page parses them, for a data set spanning `first`..`last`. */
function paramSets(first: string, last: string): OverviewParams[] {
  const sets: Record<string, string>[] = [
    {},
    { split: '1', metric: 'lifetimeViews' },
    { metric: 'first7' },
    { metric: 'viewsPerDay', split: '1' },
    // Mid-month to mid-month, compared with the previous period (also mid-month): days, then months.
    { from: `${first.slice(0, 7)}-15`, to: `${last.slice(0, 7)}-10`, compare: '1' },
    { from: `${first.slice(0, 7)}-20`, to: `${first.slice(0, 7)}-28`, compare: '1', split: '1' },
    // Starting before the data, ending after it; a range entirely after it; a single day.
    { from: '2023-11-17', to: '2025-02-03', compare: '1', metric: 'decay' },
    { from: '2026-01-01', to: '2026-03-31', compare: '1' },
    { from: first, to: first },
    { from: `${last.slice(0, 7)}-01`, to: last, compare: '1', metric: 'peakViews' },
  ];
  return sets.map((sp) => parseOverviewParams(sp, first, last).params);
}

function expectSameOverview(db: Db, params: OverviewParams[], when: string): void {
  for (const p of params) {
    const { annotations: _a, ...model } = buildOverview(db, p);
    expect(model, `${when}: ${JSON.stringify(p)}`).toEqual(scanOverview(db, p));
  }
}

const ids = (db: Db) => (db.$client.prepare('select id from posts order by id').pluck().all() as number[]) ?? [];
const span = (db: Db) =>
  db.$client.prepare('select min(day) as first, max(day) as last from traffic_coverage').get() as {
    first: string;
    last: string;
  };

describe('the overview from summaries equals the overview from a scan', () => {
  let t: ReturnType<typeof tempDb>;
  let db: Db;

  describe('fixtures/comparison (12 posts, a CSV export, labels)', () => {
    beforeAll(async () => {
      t = tempDb();
      db = t.db;
      const { prepare } = await import(path.resolve(__dirname, '../../e2e/comparison/prepare'));
      await prepare(db);
    });
    afterAll(() => t.cleanup());

    it('as imported', () => {
      const s = span(db);
      expect(s).toEqual({ first: '2024-01-10', last: '2024-06-30' });
      expectSameOverview(db, paramSets(s.first, s.last), 'as imported');
    });

    it('after label changes: one post, a bulk change, an undo, a label cleared', () => {
      const [a, b, c, d] = ids(db);
      setAuthorshipLabel(db, a, 'ai-generated');
      expectSameOverview(db, paramSets('2024-01-10', '2024-06-30'), 'one label');
      setLabels(db, [b, c, d], 'ai-assisted');
      expectSameOverview(db, paramSets('2024-01-10', '2024-06-30'), 'bulk');
      undoLastLabelChange(db);
      setAuthorshipLabel(db, a, null);
      expectSameOverview(db, paramSets('2024-01-10', '2024-06-30'), 'undo and cleared');
    });

    it('with a post taken back to draft (its views count nowhere on the overview)', () => {
      const [, , , , e] = ids(db);
      // As a posts import that changes a status does: the row, then the full recompute.
      db.$client.prepare("update posts set status = 'draft' where id = ?").run(e);
      recomputePostStats(db);
      expectSameOverview(db, paramSets('2024-01-10', '2024-06-30'), 'draft');
      const all = buildOverview(db, paramSets('2024-01-10', '2024-06-30')[0]);
      expect(all.posts.map((x) => x.id)).not.toContain(e);
      expect(all.rangeViews).toBeLessThan(275);
    });

    it('after an incremental import of one more day, in a new month', async () => {
      const file = path.join(tmp, 'one-more-day.csv');
      fs.writeFileSync(
        file,
        'date,path,views\n2024-07-01,/2024/01/h1-pruning-the-old-pear-tree/,4\n2024-07-01,/2024/02/g2-the-ultimate-guide-to-compost/,2\n',
      );
      const r = await importViewsFile(db, file);
      expect(r.imported).toBeGreaterThan(0);
      const s = span(db);
      expect(s.last).toBe('2024-07-01');
      expectSameOverview(db, paramSets(s.first, s.last), 'one more day');
    });
  });

  describe('fixtures/e2e (Tend’s own feed and access log)', () => {
    beforeAll(async () => {
      t = tempDb();
      db = t.db;
      await importPostsFile(db, ownFixture('e2e', 'feed.xml'));
      await importViewsFile(db, ownFixture('e2e', 'access.log'));
    });
    afterAll(() => t.cleanup());

    it('as imported, labelled and relabelled', () => {
      const s = span(db);
      expectSameOverview(db, paramSets(s.first, s.last), 'as imported');
      const [a, b] = ids(db);
      setAuthorshipLabel(db, a, 'human');
      setAuthorshipLabel(db, b, 'ai-assisted');
      expectSameOverview(db, paramSets(s.first, s.last), 'labelled');
    });

    it('after a log of one more day, then one of a day in an earlier month', async () => {
      const line = (day: string, p: string) =>
        `192.0.2.50 - - [${day}:10:00:00 +0000] "GET ${p} HTTP/1.1" 200 100 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"`;
      const next = path.join(tmp, 'next-day.log');
      fs.writeFileSync(
        next,
        `${[line('01/Jun/2024', '/2024/03/why-i-stopped-digging/'), line('01/Jun/2024', '/2024/03/why-i-stopped-digging/')].join('\n')}\n`,
      );
      await importViewsFile(db, next);
      const s = span(db);
      expect(s.last).toBe('2024-06-01');
      expectSameOverview(db, paramSets(s.first, s.last), 'one more day');
      // A late log of a day in March: every later month of that post's running totals moves.
      const late = path.join(tmp, 'late.log');
      fs.writeFileSync(late, `${line('15/Mar/2024', '/2024/03/why-i-stopped-digging/')}\n`);
      await importViewsFile(db, late);
      expectSameOverview(db, paramSets(s.first, s.last), 'late day');
    });
  });
});
