import { describe, expect, it } from 'vitest';
import { bucketsOf, calendarSeries, curveSeries, jitter, publishedPerMonth, sampleEvenly } from './cohort-charts';

const cov = { firstDay: '2024-01-01', lastDay: '2024-03-31' };

describe('curveSeries', () => {
  it('takes median and quartiles per cohort and age, leaving out posts younger than the age', () => {
    const posts = [
      { id: 1, cohort: 'human' as const, publishedDay: '2024-01-01' }, // covers 91 days
      { id: 2, cohort: 'human' as const, publishedDay: '2024-03-20' }, // covers 12 days
      { id: 3, cohort: 'ai' as const, publishedDay: '2024-01-10' },
      { id: 4, cohort: 'human' as const, publishedDay: '2023-12-01' }, // before the data: never counted
    ];
    const points: [number, number, number][] = [
      [1, 1, 10],
      [1, 30, 40],
      [2, 1, 2],
      [2, 30, 2], // day 29 of post 2 is after the data: left out
      [3, 1, 0],
      [4, 1, 99],
      [9, 1, 5], // a post not in the range
    ];
    const s = curveSeries(posts, points, ['human', 'ai'], cov);
    expect(s.map((r) => r.age)).toEqual([1, 30]);
    expect(s[0]).toEqual({
      age: 1,
      'human:median': 6,
      'human:band': [4, 8],
      'human:n': 2,
      'ai:median': 0,
      'ai:band': [0, 0],
      'ai:n': 1,
    });
    expect(s[1]).toMatchObject({ 'human:median': 40, 'human:n': 1, 'ai:median': null, 'ai:band': null, 'ai:n': 0 });
  });
});

describe('bucketsOf and calendarSeries', () => {
  it('lists every day or month of a range', () => {
    expect(bucketsOf({ from: '2024-02-27', to: '2024-03-02' }, 'day')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    expect(bucketsOf({ from: '2023-11-15', to: '2024-02-01' }, 'month')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
  });
  it('stacks views by cohort with zeros for empty buckets and the previous period by position', () => {
    const rows = [
      { bucket: '2024-01', label: 'human' as const, pageViews: 5 },
      { bucket: '2024-01', label: 'ai-generated' as const, pageViews: 2 },
      { bucket: '2024-01', label: 'ai-assisted' as const, pageViews: 1 },
      { bucket: '2024-03', label: null, pageViews: 4 },
      { bucket: '2025-01', label: 'human' as const, pageViews: 100 }, // outside the buckets
    ];
    const toCohort = (l: string | null) => (l === null ? 'unlabelled' : l === 'human' ? 'human' : 'ai') as never;
    const s = calendarSeries(rows, toCohort, ['human', 'ai', 'unlabelled'], ['2024-01', '2024-02', '2024-03'], {
      rows: [
        { bucket: '2023-10', pageViews: 7 },
        { bucket: '2023-12', pageViews: 1 },
      ],
      buckets: ['2023-10', '2023-11', '2023-12'],
    });
    expect(s).toEqual([
      { bucket: '2024-01', human: 5, ai: 3, unlabelled: 0, total: 8, previous: 7 },
      { bucket: '2024-02', human: 0, ai: 0, unlabelled: 0, total: 0, previous: 0 },
      { bucket: '2024-03', human: 0, ai: 0, unlabelled: 4, total: 4, previous: 1 },
    ]);
  });
});

describe('publishedPerMonth', () => {
  it('counts posts per month by cohort, empty months between included, undated posts left out', () => {
    expect(
      publishedPerMonth(
        [
          { cohort: 'human', publishedDay: '2024-01-05' },
          { cohort: 'ai', publishedDay: '2024-03-01' },
          { cohort: 'ai', publishedDay: '2024-03-31' },
          { cohort: 'human', publishedDay: null },
        ],
        ['human', 'ai'],
      ),
    ).toEqual([
      { month: '2024-01', human: 1, ai: 0 },
      { month: '2024-02', human: 0, ai: 0 },
      { month: '2024-03', human: 0, ai: 2 },
    ]);
    expect(publishedPerMonth([], ['human'])).toEqual([]);
  });
});

describe('sampleEvenly and jitter', () => {
  it('keeps everything under the limit and a stable subset above it', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(sampleEvenly(items, 60)).toEqual(items);
    const a = sampleEvenly(items, 10);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(sampleEvenly(items, 10)).toEqual(a);
  });
  it('jitters within ±0.3', () => {
    for (let i = 0; i < 200; i++) expect(Math.abs(jitter(i))).toBeLessThanOrEqual(0.3);
  });
});
