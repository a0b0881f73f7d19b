import { describe, expect, it } from 'vitest';
import { parseGhost } from './ghost';

const newShape = {
  db: [
    {
      meta: { exported_on: 1700000000000, version: '5.70.0' },
      data: {
        posts: [
          {
            id: 'a1',
            title: 'Harbour lights',
            slug: 'harbour-lights',
            html: '<p>Boats at dusk.</p><p>Two more words.</p>',
            status: 'published',
            type: 'post',
            published_at: '2023-05-01T18:30:00.000Z',
          },
          {
            id: 'a2',
            title: 'Tide note',
            slug: 'tide-note',
            html: null,
            plaintext: 'Low water.',
            status: 'scheduled',
            type: 'post',
            published_at: '2030-01-01T08:00:00.000Z',
          },
          {
            id: 'a3',
            title: 'About',
            slug: 'about',
            html: '<p>Me.</p>',
            status: 'published',
            type: 'page',
            published_at: '2020-01-01T00:00:00.000Z',
          },
          {
            id: 'a4',
            title: 'Newsletter only',
            slug: 'nl',
            html: '',
            status: 'sent',
            type: 'post',
            published_at: '2023-01-01T00:00:00.000Z',
          },
          {
            id: 'a5',
            title: 'Half done',
            slug: 'half-done',
            html: '<p>WIP</p>',
            status: 'draft',
            type: 'post',
            published_at: null,
          },
        ],
        tags: [
          { id: 't1', name: 'Sea' },
          { id: 't2', name: '#ai-assisted' },
        ],
        posts_tags: [
          { post_id: 'a1', tag_id: 't2', sort_order: 1 },
          { post_id: 'a1', tag_id: 't1', sort_order: 0 },
        ],
        users: [{ id: 'u1', name: 'Noor' }],
        posts_authors: [{ post_id: 'a1', author_id: 'u1', sort_order: 0 }],
      },
    },
  ],
};

const oldShape = {
  meta: { exported_on: 1400000000000, version: '003' },
  data: {
    posts: [
      {
        id: 7,
        title: 'Old post',
        slug: 'old-post',
        html: '<p>From 2014.</p>',
        status: 'published',
        page: 0,
        published_at: 1398938400000,
        author_id: 1,
      },
      {
        id: 8,
        title: 'Old page',
        slug: 'old-page',
        html: '',
        status: 'published',
        page: 1,
        published_at: 1398938400000,
        author_id: 1,
      },
    ],
    users: [{ id: 1, name: 'Ada' }],
  },
};

describe('parseGhost', () => {
  it('reads the Ghost ≥1.0 shape: posts only, statuses, tags in order, author, hint', () => {
    const res = parseGhost(JSON.stringify(newShape), { file: 'ghost.json', timeZone: 'UTC' });
    expect(res.records.map((r) => [r.sourceId, r.path, r.status, r.publishedAt])).toEqual([
      ['a1', '/harbour-lights', 'publish', '2023-05-01T18:30:00.000Z'],
      ['a2', '/tide-note', 'future', '2030-01-01T08:00:00.000Z'],
      ['a5', '/half-done', 'draft', null],
    ]);
    expect(res.records[0]).toMatchObject({
      tags: ['Sea', '#ai-assisted'],
      author: 'Noor',
      authorshipHint: 'ai-assisted',
      wordCount: 6,
    });
    expect(res.records[1].content).toBe('Low water.');
    expect(res.skipped).toEqual({ page: 1, 'status:sent': 1 });
  });

  it('reads the 0.x shape with epoch-ms dates and page flags', () => {
    const res = parseGhost(JSON.stringify(oldShape), { file: 'old.json', timeZone: 'UTC', includePages: true });
    expect(res.records.map((r) => [r.sourceId, r.path, r.publishedAt, r.author])).toEqual([
      ['7', '/old-post', '2014-05-01T10:00:00.000Z', 'Ada'],
      ['8', '/old-page', '2014-05-01T10:00:00.000Z', 'Ada'],
    ]);
  });

  it('throws naming the file for bad JSON or a non-Ghost JSON', () => {
    expect(() => parseGhost('{oops', { file: 'g.json', timeZone: 'UTC' })).toThrow(/g\.json: not valid JSON/);
    expect(() => parseGhost('{"a":1}', { file: 'g.json', timeZone: 'UTC' })).toThrow(/g\.json: not a Ghost export/);
  });
});
