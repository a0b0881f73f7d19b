import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../lib/random';
import type { Db } from '../client';
import { setAuthorshipLabel, setDecision } from '../mutations/decisions';
import { recomputePostStats } from '../mutations/traffic';
import { tempDb } from '../test-helpers';
import { countPosts, listPosts, type PostFilter, SORTS, type SortKey } from './posts';

let t: ReturnType<typeof tempDb>;
let db: Db;
afterEach(() => t.cleanup());

/**
 * 53 posts with random titles, publish days (some unpublished drafts), views, labels and decisions; ties on
 * purpose (equal view counts, equal titles in another case) so the id tie-break is exercised.
 */
beforeEach(() => {
  t = tempDb();
  db = t.db;
  const rnd = mulberry32(7);
  const words = ['Garden', 'onion', 'Compost', 'shed', 'Digging', 'garden'];
  const c = db.$client;
  const post = c.prepare(
    "insert into posts (id, path, title, published_at, published_day, status, source) values (?, ?, ?, ?, ?, ?, 'test')",
  );
  const view = c.prepare(
    "insert into daily_views (post_id, day, source, origin, page_views, bot_hits) values (?, ?, 'csv', 'csv', ?, 0)",
  );
  const cover = c.prepare("insert or ignore into traffic_coverage (source, origin, day) values ('csv', 'csv', ?)");
  for (let id = 1; id <= 53; id++) {
    const draft = rnd() < 0.15;
    const day = `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    const title = `${words[Math.floor(rnd() * words.length)]} ${Math.floor(rnd() * 4)}`;
    post.run(id, `/p/${id}`, title, draft ? null : `${day}T10:00:00Z`, draft ? null : day, draft ? 'draft' : 'publish');
    const views = Math.floor(rnd() * 4);
    if (views > 0) {
      view.run(id, '2024-10-01', views);
      cover.run('2024-10-01');
    }
    if (rnd() < 0.4) setAuthorshipLabel(db, id, rnd() < 0.5 ? 'human' : 'ai-generated', 'author');
    if (rnd() < 0.3) setDecision(db, id, rnd() < 0.5 ? 'keep' : 'cull', '');
  }
  recomputePostStats(db);
});

const FILTERS: PostFilter[] = [
  {},
  { cohort: 'human' },
  { cohort: 'unlabelled' },
  { decision: 'undecided' },
  { q: 'garden' },
];

describe('listPosts pages', () => {
  it('page after page gives the whole list in the same order, for every sort, direction and filter', () => {
    for (const sort of Object.keys(SORTS) as SortKey[])
      for (const dir of ['asc', 'desc'] as const)
        for (const base of FILTERS) {
          const f = { ...base, sort, dir };
          const all = listPosts(db, f).map((p) => p.id);
          const paged: number[] = [];
          for (let offset = 0; offset < all.length + 10; offset += 10)
            paged.push(...listPosts(db, f, { limit: 10, offset }).map((p) => p.id));
          expect(paged, JSON.stringify(f)).toEqual(all);
          expect(countPosts(db, f), JSON.stringify(f)).toBe(all.length);
        }
  });

  it('a page carries the same numbers as the whole list', () => {
    const f: PostFilter = { sort: 'lifetime', dir: 'desc' };
    const byId = new Map(listPosts(db, f).map((p) => [p.id, p]));
    for (const p of listPosts(db, f, { limit: 7, offset: 14 })) expect(p).toEqual(byId.get(p.id));
  });

  it('counts what the filters match, and pages past the end are empty', () => {
    const all = listPosts(db);
    expect(countPosts(db)).toBe(53);
    expect(countPosts(db, { cohort: 'human' })).toBe(all.filter((p) => p.cohort === 'human').length);
    expect(countPosts(db, { decision: 'keep', cohort: 'unlabelled' })).toBe(
      all.filter((p) => p.decision === 'keep' && p.cohort === 'unlabelled').length,
    );
    expect(countPosts(db, { q: 'GARDEN' })).toBe(all.filter((p) => /garden/i.test(p.title)).length);
    expect(listPosts(db, {}, { limit: 10, offset: 60 })).toEqual([]);
  });

  it('sorts unpublished posts last in both directions', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const rows = listPosts(db, { sort: 'published', dir }, { limit: 100, offset: 0 });
      const firstDraft = rows.findIndex((p) => p.publishedAt === null);
      expect(firstDraft).toBeGreaterThan(0);
      expect(rows.slice(firstDraft).every((p) => p.publishedAt === null)).toBe(true);
    }
  });
});
