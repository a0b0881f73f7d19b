import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_ROOT, archiveFileName, culledPostsZip } from './archive';
import { planPost } from './plan-test-helpers';

describe('archiveFileName', () => {
  it('is date-slug.md, reduced to safe characters, never climbing out of the folder', () => {
    expect(archiveFileName(planPost())).toBe('2024-03-01-tomatoes-heirloom.md');
    expect(archiveFileName({ id: 3, path: '/../../etc/pass wd', publishedAt: null })).toBe('pass-wd.md');
    expect(archiveFileName({ id: 3, path: '/', publishedAt: null })).toBe('post-3.md');
    expect(archiveFileName({ id: 3, path: '/Café Crème', publishedAt: '2020-01-02T00:00:00Z' })).toBe(
      '2020-01-02-cafe-creme.md',
    );
  });
});

describe('culledPostsZip', () => {
  const gone = planPost({
    id: 8,
    title: 'Gone one',
    path: '/gone',
    url: null,
    liveUrl: null,
    publishedAt: null,
    redirect: { ...planPost().redirect, kind: 'gone', status: 410, to: null },
  });
  const twin = planPost({ id: 9 }); // same path as the first: its file name must not collide
  const zip = culledPostsZip([planPost(), gone, twin], {
    generatedAt: '2026-11-20T12:00:00.000Z',
    dataEnd: '2026-11-15',
  });
  const files = unzipSync(zip);

  it('holds one Markdown file per post, an index and a README', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        `${ARCHIVE_ROOT}/README.md`,
        `${ARCHIVE_ROOT}/index.csv`,
        `${ARCHIVE_ROOT}/posts/2024-03-01-tomatoes-heirloom.md`,
        `${ARCHIVE_ROOT}/posts/2024-03-01-tomatoes-heirloom-2.md`,
        `${ARCHIVE_ROOT}/posts/gone.md`,
      ].sort(),
    );
    expect(strFromU8(files[`${ARCHIVE_ROOT}/README.md`])).toMatch(/^# Culled posts, archived by Tend/);
  });

  it('front matter parses back to the post: title, date, URL, authorship, numbers, referrers, redirect; body intact', () => {
    const md = matter(strFromU8(files[`${ARCHIVE_ROOT}/posts/2024-03-01-tomatoes-heirloom.md`]));
    expect(md.data).toMatchObject({
      title: planPost().title,
      date: '2024-03-01T09:15:00.000Z',
      permalink: '/2024/03/tomatoes-heirloom/',
      original_url: 'https://blog.example/2024/03/tomatoes-heirloom/',
      authorship: 'ai-generated',
      tags: ['Garden', 'tomatoes'],
      page_views: { lifetime: 1234, last_90_days: 56, first_30_days: 789, bot_hits: 10, data_to: '2026-11-15' },
      referrers: [{ host: 'news.ycombinator.com', page_views: 40 }],
      decision: 'cull',
      decision_note: planPost().note,
      redirect: { status: 301, to: '/2024/05/raised-beds/' },
      tend_post_id: 7,
    });
    expect(md.content.trim()).toBe(planPost().content);
    const g = matter(strFromU8(files[`${ARCHIVE_ROOT}/posts/gone.md`]));
    expect(g.data.redirect).toEqual({ status: 410 });
    expect(g.data.authorship).toBe('ai-generated');
  });

  it('index.csv lists every file with its redirect, formula cells escaped', () => {
    const rows = parse(strFromU8(files[`${ARCHIVE_ROOT}/index.csv`]), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.file).sort()).toEqual(
      ['posts/2024-03-01-tomatoes-heirloom.md', 'posts/2024-03-01-tomatoes-heirloom-2.md', 'posts/gone.md'].sort(),
    );
    expect(rows.find((r) => r.id === '8')?.redirect).toBe('410 gone');
  });

  it('gives the same bytes for the same plan (fixed file times, no clock inside)', () => {
    const again = culledPostsZip([planPost(), gone, twin], {
      generatedAt: '2026-11-20T12:00:00.000Z',
      dataEnd: '2026-11-15',
    });
    expect(Buffer.from(again).equals(Buffer.from(zip))).toBe(true);
  });
});
