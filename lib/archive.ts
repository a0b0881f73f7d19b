/**
 * The archive of culled posts: a zip of one Markdown file per post with YAML front matter (title, date, original URL,
 * authorship, numbers, referrers, decision, redirect) and the text as body, plus README.md and index.csv. Nothing is
 * lost when the posts are deleted from the blog. The keys `title`, `date`, `permalink`, `tags`, `authorship` are the ones
 * static-site generators and Tend's own Markdown parser (lib/posts/markdown.ts) read.
 *
 * Zip by fflate (pure JS, deflate); file times are fixed to the export day, so one plan gives the same bytes.
 */
import { stringify } from 'csv-stringify/sync';
import { zipSync } from 'fflate';
import matter from 'gray-matter';
import { escapeFormula } from './export';
import type { PlanPost } from './plan-export';

/** Folder inside the zip. */
export const ARCHIVE_ROOT = 'tend-culled-posts';

/**
 * A safe file name for a post: `YYYY-MM-DD-slug.md` from the publish day and the last path segment, reduced to
 * `[a-z0-9-]` (no dots, slashes or separators, so no entry can climb out of the folder), at most 80 characters.
 */
export function archiveFileName(post: Pick<PlanPost, 'id' | 'path' | 'publishedAt'>): string {
  const last = post.path.split('/').filter(Boolean).pop() ?? '';
  const slug =
    last
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || `post-${post.id}`;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(post.publishedAt ?? '')?.[0];
  return `${day ? `${day}-` : ''}${slug}.md`;
}

/** The front matter of one post (plain data; YAML-dumped by gray-matter / js-yaml). */
export function frontMatter(post: PlanPost, dataEnd: string | null): Record<string, unknown> {
  return {
    title: post.title,
    date: post.publishedAt,
    permalink: post.url ? (new URL(post.url, 'http://x.invalid').pathname ?? post.path) : post.path,
    original_url: post.liveUrl ?? post.url,
    authorship: post.label ?? 'unlabelled',
    suggested_authorship: post.suggestedLabel,
    tags: post.tags,
    words: post.wordCount,
    page_views: {
      lifetime: post.lifetimeViews,
      last_90_days: post.last90Views,
      first_30_days: post.first30Views,
      bot_hits: post.botHits,
      data_to: dataEnd,
    },
    referrers: post.referrers.map((r) => ({ host: r.referrer, page_views: r.pageViews })),
    decision: 'cull',
    decision_note: post.note,
    decided_at: post.decidedAt,
    redirect:
      post.redirect.status === 410 ? { status: 410 } : { status: 301, to: post.redirect.to, kind: post.redirect.kind },
    tend_post_id: post.id,
  };
}

/** One post as Markdown: front matter, then the text (plain, as imported). */
export function postMarkdown(post: PlanPost, dataEnd: string | null): string {
  const body = post.content.trim() ? `${post.content.trim()}\n` : '';
  // lineWidth -1: long values (URLs) stay on one line instead of YAML's folded `>-` blocks.
  return matter.stringify(body, frontMatter(post, dataEnd), { lineWidth: -1 } as matter.GrayMatterOption<
    string,
    never
  >);
}

/**
 * Zip of every culled post (`tend-culled-posts/posts/*.md`), an `index.csv` (file, id, title, original URL,
 * published, redirect) and a `README.md` saying what the archive is.
 * @param meta.generatedAt UTC ISO time of the export; its day becomes every entry's file time.
 */
export function culledPostsZip(
  posts: readonly PlanPost[],
  meta: { generatedAt: string; dataEnd: string | null },
): Uint8Array {
  const enc = new TextEncoder();
  const mtime = new Date(`${meta.generatedAt.slice(0, 10)}T00:00:00Z`);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const used = new Set<string>();
  const index: (string | number | null)[][] = [];
  for (const p of posts) {
    let name = archiveFileName(p);
    for (let n = 2; used.has(name); n++) name = archiveFileName(p).replace(/\.md$/, `-${n}.md`);
    used.add(name);
    files[`${ARCHIVE_ROOT}/posts/${name}`] = [enc.encode(postMarkdown(p, meta.dataEnd)), { mtime }];
    index.push([
      `posts/${name}`,
      p.id,
      p.title,
      p.liveUrl ?? p.url ?? p.path,
      p.publishedAt,
      p.redirect.status === 410 ? '410 gone' : `301 ${p.redirect.to}`,
    ]);
  }
  const csv = stringify(
    index.map((row) => row.map((v) => escapeFormula(v))),
    {
      header: true,
      columns: ['file', 'id', 'title', 'original_url', 'published_at', 'redirect'],
      record_delimiter: 'windows',
    },
  );
  const readme = [
    '# Culled posts, archived by Tend',
    '',
    `${posts.length} posts you decided to cull, exported ${meta.generatedAt}. Each file in posts/ is one post as Markdown:`,
    'the front matter holds its title, publish date, original URL, authorship, page views (lifetime, last 90 days,',
    `first 30 days; data to ${meta.dataEnd ?? 'n/a'}), referrers, your note and where its visitors are redirected.`,
    'index.csv lists them all. The files use the front matter keys static-site generators (Jekyll, Hugo, Eleventy) read.',
    '',
  ].join('\n');
  files[`${ARCHIVE_ROOT}/README.md`] = [enc.encode(readme), { mtime }];
  files[`${ARCHIVE_ROOT}/index.csv`] = [enc.encode(csv), { mtime }];
  return zipSync(files, { level: 6 });
}
