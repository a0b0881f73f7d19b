import { describe, expect, it } from 'vitest';
import { markdownToText, parseMarkdownFiles } from './markdown';

const parse = (name: string, text: string, timeZone = 'UTC') =>
  parseMarkdownFiles([{ name, text }], { file: 'site', timeZone });

describe('parseMarkdownFiles', () => {
  it.each([
    [
      'YAML date with zone',
      'a.md',
      '---\ntitle: A\ndate: 2021-09-01T10:00:00+02:00\n---\nx',
      '2021-09-01T08:00:00.000Z',
    ],
    [
      'YAML date without zone, in site zone',
      'a.md',
      '---\ntitle: A\ndate: 2021-09-01 10:00:00\n---\nx',
      '2021-09-01T14:00:00.000Z',
    ],
    ['quoted date-only', 'a.md', '---\ntitle: A\ndate: "2021-09-01"\n---\nx', '2021-09-01T04:00:00.000Z'],
    ['date from a Jekyll file name', '_posts/2021-9-1-title.md', '---\ntitle: A\n---\nx', '2021-09-01T04:00:00.000Z'],
    ['TOML front matter', 'b.md', '+++\ntitle = "B"\ndate = 2021-09-01T10:00:00Z\n+++\nx', '2021-09-01T10:00:00.000Z'],
  ])('%s', (_name, file, text, iso) => {
    const res = parse(file, text, 'America/New_York');
    expect(res.rejects).toEqual([]);
    expect(res.records[0].publishedAt).toBe(iso);
  });

  it('reads slug, permalink, drafts, tags, aliases and hints', () => {
    const res = parseMarkdownFiles(
      [
        {
          name: '_posts/2021-9-1-my-first-post.md',
          text: '---\ntitle: "Hello: world"\ntags: [ai-generated, notes]\nredirect_from:\n  - /old/hello/\n---\n# Hello\n\nSome **bold** text and a [link](https://x.example).\n',
        },
        {
          name: 'posts/second/index.md',
          text: '---\ntitle: Second\nslug: custom-slug\ndate: 2022-01-01\naliases: ["/2022/second"]\ncategories: Essays\n---\nBody.\n',
        },
        {
          name: 'posts/third.md',
          text: '---\ntitle: Third\npermalink: /essays/third/\npublished: false\n---\nBody.\n',
        },
        { name: 'posts/fourth.md', text: '---\ntitle: Fourth\ndate: 2022-01-01\n---\nBody.\n' },
      ],
      { file: 'site', timeZone: 'UTC' },
    );
    const [first, second, third] = res.records;
    expect(first).toMatchObject({
      path: '/my-first-post',
      title: 'Hello: world',
      tags: ['ai-generated', 'notes'],
      authorshipHint: 'ai-generated',
      aliases: ['/old/hello'],
    });
    expect(first.content).toBe('Hello\n\nSome bold text and a link.');
    expect(second).toMatchObject({ path: '/custom-slug', aliases: ['/2022/second'], tags: ['Essays'] });
    expect(third).toMatchObject({ path: '/essays/third', status: 'draft', publishedAt: null });
    expect(res.records).toHaveLength(4);
  });

  it('rejects a repeated path and unparseable front matter by file name', () => {
    const res = parseMarkdownFiles(
      [
        { name: 'a.md', text: '---\nslug: same\n---\nx' },
        { name: 'b.md', text: '---\nslug: same\n---\ny' },
        { name: 'c.md', text: '---\ntitle: [unclosed\n---\nz' },
      ],
      { file: 'site', timeZone: 'UTC' },
    );
    expect(res.records).toHaveLength(1);
    expect(res.rejects.map((r) => [r.file, r.reason.slice(0, 20)])).toEqual([
      ['b.md', 'repeats path /same'],
      ['c.md', 'front matter does no'],
    ]);
  });

  it('warns when a post has no date at all, without inventing one', () => {
    const res = parse('undated.md', '---\ntitle: U\n---\nx');
    expect(res.records[0].publishedAt).toBeNull();
    expect(res.warnings[0].reason).toMatch(/no date/);
  });

  it('markdownToText keeps words, drops syntax', () => {
    expect(markdownToText('## Title\n\n- one\n- two\n\n![alt text](a.png) `code`\n\n```js\nlet x = 1;\n```')).toBe(
      'Title\n\none two\n\nalt text code\n\nlet x = 1;',
    );
  });
});
