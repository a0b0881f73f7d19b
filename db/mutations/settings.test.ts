import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { getCullThresholds } from '../queries/cull-suggestions';
import { listAnnotations } from '../queries/metrics';
import { tempDb } from '../test-helpers';
import { addAnnotation, deleteAnnotation, updateAnnotation } from './settings-annotations';
import { resetCullThresholds, saveCullThresholds } from './settings-cull';

let t: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

describe('cull thresholds', () => {
  it('stores validated thresholds from form strings and resets to the defaults', () => {
    saveCullThresholds(db, {
      bottomPercent: '25',
      staleDays: '365',
      keepSharePercent: '2.5',
      minAgeDays: '60',
      aiCounts: 'any-ai',
    });
    expect(getCullThresholds(db)).toEqual({
      bottomPercent: 25,
      staleDays: 365,
      keepSharePercent: 2.5,
      minAgeDays: 60,
      aiCounts: 'any-ai',
    });
    resetCullThresholds(db);
    expect(getCullThresholds(db).bottomPercent).toBe(20);
  });
  it('rejects out-of-range values and keeps the stored ones', () => {
    saveCullThresholds(db, { bottomPercent: '30' });
    expect(() => saveCullThresholds(db, { bottomPercent: '90' })).toThrow(/bottomPercent|50/);
    expect(() => saveCullThresholds(db, { aiCounts: 'sometimes' })).toThrow();
    expect(getCullThresholds(db).bottomPercent).toBe(30);
  });
});

describe('annotations', () => {
  it('adds, edits, lists in day order and deletes notes', () => {
    const b = addAnnotation(db, { day: '2025-03-01', text: '  started AI posts ' });
    const a = addAnnotation(db, { day: '2024-11-20', text: 'moved to a new host' });
    expect(listAnnotations(db)).toEqual([
      { id: a, day: '2024-11-20', text: 'moved to a new host' },
      { id: b, day: '2025-03-01', text: 'started AI posts' },
    ]);
    updateAnnotation(db, a, { day: '2025-04-01', text: 'new host' });
    expect(listAnnotations(db).map((x) => x.text)).toEqual(['started AI posts', 'new host']);
    deleteAnnotation(db, b);
    expect(listAnnotations(db)).toHaveLength(1);
    expect(() => deleteAnnotation(db, b)).toThrow(`annotation ${b} does not exist`);
  });
  it('rejects a bad day or an empty note', () => {
    expect(() => addAnnotation(db, { day: '2025-02-30', text: 'x' })).toThrow(/calendar day/);
    expect(() => addAnnotation(db, { day: '2025-02-01', text: '   ' })).toThrow(/empty/);
    expect(listAnnotations(db)).toEqual([]);
  });
});
