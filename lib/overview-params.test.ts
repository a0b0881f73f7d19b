import { describe, expect, it } from 'vitest';
import { overviewHref, parseOverviewParams, previousRange, rangeDays, rangePresets } from './overview-params';

describe('parseOverviewParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseOverviewParams({}, '2024-01-01', '2024-12-31')).toEqual({
      params: { range: null, compare: false, split: false, metric: 'first30' },
      errors: [],
    });
  });
  it('reads a full state', () => {
    const { params, errors } = parseOverviewParams(
      { from: '2024-02-01', to: '2024-03-31', compare: '1', split: '1', metric: 'last90' },
      null,
      null,
    );
    expect(errors).toEqual([]);
    expect(params).toEqual({
      range: { from: '2024-02-01', to: '2024-03-31' },
      compare: true,
      split: true,
      metric: 'last90',
    });
  });
  it('refuses days outside 1970..2100 (a typo such as 0202 for 2020), so a range and its previous period stay sane', () => {
    const { params, errors } = parseOverviewParams(
      { from: '0202-01-01', to: '2026-11-15', compare: '1' },
      '2024-01-01',
      '2026-11-15',
    );
    expect(errors).toEqual(['ignored from="0202-01-01": must be between 1970-01-01 and 2100-12-31']);
    // The other end stays, completed with the data's first day.
    expect(params.range).toEqual({ from: '2024-01-01', to: '2026-11-15' });
    expect(parseOverviewParams({ to: '5000-12-31' }, null, null).errors).toHaveLength(1);
  });

  it('ignores bad values one by one and names them', () => {
    const { params, errors } = parseOverviewParams(
      { from: '2024-02-30', to: '2024-13-01', split: 'yes', metric: 'views', compare: ['1', '0'] },
      '2024-01-01',
      '2024-12-31',
    );
    expect(params).toEqual({ range: null, compare: true, split: false, metric: 'first30' });
    expect(errors).toEqual([
      'ignored from="2024-02-30": is not a calendar day',
      'ignored to="2024-13-01": is not a calendar day',
      'ignored split="yes": Invalid option: expected one of "0"|"1"',
      'ignored metric="views": Invalid option: expected one of "first7"|"first30"|"first90"|"last30"|"last90"|"lifetimeViews"|"viewsPerDay"|"peakViews"|"decay"',
    ]);
  });
  it('completes a half range with the data bounds and swaps a reversed one', () => {
    expect(parseOverviewParams({ from: '2024-06-01' }, '2024-01-01', '2024-12-31').params.range).toEqual({
      from: '2024-06-01',
      to: '2024-12-31',
    });
    expect(parseOverviewParams({ to: '2024-06-01' }, '2024-01-01', '2024-12-31').params.range).toEqual({
      from: '2024-01-01',
      to: '2024-06-01',
    });
    expect(parseOverviewParams({ from: '2024-06-01', to: '2024-05-01' }, null, null).params.range).toEqual({
      from: '2024-05-01',
      to: '2024-06-01',
    });
  });
});

describe('ranges and links', () => {
  it('the previous period has the same length and ends the day before', () => {
    // 2024-02-01..2024-03-31 is 60 days (leap year): the previous is 2023-12-03..2024-01-31.
    expect(rangeDays({ from: '2024-02-01', to: '2024-03-31' })).toBe(60);
    expect(previousRange({ from: '2024-02-01', to: '2024-03-31' })).toEqual({ from: '2023-12-03', to: '2024-01-31' });
    expect(previousRange({ from: '2024-03-01', to: '2024-03-01' })).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });
  it('builds short links: defaults left out, compare only with a range', () => {
    const p = { range: null, compare: false, split: false, metric: 'first30' as const };
    expect(overviewHref(p)).toBe('/');
    expect(overviewHref(p, { split: true })).toBe('/?split=1');
    expect(overviewHref(p, { compare: true })).toBe('/');
    expect(overviewHref(p, { range: { from: '2024-01-01', to: '2024-01-31' }, compare: true, metric: 'last30' })).toBe(
      '/?from=2024-01-01&to=2024-01-31&compare=1&metric=last30',
    );
  });
  it('offers presets ending on the newest data day and one per calendar year', () => {
    expect(rangePresets(null, null)).toEqual([]);
    const p = rangePresets('2023-11-05', '2024-12-31');
    expect(p.map((x) => x.label)).toEqual(['Last 30 days', 'Last 90 days', 'Last 12 months', '2023', '2024']);
    expect(p[0].range).toEqual({ from: '2024-12-02', to: '2024-12-31' });
  });
});
