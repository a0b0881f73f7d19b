/**
 * Builds the demo blog's post texts from the word banks: a title and an HTML body per post, in one of three
 * voices (human essay, AI-assisted notes, AI-generated research summary). All choices come from the caller's
 * seeded Rng, so a seed fixes every word.
 */
import {
  AI_ASSISTED_HEADINGS,
  AI_ASSISTED_SENTENCES,
  AI_ASSISTED_TIPS,
  AI_ASSISTED_TITLES,
  AI_CLOSINGS,
  AI_FINDINGS,
  AI_GENERATED_INTROS,
  AI_GENERATED_METHODS,
  AI_GENERATED_TITLES,
  AI_QA_QUESTIONS,
  AI_SLOTS,
  AI_SUBJECTS,
  AI_TAKEAWAYS,
  AI_WHY_IT_MATTERS,
} from './banks-ai';
import { HUMAN_CLOSINGS, HUMAN_OPENINGS, HUMAN_SENTENCES, HUMAN_TITLES, HUMAN_TOPIC_SENTENCES } from './banks-human';
import { COMMON_SLOTS, TOPIC_SLOTS, type Topic } from './banks-topics';
import type { Rng } from './rng';

export type DemoKind = 'human' | 'ai-assisted' | 'ai-generated';

/** A composed post: exact title text (not escaped) and its body as WordPress-style HTML. */
export interface ComposedPost {
  title: string;
  html: string;
}

type Slots = Record<string, readonly string[]>;

/** Fills `{slot}` placeholders; a capitalised name (`{Person}`) looks up `person` and capitalises the result. */
export function fillTemplate(template: string, slots: Slots, rng: Rng): string {
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const direct = slots[name];
    if (direct) return rng.pick(direct);
    const lower = slots[name.toLowerCase()];
    if (!lower) throw new Error(`demo template slot {${name}} has no word bank (template: ${template})`);
    return capitalise(rng.pick(lower));
  });
  return capitalise(out);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Escapes text for an HTML element body (`&`, `<`, `>`; quotes are left alone, as WordPress does in text). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Words of a plain string, counted the way the importers do (tokens holding a letter or digit). */
function wordCount(s: string): number {
  return s.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** Hands out templates from a shuffled pool without repeats until the pool runs dry (then null). */
function drawer(rng: Rng, pool: readonly string[]): () => string | null {
  const order = rng.shuffle(pool);
  let i = 0;
  return () => (i < order.length ? order[i++] : null);
}

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
const h2 = (text: string) => `<h2>${escapeHtml(text)}</h2>`;
const ul = (items: string[]) => `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;

/**
 * A human essay of roughly `targetWords` words (at least 340): an opening, paragraphs of one to six sentences
 * drawn without repeats from the common and topic pools, and a sign-off. No headings, no lists.
 */
export function composeHuman(rng: Rng, topic: Topic, targetWords: number, title?: string): ComposedPost {
  const slots: Slots = { ...COMMON_SLOTS, ...TOPIC_SLOTS[topic] };
  const draw = drawer(rng, [...HUMAN_SENTENCES, ...HUMAN_TOPIC_SENTENCES[topic]]);
  const paragraphs: string[] = [];
  let words = 0;
  const add = (text: string) => {
    paragraphs.push(p(text));
    words += wordCount(text);
  };
  const opening = [fillTemplate(rng.pick(HUMAN_OPENINGS), slots, rng)];
  for (let i = rng.int(1, 3); i > 0; i--) opening.push(fillTemplate(draw() ?? 'Anyway.', slots, rng));
  add(opening.join(' '));
  const goal = Math.max(340, targetWords);
  let exhausted = false;
  while (words < goal && !exhausted) {
    // Personal essays mix one-line paragraphs with long ones.
    const n = rng.chance(0.15) ? 1 : rng.int(2, 6);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = draw();
      if (t === null) {
        exhausted = true;
        break;
      }
      sentences.push(fillTemplate(t, slots, rng));
    }
    if (sentences.length) add(sentences.join(' '));
  }
  add(fillTemplate(rng.pick(HUMAN_CLOSINGS), slots, rng));
  return {
    title: title ?? fillTemplate(rng.pick(HUMAN_TITLES), slots, rng),
    html: paragraphs.join('\n\n'),
  };
}

/**
 * An AI-assisted post: the author's notes smoothed into even sentences with a few headings, a tip list and a
 * "Final thoughts"-style close; at least 340 words.
 */
export function composeAssisted(rng: Rng, topic: Topic): ComposedPost {
  const slots: Slots = { ...COMMON_SLOTS, ...TOPIC_SLOTS[topic] };
  // The first three sentences are the opening (the announced tour); the rest are drawn in any order.
  const draw = drawer(rng, AI_ASSISTED_SENTENCES.slice(3));
  const take = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = draw();
      if (t !== null) out.push(fillTemplate(t, slots, rng));
    }
    return out;
  };
  const headings = rng.shuffle(AI_ASSISTED_HEADINGS.filter((h) => h !== 'Final thoughts'));
  const intro = AI_ASSISTED_SENTENCES.slice(0, 3).map((t) => fillTemplate(t, slots, rng));
  const blocks = [p(intro.join(' '))];
  if (rng.chance(0.3)) {
    // Some posts keep more of the author's own notes, in his voice: these are the hard ones to call.
    const notes = rng.shuffle([...HUMAN_SENTENCES, ...HUMAN_TOPIC_SENTENCES[topic]]).slice(0, rng.int(2, 4));
    blocks.push(p(notes.map((t) => fillTemplate(t, slots, rng)).join(' ')));
  }
  blocks.push(h2(headings[0]), p(take(4).join(' ')), p(take(3).join(' ')));
  blocks.push(h2(headings[1]), ul(rng.shuffle(AI_ASSISTED_TIPS).slice(0, rng.int(3, 5))));
  blocks.push(p(take(4).join(' ')));
  // Long enough to be judged (the suggester skips posts under 300 words).
  while (blocks.reduce((n, b) => n + wordCount(b.replace(/<[^>]+>/g, ' ')), 0) < 380) {
    const more = take(3);
    if (!more.length) break;
    blocks.push(p(more.join(' ')));
  }
  blocks.push(h2('Final thoughts'), p(take(3).join(' ')));
  return { title: fillTemplate(rng.pick(AI_ASSISTED_TITLES), slots, rng), html: blocks.join('\n\n') };
}

/**
 * An AI-generated research summary (or, one time in three, a Q&A) on a subject of the topic: intro with the
 * announced tour, method, "Key findings" and "Practical takeaways" lists of "Label: explanation" items, "Why it
 * matters", and an "In short" close. `usedSubjects` keeps two posts from summarising the same subject.
 */
export function composeGenerated(rng: Rng, topic: Topic, usedSubjects: Set<string>): ComposedPost {
  const fresh = AI_SUBJECTS[topic].filter((s) => !usedSubjects.has(s));
  const subject = rng.pick(fresh.length ? fresh : AI_SUBJECTS[topic]);
  usedSubjects.add(subject);
  const slots: Slots = { ...COMMON_SLOTS, ...AI_SLOTS[topic], S: [subject], s: [subject.toLowerCase()] };
  const fill = (t: string) => fillTemplate(t, slots, rng);
  const some = (pool: readonly string[], min: number, max: number) =>
    rng.shuffle(pool).slice(0, rng.int(min, max)).map(fill);
  const intro = [fill(AI_GENERATED_INTROS[0]), ...some(AI_GENERATED_INTROS.slice(1), 3, 4)].join(' ');
  const findings = some(AI_FINDINGS, 4, 5);
  const takeaways = some(AI_TAKEAWAYS, 3, 4);
  const closeText = [fill(AI_CLOSINGS[0]), ...some(AI_CLOSINGS.slice(1), 1, 2)].join(' ');
  let blocks: string[];
  if (rng.chance(1 / 3)) {
    const q = AI_QA_QUESTIONS.map(fill);
    blocks = [
      p(intro),
      h2(q[0]),
      p(some(AI_WHY_IT_MATTERS, 3, 4).join(' ')),
      h2(q[1]),
      p(some(AI_GENERATED_METHODS, 4, 5).join(' ')),
      h2(q[2]),
      ul(findings),
      h2(q[3]),
      ul(takeaways),
      h2(q[4]),
      p(closeText),
    ];
  } else {
    blocks = [
      p(intro),
      h2(rng.pick(['What the study looked at', 'The study at a glance', 'How the research worked'])),
      p(some(AI_GENERATED_METHODS, 4, 5).join(' ')),
      h2('Key findings'),
      ul(findings),
      h2('Why it matters'),
      p(some(AI_WHY_IT_MATTERS, 3, 4).join(' ')),
      h2('Practical takeaways'),
      ul(takeaways),
      h2(rng.pick(['In short', 'Conclusion', 'The bottom line'])),
      p(closeText),
    ];
  }
  return { title: fill(rng.pick(AI_GENERATED_TITLES)), html: blocks.join('\n\n') };
}
