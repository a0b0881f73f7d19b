import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostRecord } from '../../lib/types';
import { writePostsImport } from '../importers';
import { describeLastChange, getModelSummary, listAuthorshipEvents, listLabelQueue } from '../queries/authorship';
import { ownFixture, tempDb } from '../test-helpers';
import { setDecisionsBulk } from './authorship-bulk';
import { setLabels, undoAuthorshipEvent, undoLastLabelChange } from './authorship-labels';
import { setDecision } from './decisions';

let t: ReturnType<typeof tempDb>;
/** Post ids by fixture name (fixtures/authorship: 4 human-, 3 ai-, 1 fr- text). */
let ids: Record<string, number>;

function record(name: string, i: number): PostRecord {
  const text = readFileSync(ownFixture('authorship', name), 'utf8');
  const nl = text.indexOf('\n');
  const content = text.slice(nl).trim();
  return {
    sourceId: name,
    title: text.slice(0, nl).trim(),
    url: null,
    path: `/${name.replace('.txt', '')}`,
    publishedAt: `2024-0${(i % 9) + 1}-01T10:17:00.000Z`,
    status: 'publish',
    content,
    wordCount: content.split(/\s+/).length,
    commentCount: null,
    tags: [],
    author: null,
    aliases: [],
    authorshipHint: null,
  };
}

beforeEach(() => {
  t = tempDb();
  const names = readdirSync(ownFixture('authorship'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  writePostsImport(
    t.db,
    { records: names.map(record), rejects: [], warnings: [] },
    { file: 'x', format: 'rss', hash: null },
  );
  const rows = t.db.$client.prepare('select id, source_id from posts').all() as { id: number; source_id: string }[];
  ids = Object.fromEntries(rows.map((r) => [r.source_id.replace('.txt', ''), r.id]));
});
afterEach(() => t.cleanup());

const labelOf = (id: number) =>
  t.db.$client.prepare('select label, set_by from authorship where post_id = ?').get(id) as {
    label: string | null;
    set_by: string | null;
  };
const eventCount = () => (t.db.$client.prepare('select count(*) as n from authorship_events').get() as { n: number }).n;
const humans = () =>
  ['human-allotment', 'human-build-notes', 'human-club-report', 'human-night-train'].map((k) => ids[k]);
const ais = () => ['ai-battery-recycling', 'ai-remote-work-answer', 'ai-sleep-study'].map((k) => ids[k]);

describe('setLabels (bulk)', () => {
  it('labels many posts in one batch and records who and when per post', () => {
    const r = setLabels(t.db, humans(), 'human');
    expect(r).toMatchObject({ changed: 4, unchanged: 0 });
    for (const id of humans()) expect(labelOf(id)).toEqual({ label: 'human', set_by: 'author' });
    const batches = t.db.$client.prepare('select distinct batch from authorship_events').all();
    expect(batches).toEqual([{ batch: r.batch }]);
    const ev = listAuthorshipEvents(t.db, humans()[0]);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ oldLabel: null, newLabel: 'human', setBy: 'author', undone: false });
    expect(ev[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('leaves posts that already have the label alone (no event)', () => {
    setLabels(t.db, [humans()[0]], 'human');
    const r = setLabels(t.db, humans(), 'human');
    expect(r).toMatchObject({ changed: 3, unchanged: 1 });
    expect(eventCount()).toBe(4);
  });

  it('writes nothing when one post does not exist', () => {
    expect(() => setLabels(t.db, [humans()[0], 99999], 'human')).toThrow(/post 99999 does not exist/);
    expect(labelOf(humans()[0]).label).toBeNull();
    expect(eventCount()).toBe(0);
  });

  it('an import never overwrites the author’s label', () => {
    setLabels(t.db, [ais()[0]], 'ai-assisted', 'author');
    expect(setLabels(t.db, [ais()[0]], 'human', 'import').changed).toBe(0);
    expect(labelOf(ais()[0])).toEqual({ label: 'ai-assisted', set_by: 'author' });
  });

  it('retrains on every change: learning starts at 3 labels per side and re-scores unlabelled posts', () => {
    const unlabelled = humans()[3];
    setLabels(t.db, humans().slice(0, 3), 'human');
    expect(getModelSummary(t.db)).toMatchObject({ learned: false, nHuman: 3, nAi: 0, method: 'rules-only' });
    const modelScore = () =>
      (
        t.db.$client.prepare('select model_score_pct as m from authorship where post_id = ?').get(unlabelled) as {
          m: number | null;
        }
      ).m;
    expect(modelScore()).toBeNull();
    const r = setLabels(t.db, ais(), 'ai-generated');
    expect(r.model).toMatchObject({ learned: true, nHuman: 3, nAi: 3 });
    expect(r.model.agreement.n).toBe(6);
    expect(modelScore()).not.toBeNull();
    // The too-short/French post takes no part and keeps its reason.
    const fr = t.db.$client
      .prepare('select reason, model_score_pct as m from authorship where post_id = ?')
      .get(ids['fr-marche-du-samedi']);
    expect(fr).toEqual({ reason: 'signals are English-only', m: null });
  });
});

describe('undo', () => {
  it('undoes the last change as a whole batch, then the one before', () => {
    setLabels(t.db, [humans()[0]], 'human');
    setLabels(t.db, ais(), 'ai-generated');
    expect(describeLastChange(t.db)).toMatchObject({ count: 3, newLabel: 'ai-generated', setBy: 'author' });
    const r = undoLastLabelChange(t.db);
    expect(r).toMatchObject({ undone: 3, skipped: [] });
    for (const id of ais()) expect(labelOf(id)).toEqual({ label: null, set_by: null });
    expect(describeLastChange(t.db)).toMatchObject({ count: 1, newLabel: 'human' });
    undoLastLabelChange(t.db);
    expect(labelOf(humans()[0]).label).toBeNull();
    expect(() => undoLastLabelChange(t.db)).toThrow(/no label change to undo/);
    // History is kept: 4 changes and 4 undos.
    expect(eventCount()).toBe(8);
  });

  it('undoes any single event and marks it undone', () => {
    setLabels(t.db, [ais()[0]], 'ai-assisted');
    setLabels(t.db, [ais()[1]], 'ai-generated');
    const first = listAuthorshipEvents(t.db, ais()[0])[0];
    undoAuthorshipEvent(t.db, first.id);
    expect(labelOf(ais()[0]).label).toBeNull();
    expect(labelOf(ais()[1]).label).toBe('ai-generated');
    const ev = listAuthorshipEvents(t.db, ais()[0]);
    expect(ev[0]).toMatchObject({ undoes: first.id, newLabel: null, oldLabel: 'ai-assisted' });
    expect(ev[1]).toMatchObject({ id: first.id, undone: true });
    expect(() => undoAuthorshipEvent(t.db, first.id)).toThrow(/already undone/);
  });

  it('restores the previous label, not just "unlabelled"', () => {
    setLabels(t.db, [ais()[0]], 'ai-assisted');
    setLabels(t.db, [ais()[0]], 'ai-generated');
    undoLastLabelChange(t.db);
    expect(labelOf(ais()[0]).label).toBe('ai-assisted');
  });

  it('refuses to undo an event when the label changed again since', () => {
    setLabels(t.db, [ais()[0]], 'ai-assisted');
    const first = listAuthorshipEvents(t.db, ais()[0])[0];
    setLabels(t.db, [ais()[0]], 'human');
    expect(() => undoAuthorshipEvent(t.db, first.id)).toThrow(/changed again since \(now human\)/);
    expect(labelOf(ais()[0]).label).toBe('human');
    expect(() => undoAuthorshipEvent(t.db, 424242)).toThrow(/does not exist/);
  });
});

describe('setDecisionsBulk', () => {
  it('sets many posts in one go, one event per changed post, keeping notes', () => {
    setDecision(t.db, ais()[0], 'keep', 'my note');
    const r = setDecisionsBulk(t.db, [...ais(), humans()[0]], 'cull');
    expect(r).toMatchObject({ changed: 4, unchanged: 0 });
    expect(r.eventIds).toHaveLength(4);
    expect(t.db.$client.prepare('select count(*) as n from decision_events').get()).toEqual({ n: 5 });
    const row = t.db.$client.prepare('select decision, note from decisions where post_id = ?').get(ais()[0]);
    expect(row).toEqual({ decision: 'cull', note: 'my note' });
    expect(setDecisionsBulk(t.db, ais(), 'cull')).toMatchObject({ changed: 0, unchanged: 3 });
  });

  it('writes nothing when a post does not exist', () => {
    expect(() => setDecisionsBulk(t.db, [ais()[0], 99999], 'cull')).toThrow(/99999/);
    expect(t.db.$client.prepare('select count(*) as n from decision_events').get()).toEqual({ n: 0 });
  });
});

describe('listLabelQueue', () => {
  it('lists unlabelled posts, most confident suggestion first, unjudged posts last', () => {
    setLabels(t.db, [humans()[0]], 'human');
    const { items, total } = listLabelQueue(t.db);
    expect(total).toBe(7);
    expect(items.map((i) => i.id)).not.toContain(humans()[0]);
    const conf = items.filter((i) => i.suggestedLabel).map((i) => Math.abs((i.score ?? 50) - 50));
    expect(conf).toEqual([...conf].sort((a, b) => b - a));
    expect(items[items.length - 1].id).toBe(ids['fr-marche-du-samedi']);
    expect(items[0].excerpt.length).toBeLessThanOrEqual(1502);
  });
});
