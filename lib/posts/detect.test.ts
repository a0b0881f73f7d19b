import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { detectPostFormat, parsePostsText, readPostsFile } from './detect';

const repo = path.resolve(__dirname, '../..');
const fixture = (name: string) => path.join(repo, 'fixtures/posts', name);
const shared = path.resolve(repo, '../shared');

describe('detectPostFormat', () => {
  it.each([
    ['own-feed-dump.txt', 'feed-dump'],
    ['own-rss.xml', 'rss'],
    ['own-atom.xml', 'atom'],
    ['own-wxr.xml', 'wxr'],
  ])('%s → %s', (name, format) => {
    expect(detectPostFormat(readFileSync(fixture(name), 'utf8'), name)).toBe(format);
  });

  it.each([
    ['{"db":[{"meta":{},"data":{"posts":[]}}]}', 'export.json', 'ghost'],
    ['{"meta":{},"data":{"posts":[{"id":1}]}}', 'old.json', 'ghost'],
    ['{"posts": "nope"}', 'x.json', null],
    ['post_id,post_date,is_published,title\n1.a,2021-01-01,true,A\n', 'posts.csv', 'substack-csv'],
    ['---\ntitle: Hi\n---\nBody', 'notes.txt', 'markdown'],
    ['Some text', 'post.md', 'markdown'],
    ['date,path,views\n2021-01-01,/a,3\n', 'views.csv', null],
    ['just words', 'notes.txt', null],
  ])('%j (%s) → %s', (text, name, format) => {
    expect(detectPostFormat(text, name)).toBe(format);
  });
});

describe('parsePostsText', () => {
  it('dispatches and reports the format', () => {
    const res = parsePostsText(readFileSync(fixture('own-atom.xml'), 'utf8'), { file: 'a.xml', timeZone: 'UTC' });
    expect(res.format).toBe('atom');
    expect(res.records).toHaveLength(3);
  });

  it('throws naming the file for an unknown format or an unknown forced format', () => {
    expect(() => parsePostsText('hello', { file: 'notes.txt', timeZone: 'UTC' })).toThrow(
      /notes\.txt: not a known posts format/,
    );
    expect(() => parsePostsText('hello', { file: 'x', timeZone: 'UTC', format: 'blogger' })).toThrow(
      /x: unknown posts format "blogger"/,
    );
  });
});

describe('decodeText', () => {
  const word = 'Café – “quoted”';
  it.each([
    ['UTF-8', Buffer.from(word, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(word, 'utf8')]), 'utf-8'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(word, 'utf-16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(word, 'utf-16be')]), 'utf-16be'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: word, encoding });
  });

  it('follows the XML prolog encoding', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\u00e9</title></channel></rss>';
    const out = decodeText(iconv.encode(xml, 'latin1'));
    expect(out.text).toBe(xml);
    expect(out.encoding).toBe('iso-8859-1');
    expect(
      decodeText(iconv.encode(xml.replace('ISO-8859-1', 'windows-1252').replace('é', '€'), 'windows-1252')).text,
    ).toContain('Caf€');
  });

  it('reads invalid UTF-8 as windows-1252 with a warning', () => {
    const out = decodeText(iconv.encode('na\u00efve \u2014 caf\u00e9', 'windows-1252'));
    expect(out.text).toBe('na\u00efve \u2014 caf\u00e9');
    expect(out.warning).toMatch(/windows-1252/);
  });
});

describe('readPostsFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tend-posts-'));

  it('reads a UTF-16 feed file', async () => {
    const file = path.join(dir, 'feed16.xml');
    const xml = readFileSync(fixture('own-rss.xml'), 'utf8');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml, 'utf-16le')]));
    const res = await readPostsFile(file, { timeZone: 'UTC' });
    expect(res.format).toBe('rss');
    expect(res.records[0].title).toBe('Fish & Chips at Low Tide');
  });

  it('reads a folder of Markdown files, and a Substack export folder', async () => {
    const md = path.join(dir, 'site');
    mkdirSync(path.join(md, '_posts'), { recursive: true });
    writeFileSync(
      path.join(md, '_posts', '2021-9-1-first-light.md'),
      '---\ntitle: First light\n---\nMorning fog on the bay.\n',
    );
    writeFileSync(path.join(md, '_posts', '2021-9-2-second.md'), '---\ntitle: Second\ndraft: true\n---\nNot yet.\n');
    const res = await readPostsFile(md, { timeZone: 'UTC' });
    expect(res.format).toBe('markdown');
    expect(res.records.map((r) => [r.path, r.status, r.publishedAt])).toEqual([
      ['/first-light', 'publish', '2021-09-01T00:00:00.000Z'],
      ['/second', 'draft', null],
    ]);

    const sub = path.join(dir, 'substack');
    mkdirSync(path.join(sub, 'posts'), { recursive: true });
    writeFileSync(
      path.join(sub, 'posts.csv'),
      'post_id,post_date,is_published,title,subtitle\n111.tide-tables,2022-03-01T10:00:00.000Z,true,Tide tables,Sub\n',
    );
    writeFileSync(path.join(sub, 'posts', '111.tide-tables.html'), '<p>High water at noon.</p>');
    const s = await readPostsFile(sub, { timeZone: 'UTC' });
    expect(s.format).toBe('substack-csv');
    expect(s.records[0]).toMatchObject({ path: '/p/tide-tables', content: 'High water at noon.', wordCount: 4 });
  });

  it('throws naming a missing path or an empty folder', async () => {
    await expect(readPostsFile(path.join(dir, 'nope.xml'), { timeZone: 'UTC' })).rejects.toThrow(
      /nope\.xml: cannot read/,
    );
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    await expect(readPostsFile(empty, { timeZone: 'UTC' })).rejects.toThrow(/no Markdown files/);
  });

  if (!existsSync(shared))
    console.warn(`skipping shared-file tests: ${shared} not found (shared/ is not beside the checkout)`);
  const dump = path.join(shared, 'samples/blog-feed-dump.txt');
  it.skipIf(!existsSync(dump))('detects the shared feed dump and reads its 10 posts', async () => {
    const res = await readPostsFile(dump, { timeZone: 'UTC' });
    expect(res.format).toBe('feed-dump');
    expect(res.records).toHaveLength(10);
  });

  const wxr = path.join(shared, 'fixtures/wxr-theme-unit-test.xml');
  it.skipIf(!existsSync(wxr))('detects the shared WXR file and passes includePages through', async () => {
    const res = await readPostsFile(wxr, { timeZone: 'UTC', includePages: true });
    expect(res.format).toBe('wxr');
    expect(res.records).toHaveLength(79);
  });
});
