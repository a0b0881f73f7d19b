import { describe, expect, it } from 'vitest';
import { numberStyle, parseCount, parseCountOrReason } from './numbers';

describe('parseCountOrReason without a locale (any common grouping, dots ambiguous)', () => {
  it.each([
    ['1234', 1234],
    [' 1234 ', 1234],
    ['0', 0],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
    ["1'234", 1234],
    ['12.0', 12],
    ['12.00', 12],
    ['1,234.0', 1234],
    ['1.234.567', 1234567],
  ])('%j -> %d', (raw, n) => {
    expect(parseCountOrReason(raw)).toBe(n);
  });

  it.each([
    ['1.234', /ambiguous.*--locale/],
    ['1.000', /ambiguous/],
    ['12.5', /not a whole number/],
    ['-3', /negative/],
    ['', /empty/],
    ['12a', /not a count/],
    ['1,23', /not a count/],
    ['99999999999999999999', /too large/],
  ])('%j is an error: %s', (raw, re) => {
    expect(parseCountOrReason(raw)).toMatch(re);
    expect(parseCount(raw)).toBeNull();
  });
});

describe('parseCountOrReason with a locale', () => {
  it.each([
    ['de', '1.234', 1234],
    ['de', '1.234.567', 1234567],
    ['de', '1.234,00', 1234],
    ['de', '987', 987],
    ['fr', '1 234', 1234],
    ['fr', '1\u202f234', 1234],
    ['en-US', '1,234', 1234],
    ['de-CH', "1'234", 1234],
  ])('%s %j -> %d', (locale, raw, n) => {
    expect(parseCountOrReason(raw, numberStyle(locale))).toBe(n);
  });

  it.each([
    ['de', '1,5', /not a whole number/],
    ['de', '1,234', /not a whole number/],
    ['en-US', '1.234', /not a whole number/],
  ])('%s %j is an error', (locale, raw, re) => {
    expect(parseCountOrReason(raw, numberStyle(locale))).toMatch(re);
  });

  it('an unknown locale is a clear error', () => {
    expect(() => numberStyle('xx-notalocale-123')).toThrow(/unknown locale/);
  });
});
