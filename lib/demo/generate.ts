/**
 * The seeded demo blog: "Field Notes", an invented blogger who writes about his allotment, his bike and his home
 * computers. `npm run demo` feeds the files produced here through the real importers, so the dashboard shows the
 * product's story: two years of human essays, then a year of AI-assisted and AI-generated posts that readers
 * mostly ignore. Pure: no I/O, no clock, no Math.random.
 */
import type { AuthorshipLabel } from '../types';
import { writeAccessLog } from './access-log';
import { writeFeedXml } from './feed-xml';
import { createRng } from './rng';
import { buildPosts, DAY_MS, type DemoPost, dayStartMs, isoDay } from './schedule';

export type { DemoPost } from './schedule';
export { ESCAPE_TEST_TITLE, LOG_DAYS, SITE_URL } from './schedule';

export interface DemoBlogOptions {
  /** Any number; only its low 32 bits matter. The same seed and endDay give byte-identical output. */
  seed: number;
  /** Last day of traffic, `YYYY-MM-DD` (UTC). Posts span the three years up to it. */
  endDay: string;
}

export interface DemoBlog {
  /** WordPress-style RSS 2.0 feed listing every post (UTF-8 XML). */
  feedXml: string;
  /** Apache combined access log of the last LOG_DAYS days, chronological, `\n`-terminated. */
  accessLog: string;
  /** The author's own labels by canonical post path (`/2024/03/slug`); null = not labelled yet (about 20%). */
  labels: { path: string; label: AuthorshipLabel | null }[];
  /** Notes for the timeline (`YYYY-MM-DD`, UTC), oldest first. */
  annotations: { day: string; text: string }[];
  /** The generated posts with their true authorship, oldest first (for the demo script's summary and tests). */
  posts: DemoPost[];
}

/** Share of posts the author has labelled. */
const LABELLED_SHARE = 0.8;

/**
 * Generates the demo blog.
 * @throws Error when `endDay` is not a real `YYYY-MM-DD` day.
 */
export function generateDemoBlog(opts: DemoBlogOptions): DemoBlog {
  const endMs = dayStartMs(opts.endDay);
  // Separate streams for posts, log and labels: tuning the traffic must not change the texts.
  const posts = buildPosts(createRng(opts.seed), endMs);
  const accessLog = writeAccessLog(createRng(opts.seed ^ 0x5eed10), posts, endMs);
  const labelRng = createRng(opts.seed ^ 0x1abe1);
  const unlabelled = new Set(
    labelRng.shuffle(posts.map((p) => p.id)).slice(0, Math.round(posts.length * (1 - LABELLED_SHARE))),
  );
  const labels = posts.map((p) => ({ path: p.path, label: unlabelled.has(p.id) ? null : p.kind }));
  return {
    feedXml: writeFeedXml(posts, endMs + DAY_MS - 1000),
    accessLog,
    labels,
    annotations: annotate(posts),
    posts,
  };
}

function annotate(posts: readonly DemoPost[]): { day: string; text: string }[] {
  const out: { day: string; text: string }[] = [];
  const firstOf = (kind: DemoPost['kind']) => posts.find((p) => p.kind === kind);
  const assisted = firstOf('ai-assisted');
  const generated = firstOf('ai-generated');
  if (assisted) out.push({ day: isoDay(assisted.publishedMs), text: 'Started AI-assisted posts' });
  if (generated) out.push({ day: isoDay(generated.publishedMs), text: 'First fully AI-generated post' });
  for (const p of posts.filter((x) => x.viral)) {
    out.push({ day: isoDay(p.publishedMs + DAY_MS), text: `"${p.title}" hit the Hacker News front page` });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}
