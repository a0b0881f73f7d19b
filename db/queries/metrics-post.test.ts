import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CULL_SETTINGS_KEY } from '../../lib/cull-suggestion';
import { mulberry32 } from '../../lib/random';
import type { Db } from '../client';
import { setAuthorshipLabel } from '../mutations/decisions';
import { recomputePostStats } from '../mutations/traffic';
import { tempDb } from '../test-helpers';
import { getCullSuggestion } from './cull-suggestions';
import { getPostMetricsPanelData } from './metrics-post';

let t: ReturnType<typeof tempDb>;
let db: Db;
afterEach(() => t.cleanup());

/**
 * 40 posts over 2024 (some drafts, some never viewed, some AI-labelled), traffic on random days: enough for the
 * bottom-percentile cut-off, stale posts, posts too new to judge and posts earning a big share.
 */
beforeEach(() => {
  t = tempDb();
  db = t.db;
  const rnd = mulberry32(11);
  const c = db.$client;
  const post = c.prepare(
    "insert into posts (id, path, title, published_at, published_day, status, source) values (?, ?, ?, ?, ?, ?, 'test')",
  );
  const view = c.prepare(
    "insert or ignore into daily_views (post_id, day, source, origin, page_views, bot_hits) values (?, ?, 'csv', 'csv', ?, 0)",
  );
  const cover = c.prepare("insert or ignore into traffic_coverage (source, origin, day) values ('csv', 'csv', ?)");
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
  for (let d = 0; d < 366; d++) cover.run(day(d));
  for (let id = 1; id <= 40; id++) {
    const pd = day(Math.floor(rnd() * 360));
    post.run(id, `/p/${id}`, `Post ${id}`, `${pd}T08:00:00Z`, pd, rnd() < 0.1 ? 'draft' : 'publish');
    const n = Math.floor(rnd() * 6);
    for (let k = 0; k < n; k++) view.run(id, day(Math.floor(rnd() * 366)), 1 + Math.floor(rnd() * 9));
    if (rnd() < 0.4) setAuthorshipLabel(db, id, rnd() < 0.5 ? 'ai-generated' : 'ai-assisted', 'author');
  }
  recomputePostStats(db);
});

describe('getPostMetricsPanelData', () => {
  it("gives each post the same cull suggestion as the /review page's getCullSuggestion", () => {
    const verdicts = new Set<string>();
    for (let id = 1; id <= 41; id++) {
      const panel = getPostMetricsPanelData(db, id);
      if (id === 41) expect(panel).toBeNull();
      else expect(panel?.suggestion ?? null, `post ${id}`).toEqual(getCullSuggestion(db, id));
      if (panel?.suggestion) verdicts.add(panel.suggestion.verdict);
    }
    // The data reaches more than one verdict, so the comparison means something.
    expect(verdicts.size).toBeGreaterThan(1);
  });

  it('follows the stored thresholds (any AI counts)', () => {
    db.$client
      .prepare('insert into settings (key, value) values (?, ?)')
      .run(CULL_SETTINGS_KEY, JSON.stringify({ aiCounts: 'any-ai', bottomPercent: 40 }));
    for (let id = 1; id <= 40; id++)
      expect(getPostMetricsPanelData(db, id)?.suggestion ?? null, `post ${id}`).toEqual(getCullSuggestion(db, id));
  });
});
