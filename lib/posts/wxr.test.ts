import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../types';
import { looksLikeWxr, parseWxr } from './wxr';

const repo = path.resolve(__dirname, '../..');
const shared = path.resolve(repo, '../shared/fixtures');
const own = readFileSync(path.join(repo, 'fixtures/posts/own-wxr.xml'), 'utf8');
const byId = (records: PostRecord[], id: string) => records.find((r) => r.sourceId === id) as PostRecord;

describe('parseWxr on the project fixture', () => {
  const res = parseWxr(own, { file: 'own-wxr.xml', timeZone: 'Europe/Madrid' });
  const glazes = byId(res.records, 'post:10');

  it('keeps posts with a kept status, skips pages, attachments and trash with counts', () => {
    expect(res.records.map((r) => r.sourceId)).toEqual(['post:10', 'post:11', 'post:15']);
    expect(res.skipped).toEqual({ page: 1, 'status:trash': 1, attachment: 1 });
  });

  it('includes pages when asked, identified as page:ID', () => {
    const withPages = parseWxr(own, { file: 'own-wxr.xml', timeZone: 'Europe/Madrid', includePages: true });
    expect(byId(withPages.records, 'page:12')).toMatchObject({ path: '/studio-rules', status: 'publish' });
    expect(withPages.skipped).toEqual({ 'status:trash': 1, attachment: 1 });
  });

  it('rejects a repeated (post_type, post_id)', () => {
    expect(res.rejects).toEqual([
      expect.objectContaining({
        file: 'own-wxr.xml',
        item: expect.stringContaining('post 10'),
        reason: expect.stringMatching(/repeats post:10/),
      }),
    ]);
  });

  it('repairs a literal ]]> inside CDATA with a warning naming item and line, keeping the whole body', () => {
    expect(glazes.content.endsWith('And the end of the post.')).toBe(true);
    expect(glazes.content).toContain('if (a[b[0]]> 1) { fire(); }');
    expect(res.warnings).toEqual([
      expect.objectContaining({
        line: 19,
        item: 'item 10 "Glazes & Cones"',
        reason: expect.stringMatching(/literal "\]\]>"/),
      }),
    ]);
  });

  it('reads title, path, aliases, dates, tags, hint, author and approved comments', () => {
    expect(glazes).toMatchObject({
      title: 'Glazes & Cones',
      path: '/2022/05/glazes-and-cones',
      publishedAt: '2022-05-01T07:30:00.000Z',
      tags: ['Pottery', 'AI Assisted'],
      authorshipHint: 'ai-assisted',
      author: 'rosa',
      commentCount: 2,
    });
    expect(glazes.aliases).toEqual(['/?p=10', '/2022/05/glazes']);
    expect(glazes.content.split('\n\n')).toHaveLength(3);
  });

  it('gives a draft no publish date and a /?p=ID path; falls back to post_date in the site zone', () => {
    expect(byId(res.records, 'post:11')).toMatchObject({ status: 'draft', publishedAt: null, path: '/?p=11' });
    expect(byId(res.records, 'post:15')).toMatchObject({ status: 'private', publishedAt: '2022-07-01T10:00:00.000Z' });
  });

  it('names the line and item of a truncated export, and refuses a non-WXR file', () => {
    const cut = own.slice(0, own.indexOf('Wedge your clay.'));
    expect(() => parseWxr(cut, { file: 'cut.xml', timeZone: 'UTC' })).toThrow(
      /cut\.xml: not well-formed XML at line \d+: the file ends inside <content:encoded>.*truncated\? \(in item "Studio rules"\)/,
    );
    expect(() => parseWxr('<rss version="2.0"><channel/></rss>', { file: 'feed.xml', timeZone: 'UTC' })).toThrow(
      /feed\.xml: not a WordPress export/,
    );
    expect(looksLikeWxr(own)).toBe(true);
  });

  it('gives the same records when parsed twice (re-import changes nothing)', () => {
    expect(parseWxr(own, { file: 'own-wxr.xml', timeZone: 'Europe/Madrid' })).toEqual(res);
  });
});

const theme = path.join(shared, 'wxr-theme-unit-test.xml');
describe.skipIf(!existsSync(theme))('parseWxr on shared wxr-theme-unit-test.xml', () => {
  if (!existsSync(theme)) console.warn(`skipping: ${theme} not found (shared/ is not beside the checkout)`);
  const run = (includePages = false) =>
    parseWxr(readFileSync(theme, 'utf8'), { file: 'wxr-theme-unit-test.xml', timeZone: 'UTC', includePages });

  it('has 58 posts (56 publish, 1 future, 1 draft) and skips attachments, menu items and pages', () => {
    const res = run();
    const statuses = res.records.map((r) => r.status);
    expect(res.records).toHaveLength(58);
    expect(statuses.filter((s) => s === 'publish')).toHaveLength(56);
    expect(statuses.filter((s) => s === 'future')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'draft')).toHaveLength(1);
    expect(res.skipped).toEqual({ page: 21, attachment: 37, nav_menu_item: 70 });
    expect(res.rejects).toEqual([]);
    expect(new Set(res.records.map((r) => r.sourceId)).size).toBe(58);
    expect(new Set(res.records.map((r) => r.path)).size).toBe(58);
  });

  it('reads the known posts', () => {
    const { records } = run();
    expect(byId(records, 'post:1169')).toMatchObject({
      title: '',
      path: '/2009/09/05/edge-case-no-title',
      publishedAt: '2009-09-05T16:00:23.000Z',
    });
    expect(byId(records, 'post:1724')).toMatchObject({
      title: 'Keyboard navigation',
      publishedAt: '2018-10-21T03:03:48.000Z',
    });
    expect(byId(records, 'post:1153')).toMatchObject({ status: 'future', publishedAt: '2030-01-01T19:00:18.000Z' });
    expect(byId(records, 'post:1173').title).toBe('Markup: Title With Markup');
  });

  it('adds the 21 pages with includePages', () => {
    const res = run(true);
    expect(res.records.filter((r) => r.sourceId?.startsWith('page:'))).toHaveLength(21);
    expect(res.skipped).toEqual({ attachment: 37, nav_menu_item: 70 });
  });
});

const small = path.join(shared, 'wxr-small-export.xml');
describe.skipIf(!existsSync(small))('parseWxr on shared wxr-small-export.xml', () => {
  if (!existsSync(small)) console.warn(`skipping: ${small} not found (shared/ is not beside the checkout)`);
  const run = () =>
    parseWxr(readFileSync(small, 'utf8'), { file: 'wxr-small-export.xml', timeZone: 'UTC', includePages: true });

  it('reads 11 items: 5 published posts, 1 private post, 4 published pages, 1 draft page with a null date', () => {
    const { records } = run();
    const kinds = records.map((r) => `${r.sourceId?.split(':')[0]} ${r.status}`);
    expect(records).toHaveLength(11);
    expect(kinds.filter((k) => k === 'post publish')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'post private')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'page publish')).toHaveLength(4);
    const drafts = records.filter((r) => r.status === 'draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0].sourceId).toMatch(/^page:/);
    expect(drafts[0].publishedAt).toBeNull();
    expect(records.filter((r) => r.status !== 'draft').every((r) => r.publishedAt?.startsWith('2011-01-18T'))).toBe(
      true,
    );
  });

  it('is stable across two parses (no duplicates on re-import)', () => {
    expect(run()).toEqual(run());
    expect(new Set(run().records.map((r) => r.sourceId)).size).toBe(11);
  });
});
