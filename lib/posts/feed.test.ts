import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed } from './feed';

const fixtures = path.resolve(__dirname, '../../fixtures/posts');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('parseFeed: RSS 2.0 (WordPress style)', () => {
  const res = parseFeed(read('own-rss.xml'), { file: 'own-rss.xml', timeZone: 'UTC' });
  const [fish, anemones, note] = res.records;

  it('keeps the three usable items and rejects the one with neither title nor link', () => {
    expect(res.records).toHaveLength(3);
    expect(res.rejects).toEqual([expect.objectContaining({ file: 'own-rss.xml', item: expect.stringMatching(/^#4/) })]);
  });

  it('prefers feedburner:origLink and decodes a double-encoded title', () => {
    expect(fish.title).toBe('Fish & Chips at Low Tide');
    expect(fish.url).toBe('https://tidepool.example/2024/02/fish-and-chips/');
    expect(fish.path).toBe('/2024/02/fish-and-chips');
    expect(fish.sourceId).toBe('https://tidepool.example/?p=42');
    expect(fish.aliases).toEqual(['/?p=42']);
  });

  it('reads content:encoded over description, without the "appeared first on" line', () => {
    expect(fish.content).toBe(
      'The chip shop by the harbour opens when the tide goes out.\n\nWe ate on the sea wall & watched the crabs.',
    );
    expect(fish.wordCount).toBe(21);
    expect(anemones.content).toBe('Forty-one anemones in one pool.\n\nNext week: limpets.');
  });

  it('reads dates with offsets and named zones', () => {
    expect(fish.publishedAt).toBe('2024-02-12T07:30:00.000Z');
    expect(anemones.publishedAt).toBe('2024-01-22T02:05:00.000Z');
  });

  it('resolves a relative link against the channel link', () => {
    expect(anemones.url).toBe('https://tidepool.example/2024/01/counting-anemones/');
    expect(anemones.path).toBe('/2024/01/counting-anemones');
  });

  it('reads tags, author, comment count and the authorship hint', () => {
    expect(fish.tags).toEqual(['Food', 'AI-Assisted']);
    expect(fish.author).toBe('Ines Moreau');
    expect(fish.commentCount).toBe(4);
    expect(fish.authorshipHint).toBe('ai-assisted');
    expect(anemones.authorshipHint).toBe('human');
    expect(anemones.commentCount).toBeNull();
  });

  it('slugifies the title when there is no link; an impossible date is null with a warning', () => {
    expect(note.path).toBe('/a-note-without-a-link');
    expect(note.url).toBeNull();
    expect(note.publishedAt).toBeNull();
    expect(res.warnings).toEqual([
      expect.objectContaining({
        item: expect.stringContaining('A note without a link'),
        reason: expect.stringMatching(/impossible/),
      }),
    ]);
  });
});

describe('parseFeed: Atom 1.0', () => {
  const res = parseFeed(read('own-atom.xml'), { file: 'own-atom.xml', timeZone: 'Europe/Stockholm' });
  const [night, wick, plain] = res.records;

  it('reads entries with xml:base-resolved alternate links', () => {
    expect(res.rejects).toEqual([]);
    expect(night.url).toBe('https://lantern.example/posts/night-walks/');
    expect(wick.url).toBe('https://lantern.example/archive/wick.html');
    expect(wick.path).toBe('/archive/wick.html');
    expect(plain.path).toBe('/plain-text');
  });

  it('reads html and text titles, xhtml, html and text bodies', () => {
    expect(night.title).toBe('Night walks & lanterns');
    expect(night.content).toBe('We left at dusk with two paper lanterns.\n\nThe path & the river were silent.');
    expect(wick.content).toBe('Trim it straight, then soak it in oil.');
    expect(plain.title).toBe('Plain < text');
    expect(plain.content).toBe('Line one <not a tag>.\n\nSecond paragraph.');
  });

  it('uses published, else updated (a date-only value is midnight in the site zone)', () => {
    expect(night.publishedAt).toBe('2023-11-01T20:15:00.000Z');
    expect(wick.publishedAt).toBe('2023-10-14T22:00:00.000Z');
  });

  it('reads ids, categories, authors (feed author as fallback) and thr:total', () => {
    expect(night.sourceId).toBe('tag:lantern.example,2023:night-walks');
    expect(night.tags).toEqual(['ai-generated', 'walking']);
    expect(night.authorshipHint).toBe('ai-generated');
    expect(night.author).toBe('Oskar Lind');
    expect(wick.author).toBe('Guest Writer');
    expect(night.commentCount).toBe(2);
    expect(wick.commentCount).toBeNull();
  });
});

describe('parseFeed: detection and errors', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', true],
    ['\uFEFF<!-- generator --><feed xmlns="http://www.w3.org/2005/Atom"></feed>', true],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', true],
    ['<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', false],
    ['<html><body>hi</body></html>', false],
    ['Published on May 1, 2023 10:00', false],
  ])('looksLikeFeed(%j) is %s', (text, expected) => {
    expect(looksLikeFeed(text)).toBe(expected);
  });

  it('reads an RSS 1.0 (RDF) feed', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.example/"><title>X</title><link>https://x.example/</link></channel>
      <item rdf:about="https://x.example/one"><title>One</title><link>https://x.example/one</link><dc:date>2020-05-01T10:00:00Z</dc:date><dc:subject>ai</dc:subject></item>
    </rdf:RDF>`;
    const [one] = parseFeed(rdf, { file: 'x.rdf', timeZone: 'UTC' }).records;
    expect(one).toMatchObject({
      path: '/one',
      publishedAt: '2020-05-01T10:00:00.000Z',
      authorshipHint: 'ai-generated',
    });
  });

  it('throws naming the file and line for malformed XML, and for non-feeds', () => {
    expect(() => parseFeed('<rss><channel><item></channel></rss>', { file: 'bad.xml', timeZone: 'UTC' })).toThrow(
      /bad\.xml: not well-formed XML at line 1/,
    );
    expect(() => parseFeed('<html/>', { file: 'page.html', timeZone: 'UTC' })).toThrow(
      /page\.html: not an RSS or Atom feed/,
    );
    expect(() =>
      parseFeed('<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>', {
        file: 'w.xml',
        timeZone: 'UTC',
      }),
    ).toThrow(/WXR/);
  });

  it('rejects a second entry with the same path', () => {
    const xml = `<rss><channel><link>https://a.example/</link>
      <item><title>A</title><link>/a/</link></item><item><title>A again</title><link>https://a.example/a</link></item>
    </channel></rss>`;
    const res = parseFeed(xml, { file: 'dup.xml', timeZone: 'UTC' });
    expect(res.records).toHaveLength(1);
    expect(res.rejects[0].reason).toMatch(/same path \/a as entry #1/);
  });
});
