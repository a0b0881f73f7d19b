import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CULL_SETTINGS_KEY } from '../../lib/cull-suggestion';
import type { Db } from '../client';
import { setAuthorshipLabel, setDecision } from '../mutations/decisions';
import { recomputePostStats } from '../mutations/traffic';
import { tempDb } from '../test-helpers';
import { getCullSuggestion, getCullThresholds, listCullSuggestions } from './cull-suggestions';

let t: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

function addPost(id: number, publishedDay: string, status = 'publish') {
  db.$client
    .prepare("insert into posts (id, path, title, published_day, status, source) values (?, ?, ?, ?, ?, 'test')")
    .run(id, `/p${id}`, `Post ${id}`, publishedDay, status);
}
function addViews(postId: number, day: string, pv: number) {
  db.$client
    .prepare(
      "insert into daily_views (post_id, day, source, origin, page_views, bot_hits) values (?,?,'csv','csv',?,0)",
    )
    .run(postId, day, pv);
  db.$client.prepare("insert or ignore into traffic_coverage (source, origin, day) values ('csv', 'csv', ?)").run(day);
}

describe('cull suggestions from the database', () => {
  beforeEach(() => {
    // Data 2024-01-01 .. 2024-12-31. Posts 1-5 published 2024-01-01 with first-30 views 1..5, post 6 is a draft.
    for (let i = 1; i <= 5; i++) {
      addPost(i, '2024-01-01');
      addViews(i, '2024-01-01', i);
    }
    addViews(5, '2024-12-31', 100); // post 5 earns all of the last 90 days
    addPost(6, '2024-01-01', 'draft');
    recomputePostStats(db);
  });

  it('suggests a verdict with reasons for every published post', () => {
    const m = listCullSuggestions(db);
    expect([...m.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    // Cut-off: quantile([1..5], 0.2) = 1.8. Post 1 is in the bottom and silent since 2024-01-01 (365 days).
    expect(m.get(1)).toEqual({
      verdict: 'cull-candidate',
      reasons: ['bottom 20% of first-30-day views (1, cut-off 1.8)', 'no human page views in 365 days'],
    });
    expect(m.get(2)).toEqual({ verdict: 'review', reasons: ['no human page views in 365 days'] });
    expect(m.get(5)).toEqual({ verdict: 'keep', reasons: ['still earning 100% of traffic (last 90 days)'] });
    expect(getCullSuggestion(db, 6)).toBeNull();
    expect(getCullSuggestion(db, 999)).toBeNull();
  });

  it('follows the stored thresholds and the author labels, and never writes a decision', () => {
    db.$client
      .prepare('insert into settings (key, value) values (?, ?)')
      .run(CULL_SETTINGS_KEY, JSON.stringify({ staleDays: 400, aiCounts: 'any-ai' }));
    setAuthorshipLabel(db, 3, 'ai-assisted');
    setDecision(db, 1, 'keep', 'my call');
    expect(getCullThresholds(db).staleDays).toBe(400);
    expect(getCullSuggestion(db, 2)?.verdict).toBe('keep');
    expect(getCullSuggestion(db, 3)).toEqual({ verdict: 'review', reasons: ['AI-assisted'] });
    expect(getCullSuggestion(db, 1)?.verdict).toBe('review');
    expect(db.$client.prepare('select decision from decisions where post_id = 1').get()).toEqual({ decision: 'keep' });
  });

  it('falls back to the defaults when the stored thresholds are broken', () => {
    db.$client.prepare('insert into settings (key, value) values (?, ?)').run(CULL_SETTINGS_KEY, '{not json');
    expect(getCullThresholds(db).bottomPercent).toBe(20);
  });
});
