import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeFeedDump, parseFeedDump } from './feed-dump';

const repo = path.resolve(__dirname, '../..');
const own = path.join(repo, 'fixtures/posts/own-feed-dump.txt');
const real = path.resolve(repo, '../shared/samples/blog-feed-dump.txt');

describe('parseFeedDump on the project fixture', () => {
  const text = readFileSync(own, 'utf8');
  const { records, rejects, warnings } = parseFeedDump(text, { file: 'own-feed-dump.txt', timeZone: 'UTC' });

  it('reads the three posts with titles, paths and comment counts', () => {
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.title, r.path, r.commentCount])).toEqual([
      ['Why I stopped buying seedlings', '/why-i-stopped-buying-seedlings', 3],
      ['Compost, explained in five minutes', '/compost-explained-in-five-minutes', 1],
      ['Café tables & winter pruning', '/cafe-tables-winter-pruning', 0],
    ]);
  });

  it('reads the local publish time in UTC', () => {
    expect(records.map((r) => r.publishedAt)).toEqual([
      '2024-03-03T09:15:00.000Z',
      '2024-03-03T07:00:00.000Z',
      '2024-02-28T18:40:00.000Z',
    ]);
  });

  it('reads the publish time in the site time zone', () => {
    const ny = parseFeedDump(text, { file: 'x', timeZone: 'America/New_York' }).records;
    expect(ny[0].publishedAt).toBe('2024-03-03T14:15:00.000Z');
  });

  it('keeps body paragraphs and drops the boilerplate lines', () => {
    const body = records[1].content;
    expect(body.split('\n\n')).toHaveLength(2);
    expect(body.startsWith('Compost is what happens')).toBe(true);
    expect(body).not.toMatch(/appeared first on|comment|Share on|Published on/);
    expect(records[1].wordCount).toBe(29);
    expect(records[2].content).toBe('Pruning the pear tree in late February, before the buds swell.');
  });
});

describe('parseFeedDump edge cases', () => {
  const post = (title: string, date: string, extra = '') =>
    `${title}\n\nBody of ${title}.\n${extra}\nShare on Twitter\nPublished on ${date}\n`;

  it.each([
    ['24-hour time', 'May 1, 2023 23:05', '2023-05-01T23:05:00.000Z'],
    ['12-hour time', 'May 1, 2023 11:05 PM', '2023-05-01T23:05:00.000Z'],
    ['seconds', 'May 1, 2023 23:05:09', '2023-05-01T23:05:09.000Z'],
    ['impossible day', 'February 30, 2023 10:00', null],
  ])('publish time with %s', (_name, date, iso) => {
    const res = parseFeedDump(`Blog\n\n${post('A title', date)}`, { file: 'f', timeZone: 'UTC' });
    expect(res.records[0].publishedAt).toBe(iso);
    expect(res.warnings.length).toBe(iso === null ? 1 : 0);
  });

  it('gives the newer of two same-titled posts the -2 slug, as WordPress does', () => {
    const text = `Blog\n\n${post('Same', 'May 2, 2023 10:00')}\n${post('Same', 'May 1, 2023 10:00')}`;
    const res = parseFeedDump(text, { file: 'f', timeZone: 'UTC' });
    expect(res.records.map((r) => r.path)).toEqual(['/same-2', '/same']);
  });

  it('rejects trailing text with no Published line (a truncated dump) by line', () => {
    const text = `Blog\n\n${post('One', 'May 2, 2023 10:00')}\nCut off title\n\nHalf a bo`;
    const res = parseFeedDump(text, { file: 'cut.txt', timeZone: 'UTC' });
    expect(res.records).toHaveLength(1);
    expect(res.rejects).toEqual([expect.objectContaining({ file: 'cut.txt', line: 10 })]);
  });

  it('throws a clear error on text that is not a dump', () => {
    expect(() => parseFeedDump('just some notes\nnothing else', { file: 'notes.txt', timeZone: 'UTC' })).toThrow(
      /notes\.txt: not a feed dump/,
    );
    expect(looksLikeFeedDump('<?xml version="1.0"?><rss/>')).toBe(false);
    expect(looksLikeFeedDump('x\nPublished on May 1, 2023 10:00\n')).toBe(true);
  });
});

describe.skipIf(!existsSync(real))('parseFeedDump on shared/samples/blog-feed-dump.txt', () => {
  if (!existsSync(real)) console.warn(`skipping: ${real} not found (shared/ is not beside the checkout)`);
  const run = () => parseFeedDump(readFileSync(real, 'utf8'), { file: 'blog-feed-dump.txt', timeZone: 'UTC' });

  it('finds the 10 posts with their exact titles', () => {
    const { records, rejects, warnings } = run();
    expect(rejects).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records.map((r) => r.title)).toEqual([
      'So, about this blog…',
      'Quantizing Big Language Models: Do Tiny Numbers Really Change the Big Picture?',
      'Apple Intelligence Foundation Models: On-device Smarts Meet Private Cloud Power',
      'AI, Lean Startup, and Product Innovation: How to Build Better Products Faster',
      'Forecasting the Uncertain Future: Deep Neural Networks for Financial Return Distributions',
      'When Kelly Meets Options: A Robust Growth Strategy for Uncertain Markets',
      'Smarter Stock Picks: How Combined Machine Learning Can Boost Your Strategy',
      'Tracing Positional Bias in Financial Decision-Making: Mechanistic Insights from Qwen2.5',
      'Weak-to-Strong Knowledge Transfer: How a Tiny Coach Can Supercharge Big Language Models',
      'FinReflectKG: Turning giant SEC filings into a Smart Financial Knowledge Graph',
    ]);
  });

  it('reads publish times, paths, comment counts and bodies', () => {
    const { records } = run();
    expect(records[0].publishedAt).toBe('2025-09-25T14:32:00.000Z');
    expect(records[1].publishedAt).toBe('2025-09-25T11:00:00.000Z');
    expect(records[9].publishedAt).toBe('2025-09-15T11:00:00.000Z');
    expect(records[0].path).toBe('/so-about-this-blog');
    expect(records[0].commentCount).toBe(0);
    expect(new Set(records.map((r) => r.path)).size).toBe(10);
    for (const r of records) {
      expect(r.wordCount).toBeGreaterThan(100);
      expect(r.content).not.toContain('appeared first on');
      expect(r.content).not.toContain('Published on');
      expect(r.content.startsWith(r.title)).toBe(false);
      expect(r.sourceId).toBeNull();
    }
    expect(records[0].content.startsWith('I have a problem with running my mouth')).toBe(true);
  });
});
