/**
 * Bench data, part 1: a large blog's post inventory with a fixed seed, written through the real posts write path
 * (`writePostsImport`: upsert, authorship suggestions, rematch, post_stats, run record), then author labels on
 * most posts and keep/cull decisions on some, through the same mutations the dashboard uses.
 *
 * Posts are spread over `years` years ending on `endDay`, newest last; texts come from the demo blog's composers
 * (lib/demo/compose.ts), so the authorship signals have real work to do.
 */
import type { Db } from '../../db/client';
import { writePostsImport } from '../../db/importers';
import { setAuthorshipLabel, setDecision } from '../../db/mutations/decisions';
import { TOPICS } from '../../lib/demo/banks-topics';
import { composeAssisted, composeGenerated, composeHuman, type DemoKind } from '../../lib/demo/compose';
import { createRng } from '../../lib/demo/rng';
import { normalizePath, slugify } from '../../lib/paths';
import { countWords, htmlToText } from '../../lib/text';
import type { PostRecord } from '../../lib/types';

const DAY_MS = 86_400_000;
export const BENCH_SITE = 'https://bench.example';

/** A generated post as the other generators need it: its canonical path and publish day (UTC). */
export interface BenchPost {
  path: string;
  publishedDay: string;
}

/** A post record and how it was really written (the author's label, if they set one). */
export interface GeneratedPost {
  record: PostRecord;
  kind: DemoKind;
}

/**
 * `count` post records, oldest first, published between `years` years before `endDay` and `endDay` (UTC).
 * Paths are `/YYYY/MM/slug-N` (N makes every path unique). About 55% human essays, 25% AI-assisted, 20%
 * AI-generated, with more AI posts in later years.
 */
export function generatePostRecords(seed: number, count: number, endDay: string, years: number): GeneratedPost[] {
  const rng = createRng(seed);
  const endMs = Date.parse(`${endDay}T00:00:00Z`);
  const span = Math.round(years * 365) * DAY_MS;
  const used = new Set<string>();
  const times = Array.from({ length: count }, () => endMs - Math.floor(rng.next() * span)).sort((a, b) => a - b);
  return times.map((ms, i) => {
    const age = (endMs - ms) / span; // 1 = oldest, 0 = newest
    const r = rng.next();
    const kind: DemoKind = r < 0.35 + 0.4 * age ? 'human' : r < 0.75 + 0.15 * age ? 'ai-assisted' : 'ai-generated';
    const topic = rng.pick(TOPICS);
    const composed =
      kind === 'human'
        ? composeHuman(rng, topic, rng.int(300, 1200))
        : kind === 'ai-assisted'
          ? composeAssisted(rng, topic)
          : composeGenerated(rng, topic, used);
    const d = new Date(ms);
    const slug = `${slugify(composed.title).slice(0, 60)}-${i + 1}`;
    const url = `${BENCH_SITE}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${slug}/`;
    const content = htmlToText(composed.html);
    const record: PostRecord = {
      sourceId: `${BENCH_SITE}/?p=${i + 1}`,
      title: composed.title,
      url,
      path: normalizePath(url),
      publishedAt: new Date(ms + rng.int(0, 86_399) * 1000).toISOString(),
      status: 'publish',
      content,
      wordCount: countWords(content),
      commentCount: rng.int(0, 40),
      tags: [topic],
      author: 'Bench Author',
      aliases: [`/?p=${i + 1}`],
      authorshipHint: null,
    };
    return { record, kind };
  });
}

/**
 * Write the posts through the real import path, then label ~70% of them as the author would (with how each was
 * really written) and decide keep/cull on ~12%.
 * @returns the posts' paths and publish days, in id order.
 */
export function writeBenchPosts(db: Db, posts: GeneratedPost[], seed: number): BenchPost[] {
  const records = posts.map((p) => p.record);
  writePostsImport(db, { records, rejects: [], warnings: [] }, { file: 'bench-posts', format: 'rss', hash: null });
  const rng = createRng(seed + 1);
  const rows = db.$client.prepare('select id, path, published_day as day from posts order by id').all() as {
    id: number;
    path: string;
    day: string;
  }[];
  const kindByPath = new Map(posts.map((p) => [p.record.path, p.kind]));
  db.$client.transaction(() => {
    for (const p of rows) {
      if (rng.chance(0.7)) setAuthorshipLabel(db, p.id, kindByPath.get(p.path) ?? 'human', 'author');
      const d = rng.next();
      if (d < 0.08) setDecision(db, p.id, 'keep', 'evergreen');
      else if (d < 0.12) setDecision(db, p.id, 'cull', 'thin, no traffic');
    }
  })();
  return rows.map((r) => ({ path: r.path, publishedDay: r.day }));
}
