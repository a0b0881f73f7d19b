import { describe, expect, it } from 'vitest';
import { parseSubstackCsv } from './substack';

const csv = [
  'post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url',
  '101.first-issue,2022-03-01T10:00:00.000Z,true,,,newsletter,everyone,First issue,"Hello, readers",',
  '102.draft-issue,2022-04-01T10:00:00.000Z,false,,,newsletter,everyone,Draft issue,,',
  'bad-id,2022-04-01T10:00:00.000Z,true,,,newsletter,everyone,Broken,,',
  '103,2022-05-01T10:00:00.000Z,true,,,newsletter,everyone,No Slug Here,,',
].join('\n');

describe('parseSubstackCsv', () => {
  const res = parseSubstackCsv(csv, {
    file: 'posts.csv',
    timeZone: 'UTC',
    bodies: new Map([['101.first-issue', '<p>Welcome aboard.</p>']]),
  });

  it('reads published and draft rows with /p/<slug> paths', () => {
    expect(res.records.map((r) => [r.sourceId, r.path, r.status, r.publishedAt])).toEqual([
      ['101', '/p/first-issue', 'publish', '2022-03-01T10:00:00.000Z'],
      ['102', '/p/draft-issue', 'draft', null],
      ['103', '/p/no-slug-here', 'publish', '2022-05-01T10:00:00.000Z'],
    ]);
    expect(res.records[0]).toMatchObject({ content: 'Welcome aboard.', wordCount: 2 });
  });

  it('rejects a row with a malformed post_id by line', () => {
    expect(res.rejects).toEqual([
      expect.objectContaining({ file: 'posts.csv', line: 4, reason: expect.stringMatching(/post_id "bad-id"/) }),
    ]);
  });

  it('throws for a CSV that is not a Substack export', () => {
    expect(() => parseSubstackCsv('date,path,views\n', { file: 'v.csv', timeZone: 'UTC' })).toThrow(
      /v\.csv: not a Substack posts\.csv/,
    );
  });
});
