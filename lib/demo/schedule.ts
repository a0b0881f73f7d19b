/**
 * The demo blog's post list: when each post was published, how it was written, its text, permalink and how well
 * it does with readers. The story: two years of human essays, then a year in which the author mixes in AI-assisted
 * and AI-generated posts (and posts more often). All times are UTC.
 */
import { normalizePath, slugify } from '../paths';
import { TOPIC_META, TOPICS, type Topic } from './banks-topics';
import { composeAssisted, composeGenerated, composeHuman, type DemoKind } from './compose';
import type { Rng } from './rng';

export const SITE_URL = 'https://fieldnotes.example';
export const SITE_TITLE = 'Field Notes';
export const AUTHOR = 'Owen Marsh';
export const DAY_MS = 86_400_000;
/** Days of traffic in the access log, ending at (and including) endDay. */
export const LOG_DAYS = 1200;

/** The post that exercises XML/HTML escaping: ampersand, double and single quotes, an emoji. */
export const ESCAPE_TEST_TITLE = 'Tomatoes & "Heirloom" Seeds — Dad\'s 🍅 Experiment';

const HUMAN_EARLY = 36;
/** Posts of the final year by kind: with the early essays, 42 human (55%), 15 assisted (20%), 19 generated (25%). */
const LATE_MIX: Record<DemoKind, number> = { human: 6, 'ai-assisted': 15, 'ai-generated': 19 };

export interface DemoPost {
  /** WordPress post id (the `?p=ID` guid). */
  id: number;
  kind: DemoKind;
  topic: Topic;
  title: string;
  html: string;
  slug: string;
  /** Publish time, epoch ms UTC. */
  publishedMs: number;
  /** Permalink, `https://fieldnotes.example/YYYY/MM/slug/`. */
  url: string;
  /** Canonical path as the importers store it (`normalizePath(url)`, no trailing slash). */
  path: string;
  category: string;
  tags: string[];
  comments: number;
  /** Multiplier of the daily human page views (human essays several times more than AI posts). */
  quality: number;
  /** True for the two essays that went semi-viral (a spike of readers a day after publishing). */
  viral: boolean;
}

/**
 * Epoch ms of 00:00 UTC of a `YYYY-MM-DD` day.
 * @throws Error when the string is not a real calendar day.
 */
export function dayStartMs(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new Error(`endDay must be a calendar day YYYY-MM-DD, got "${day}"`);
  }
  return ms;
}

/** `YYYY-MM-DD` (UTC) of an epoch ms. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Publish time of day in seconds: AI-generated posts are scheduled for exactly 11:00:00, people post whenever. */
function publishSecond(rng: Rng, kind: DemoKind): number {
  if (kind === 'ai-generated') return 11 * 3600;
  const sec = rng.int(kind === 'human' ? 6 : 7, 22) * 3600 + rng.int(0, 59) * 60 + rng.int(0, 59);
  return sec % 3600 === 0 ? sec + 17 : sec;
}

/** Kinds of the final year in order: AI-generated posts drift later, the year opens with an AI-assisted post. */
function lateKinds(rng: Rng): DemoKind[] {
  const bias: Record<DemoKind, number> = { human: -0.25, 'ai-assisted': 0, 'ai-generated': 0.45 };
  const keyed = (Object.keys(LATE_MIX) as DemoKind[]).flatMap((k) =>
    Array.from({ length: LATE_MIX[k] }, () => ({ k, key: rng.next() + bias[k] })),
  );
  const kinds = keyed.sort((a, b) => a.key - b.key).map((x) => x.k);
  const first = kinds.indexOf('ai-assisted');
  [kinds[0], kinds[first]] = [kinds[first], kinds[0]];
  return kinds;
}

/** Day offsets (from endDay, negative = before) spread evenly over [from, to] with a little jitter. */
function spread(rng: Rng, n: number, from: number, to: number): number[] {
  const step = (to - from) / n;
  return Array.from({ length: n }, (_, i) => Math.round(from + step * (i + 0.5) + (rng.next() - 0.5) * step * 0.6));
}

/**
 * Builds the post list, oldest first: 36 human essays over the first two years (ending a year before endDay),
 * then 40 posts in the final year. Two human essays inside the access log's window are marked viral.
 */
export function buildPosts(rng: Rng, endMs: number): DemoPost[] {
  const plan: { kind: DemoKind; offset: number }[] = [
    ...spread(rng, HUMAN_EARLY, -1125, -372).map((offset) => ({ kind: 'human' as DemoKind, offset })),
    ...spread(rng, 40, -362, -3).map((offset) => ({ kind: 'human' as DemoKind, offset })),
  ];
  const kinds = lateKinds(rng);
  for (let i = 0; i < kinds.length; i++) plan[HUMAN_EARLY + i].kind = kinds[i];

  const slugs = new Set<string>();
  const subjects = new Set<string>();
  const posts: DemoPost[] = [];
  let id = 40 + rng.int(0, 20);
  plan.forEach(({ kind, offset }, index) => {
    const topic = rng.weighted(TOPICS, kind === 'ai-generated' ? [1, 1, 1.4] : [1.2, 1, 1]);
    const special = index === 9;
    let composed = composeFor(rng, kind, special ? 'gardening' : topic, subjects, special);
    for (let tries = 0; slugs.has(slugify(composed.title)) && tries < 30; tries++) {
      composed = composeFor(rng, kind, topic, subjects, false);
    }
    let slug = slugify(composed.title);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(composed.title)}-${n}`;
    slugs.add(slug);
    id += rng.int(2, 9);
    const publishedMs = endMs + offset * DAY_MS + publishSecond(rng, kind) * 1000;
    const d = new Date(publishedMs);
    const url = `${SITE_URL}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${slug}/`;
    const postTopic = special ? 'gardening' : topic;
    const meta = TOPIC_META[postTopic];
    const q = Math.exp(0.45 * rng.gauss());
    posts.push({
      id,
      kind,
      topic: postTopic,
      title: composed.title,
      html: composed.html,
      slug,
      publishedMs,
      url,
      path: normalizePath(url),
      category: meta.category,
      tags: rng.shuffle(meta.tags).slice(0, rng.int(1, 3)),
      comments: kind === 'human' ? rng.int(0, 14) : rng.int(0, 2),
      quality: kind === 'human' ? q : kind === 'ai-assisted' ? 0.22 * q : 0.12 * q,
      viral: false,
    });
  });
  markViral(rng, posts, endMs);
  return posts;
}

function composeFor(rng: Rng, kind: DemoKind, topic: Topic, subjects: Set<string>, special: boolean) {
  if (kind === 'ai-assisted') return composeAssisted(rng, topic);
  if (kind === 'ai-generated') return composeGenerated(rng, topic, subjects);
  const words = rng.chance(0.2) ? rng.int(900, 1150) : rng.int(420, 900);
  return composeHuman(rng, topic, words, special ? ESCAPE_TEST_TITLE : undefined);
}

/** The earliest human essay inside the log window and one from the final year go semi-viral. */
function markViral(rng: Rng, posts: DemoPost[], endMs: number): void {
  const windowStart = endMs - (LOG_DAYS - 1) * DAY_MS;
  const human = posts.filter((p) => p.kind === 'human' && p.publishedMs > windowStart + 3 * DAY_MS);
  const late = human.filter((p) => p.publishedMs > endMs - 300 * DAY_MS && p.publishedMs < endMs - 40 * DAY_MS);
  const chosen = [human[0], late.length ? rng.pick(late) : human[human.length - 1]];
  for (const p of chosen) {
    if (!p) continue;
    p.viral = true;
    p.quality = Math.max(p.quality, 1.5);
    p.comments += 40 + rng.int(0, 50);
  }
}
