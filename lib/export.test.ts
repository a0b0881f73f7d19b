import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeFormula, type PostExportRow, postsToCsv } from './export';

describe('escapeFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('%j -> %j', (input, out) => expect(escapeFormula(input)).toBe(out));
  it('leaves numbers alone', () => expect(escapeFormula(-3)).toBe(-3));
});

describe('postsToCsv', () => {
  it('writes a header and escapes formula cells while keeping commas and quotes intact', () => {
    const row: PostExportRow = {
      id: 1,
      path: '/a',
      title: '=HYPERLINK("x", "y"), "quoted"',
      published_at: '2025-09-25T14:32:00.000Z',
      authorship: 'human',
      suggested_authorship: null,
      lifetime_page_views: 12,
      first_30_days_page_views: 3,
      bot_hits: 0,
      decision: 'cull',
      note: '@me',
    };
    const parsed = parse(postsToCsv([row]), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0].title).toBe(`'=HYPERLINK("x", "y"), "quoted"`);
    expect(parsed[0].note).toBe("'@me");
    expect(parsed[0].lifetime_page_views).toBe('12');
  });
});
