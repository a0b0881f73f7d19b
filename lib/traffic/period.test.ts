import { describe, expect, it } from 'vitest';
import { daysOf, parsePeriod, periodDays, periodFromName } from './period';

describe('parsePeriod', () => {
  it.each([
    ['2024-01-01..2024-01-31', '2024-01-01', '2024-01-31'],
    ['2024-01-01:2024-01-31', '2024-01-01', '2024-01-31'],
    ['2024-01-01/2024-01-31', '2024-01-01', '2024-01-31'],
    ['20240101-20240131', '2024-01-01', '2024-01-31'],
    ['2024-01-01 to 2024-01-31', '2024-01-01', '2024-01-31'],
    ['2024-02-29', '2024-02-29', '2024-02-29'],
  ])('%s', (text, firstDay, lastDay) => {
    expect(parsePeriod(text)).toEqual({ firstDay, lastDay });
  });

  it.each(['2024-01-31..2024-01-01', '2023-02-29..2023-03-01', 'last month', ''])('%j is an error', (text) => {
    expect(() => parsePeriod(text)).toThrow(/invalid period/);
  });
});

describe('periodFromName', () => {
  it.each([
    ['Plausible export example.com 2024-01-01  to 2024-01-31 .zip', '2024-01-01', '2024-01-31'],
    ['/x/Plausible export example.com 2024-01-01  to 2024-01-31 /pages.csv', '2024-01-01', '2024-01-31'],
    ['imported_pages_20211230_20220101.csv', '2021-12-30', '2022-01-01'],
    ['matomo-pages_2024-03-01_2024-03-31.tsv', '2024-03-01', '2024-03-31'],
    ['umami-export_2024-03-01_2024-03-31/pages.csv', '2024-03-01', '2024-03-31'],
    ['example.com-posts-day-01_31_2024-01_31_2024.csv', '2024-01-31', '2024-01-31'],
  ])('%s', (name, firstDay, lastDay) => {
    expect(periodFromName(name)).toEqual({ firstDay, lastDay });
  });

  it.each(['pages.csv', 'export-2024.csv', 'x_20240231_20240301.csv'])('%s states no period', (name) => {
    expect(periodFromName(name)).toBeNull();
  });

  it('counts and lists the days of a period, both ends included (across a leap day)', () => {
    const p = { firstDay: '2024-02-27', lastDay: '2024-03-01' };
    expect(periodDays(p)).toBe(4);
    expect(daysOf(p)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });
});
