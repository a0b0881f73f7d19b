import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, firstWindowCovered, lastWindowCovered, metricsFromSums, type PostSums } from './metrics';
import { curveFromDaily, sumsFromDaily } from './metrics-sums';

const cov = { firstDay: '2024-01-01', lastDay: '2024-12-31' };

describe('day arithmetic', () => {
  it('steps calendar days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-03-31', '2024-03-30')).toBe(-1);
  });
});

describe('window coverage', () => {
  it('covers the first N days only when the data spans day 0 to day N-1', () => {
    expect(firstWindowCovered('2024-12-02', 30, cov)).toBe(true); // day 29 = 2024-12-31
    expect(firstWindowCovered('2024-12-03', 30, cov)).toBe(false); // younger than the window
    expect(firstWindowCovered('2023-12-31', 7, cov)).toBe(false); // published before the data began
    expect(firstWindowCovered(null, 7, cov)).toBe(false);
    expect(firstWindowCovered('2024-06-01', 7, { firstDay: null, lastDay: null })).toBe(false);
  });
  it('covers the last N days only for posts at least N days old and data at least N days long', () => {
    expect(lastWindowCovered('2024-12-02', 30, cov)).toBe(true);
    expect(lastWindowCovered('2024-12-03', 30, cov)).toBe(false);
    expect(lastWindowCovered('2020-01-01', 90, { firstDay: '2024-11-01', lastDay: '2024-12-31' })).toBe(false);
    expect(lastWindowCovered(null, 30, cov)).toBe(false);
  });
});

describe('sumsFromDaily', () => {
  const daily = [
    { day: '2024-03-01', pageViews: 4, botHits: 1 }, // day 0
    { day: '2024-03-01', pageViews: 1, botHits: 0 }, // same day from another source: day 0 has 5
    { day: '2024-03-07', pageViews: 5, botHits: 0 }, // day 6, ties the peak of day 0: the earlier day wins
    { day: '2024-03-08', pageViews: 2, botHits: 0 }, // day 7
    { day: '2024-02-20', pageViews: 3, botHits: 2 }, // before publishing (a draft link)
    { day: '2024-12-31', pageViews: 1, botHits: 0 }, // last day of the data
  ];
  const s = sumsFromDaily(daily, '2024-03-01', cov);
  it('sums windows by hand-countable rules', () => {
    expect(s).toEqual({
      lifetimeViews: 16,
      botHits: 3,
      first7Views: 10,
      first30Views: 12,
      first90Views: 12,
      last30Views: 1,
      last90Views: 1,
      sincePublishViews: 13,
      peakDay: '2024-03-01',
      peakViews: 5,
    });
  });
  it('gives no peak and zero sums without views', () => {
    const e = sumsFromDaily([], '2024-03-01', cov);
    expect(e.peakDay).toBeNull();
    expect(e.lifetimeViews).toBe(0);
  });
});

describe('metricsFromSums', () => {
  const sums: PostSums = {
    lifetimeViews: 300,
    botHits: 40,
    first7Views: 50,
    first30Views: 120,
    first90Views: 200,
    last30Views: 5,
    last90Views: 20,
    sincePublishViews: 290,
    peakDay: '2024-01-03',
    peakViews: 30,
  };
  it('computes every metric for an old post', () => {
    const m = metricsFromSums(sums, '2024-01-01', cov, 1200);
    expect(m).toEqual({
      ageDays: 365,
      lifetimeViews: 300,
      first7: 50,
      first30: 120,
      first90: 200,
      last30: 5,
      last90: 20,
      viewsPerDay: 290 / 366,
      peakDay: '2024-01-03',
      peakViews: 30,
      decay: 0.1,
      share: 0.25,
      botHits: 40,
    });
  });
  it('leaves windows a young post has not lived through out (null), never zero', () => {
    const m = metricsFromSums({ ...sums, first30Views: 0 }, '2024-12-10', cov, 1200);
    expect(m.ageDays).toBe(21);
    expect(m.first7).toBe(50);
    expect(m.first30).toBeNull();
    expect(m.first90).toBeNull();
    expect(m.last30).toBeNull();
    expect(m.decay).toBeNull();
    expect(m.viewsPerDay).toBe(290 / 22);
  });
  it('needs 180 days and first-90 views for decay; counts per day over the covered days only', () => {
    expect(metricsFromSums(sums, '2024-07-06', cov, 1200).decay).toBeNull(); // day 178: the windows overlap
    expect(metricsFromSums(sums, '2024-07-05', cov, 1200).decay).toBe(0.1); // days 0..179: 180 days lived
    expect(metricsFromSums({ ...sums, first90Views: 0 }, '2024-01-01', cov, 1200).decay).toBeNull();
    const old = metricsFromSums(sums, '2020-05-05', cov, 1200); // published before the data began
    expect(old.first7).toBeNull();
    expect(old.viewsPerDay).toBe(290 / 366);
  });
  it('has no share when the blog has no views', () => {
    expect(metricsFromSums(sums, '2024-01-01', cov, 0).share).toBeNull();
  });
});

describe('curveFromDaily', () => {
  it('accumulates views of days 0..age-1 at each checkpoint', () => {
    const c = curveFromDaily(
      [
        { day: '2024-01-01', pageViews: 3, botHits: 0 }, // day 0
        { day: '2024-01-02', pageViews: 2, botHits: 0 }, // day 1
        { day: '2024-01-31', pageViews: 7, botHits: 0 }, // day 30: counts from age 45 on
        { day: '2023-12-31', pageViews: 9, botHits: 0 }, // before publishing: never counted
      ],
      '2024-01-01',
    );
    expect(c.get(1)).toBe(3);
    expect(c.get(2)).toBe(5);
    expect(c.get(30)).toBe(5);
    expect(c.get(45)).toBe(12);
    expect(c.get(730)).toBe(12);
  });
});
