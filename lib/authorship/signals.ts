/**
 * Authorship signals: small, explainable measures of a post's text (and, kept apart, its context) that lean towards
 * AI-written or human-written prose. Each is a pure function of `{ title, content, publishedAt }` (content is plain
 * text, paragraphs separated by blank lines) and returns a {@link Signal}. English-only. Weights and thresholds live
 * in weights.ts; suggest.ts turns the fired signals into a score.
 */
import { AI_VOCABULARY, CASUAL_HEDGES, FIRST_PERSON_SINGULAR, STOCK_PHRASES } from './phrases';
import { allMatches, isHeading, isListItem, lines, normalizeWord, per1000, round, sentences, words } from './text';
import { LEAD_IN_MIN_COUNT, MAX_PHRASES, MIN_SENTENCES, SIGNAL_WEIGHTS as W } from './weights';

/** What the signals read. `publishedAt` is UTC ISO 8601 (`2025-09-25T11:00:00.000Z`) or null. */
export interface PostText {
  title: string;
  content: string;
  publishedAt: string | null;
}

/** `text` signals read the body; `context` signals read the publish time and title and only nudge the score. */
export type SignalGroup = 'text' | 'context';

/** One computed signal, ready to show: "Stock phrases: 5 found (+3.2)". */
export interface Signal {
  id: string;
  /** Human-readable name. */
  label: string;
  group: SignalGroup;
  fired: boolean;
  /** Log-odds added to the score: the table weight when fired, 0 otherwise. Positive = towards AI. */
  weight: number;
  /** The measured quantity (a count, a rate or a ratio; `detail` says which). */
  value: number;
  /** One sentence explaining the value and the threshold. */
  detail: string;
  /** Exact matched phrases, for highlighting in the text. */
  matches?: string[];
}

/** Builds a Signal; `weight` is applied only when it fired. */
function signal(
  id: string,
  label: string,
  group: SignalGroup,
  fired: boolean,
  weight: number,
  value: number,
  detail: string,
  matches?: string[],
): Signal {
  return { id, label, group, fired, weight: fired ? weight : 0, value, detail, ...(matches ? { matches } : {}) };
}

/** Template phrases of AI-written posts; value = distinct phrases found. */
export function stockPhrases(post: PostText): Signal {
  const found = STOCK_PHRASES.map((p) => ({ id: p.id, hits: allMatches(post.content, p.re) })).filter(
    (p) => p.hits.length,
  );
  const n = found.length;
  const counted = Math.min(n, MAX_PHRASES);
  const fired = n >= W['stock-phrases'].threshold;
  return signal(
    'stock-phrases',
    'Stock phrases',
    'text',
    fired,
    round(counted * W['stock-phrases'].weight, 2),
    n,
    `${n} distinct template phrase(s) of AI-written posts (fires at ${W['stock-phrases'].threshold}, counts up to ${MAX_PHRASES}).`,
    found.flatMap((p) => p.hits),
  );
}

// A short capitalised label (1-6 words) then ":", at the start of a line (after an optional bullet or `**`), after a
// sentence end, or glued to the previous list item ("...the strategyOn-device model: A compact..."). A digit right
// after the colon is a time or a ratio ("in 4:12"), not a lead-in.
const LEAD_IN_RE =
  /(?:^|(?<=^[-*•‣▪–]\s+)|(?<=[.!?)”"]\s*)|(?<=[\p{Ll}\p{N}])(?=\p{Lu}))(?:\*\*)?\p{Lu}[\p{L}\p{N}’'()&/-]*(?: [\p{L}\p{N}’'()&/.-]+){0,5}:(?:\*\*)?(?=\s+[\p{L}\p{N}“"(]|[\p{L}“"(])/gmu;

// Labels people use in ordinary writing (notes, edits, how-to steps, Q&A): never counted.
const PLAIN_LABEL_RE =
  /^(?:\*\*)?(?:notes?|warning|tip|update|edit|caveat|p\.?s|q|a|answer|question|example|source|via|credits?|photo|image|step \d+|part \d+|day \d+)(?:\*\*)?:/i;

/** "Label: explanation" list lead-ins ("Why it helps: Smaller models run faster."), typical of AI bullet lists. */
export function labelLeadIns(post: PostText): Signal {
  const hits = allMatches(post.content, LEAD_IN_RE).filter((h) => !PLAIN_LABEL_RE.test(h));
  const rate = per1000(hits.length, words(post.content).length);
  const fired = hits.length >= LEAD_IN_MIN_COUNT && rate >= W['label-lead-ins'].threshold;
  return signal(
    'label-lead-ins',
    '"Label: explanation" lead-ins',
    'text',
    fired,
    W['label-lead-ins'].weight,
    round(rate, 1),
    `${hits.length} lead-ins, ${round(rate, 1)} per 1000 words (fires at ${LEAD_IN_MIN_COUNT}+ and ${W['label-lead-ins'].threshold} per 1000).`,
    hits,
  );
}

/** First-person singular rate (I, me, my): high in personal essays, near zero in summaries. Two-sided. */
export function firstPerson(post: PostText): Signal {
  const all = words(post.content);
  const hits = all.filter((w) => FIRST_PERSON_SINGULAR.has(normalizeWord(w)));
  const rate = all.length === 0 ? 0 : (hits.length * 100) / all.length;
  const high = rate >= W['first-person.high'].threshold;
  const none = !high && all.length > 0 && rate < W['first-person.none'].threshold;
  return signal(
    'first-person',
    'First person singular (I, me, my)',
    'text',
    high || none,
    high ? W['first-person.high'].weight : W['first-person.none'].weight,
    round(rate, 2),
    `${round(rate, 2)} per 100 words: ${W['first-person.high'].threshold}+ reads as a personal voice (towards human), under ${W['first-person.none'].threshold} as impersonal (towards AI).`,
    high || none ? [...new Set(hits)] : undefined,
  );
}

/** Casual hedges and spoken intensifiers ("honestly", "I guess", "kind of"): towards human. */
export function casualHedges(post: PostText): Signal {
  const hits = allMatches(post.content, CASUAL_HEDGES);
  const rate = per1000(hits.length, words(post.content).length);
  return signal(
    'casual-hedges',
    'Casual hedges',
    'text',
    rate >= W['casual-hedges'].threshold,
    W['casual-hedges'].weight,
    round(rate, 1),
    `${hits.length} casual hedges, ${round(rate, 1)} per 1000 words (fires at ${W['casual-hedges'].threshold}).`,
    hits,
  );
}

/** Formal intensifiers and buzzwords ("crucial", "robust", "seamless"): towards AI at a high rate. */
export function aiVocabulary(post: PostText): Signal {
  const all = words(post.content);
  const hits = all.filter((w) => AI_VOCABULARY.has(normalizeWord(w)));
  const rate = per1000(hits.length, all.length);
  return signal(
    'ai-vocabulary',
    'AI-favoured vocabulary',
    'text',
    rate >= W['ai-vocabulary'].threshold,
    W['ai-vocabulary'].weight,
    round(rate, 1),
    `${hits.length} words such as "crucial" or "robust", ${round(rate, 1)} per 1000 words (fires at ${W['ai-vocabulary'].threshold}).`,
    [...new Set(hits)],
  );
}

/** Density of headings and list items per 1000 words: summaries are scaffolded, essays flow. */
export function structure(post: PostText): Signal {
  const found = lines(post.content).filter((l) => isHeading(l) || isListItem(l));
  const rate = per1000(found.length, words(post.content).length);
  return signal(
    'structure',
    'Headings and lists',
    'text',
    found.length >= 3 && rate >= W.structure.threshold,
    W.structure.weight,
    round(rate, 1),
    `${found.length} heading or list lines, ${round(rate, 1)} per 1000 words (fires at ${W.structure.threshold}).`,
    found,
  );
}

/** Burstiness: coefficient of variation of sentence lengths. Low = uniform (AI), high = varied (human). Two-sided. */
export function burstiness(post: PostText): Signal {
  const lengths = sentences(post.content)
    .filter((s) => !isHeading(s))
    .map((s) => words(s).length)
    .filter((n) => n > 0);
  const n = lengths.length;
  const mean = n ? lengths.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const cv = mean > 0 ? sd / mean : 0;
  const enough = n >= MIN_SENTENCES;
  const low = enough && cv < W['burstiness.low'].threshold;
  const high = enough && cv > W['burstiness.high'].threshold;
  return signal(
    'burstiness',
    'Sentence-length variation',
    'text',
    low || high,
    low ? W['burstiness.low'].weight : W['burstiness.high'].weight,
    round(cv, 2),
    enough
      ? `CV ${round(cv, 2)} over ${n} sentences (mean ${round(mean, 1)} words): under ${W['burstiness.low'].threshold} is uniform (towards AI), over ${W['burstiness.high'].threshold} varied (towards human).`
      : `Only ${n} sentences; ${MIN_SENTENCES} needed.`,
  );
}

/** Unspaced em dashes ("word—word"), the house style of current chat models. Weak on its own. */
export function emDash(post: PostText): Signal {
  const hits = allMatches(post.content, /[\p{L}\p{N}”’)]—[\p{L}\p{N}“‘(]/gu);
  const rate = per1000(hits.length, words(post.content).length);
  return signal(
    'em-dash',
    'Unspaced em dashes',
    'text',
    rate >= W['em-dash'].threshold,
    W['em-dash'].weight,
    round(rate, 1),
    `${hits.length} unspaced em dashes, ${round(rate, 1)} per 1000 words (fires at ${W['em-dash'].threshold}).`,
    hits,
  );
}

/** Context: published exactly on the hour (HH:00:00 UTC), as scheduled and automated posts are. */
export function scheduledTime(post: PostText): Signal {
  // Accepts `T` or a space before the time, and a missing seconds field (taken as :00).
  const m = post.publishedAt ? /[T ]\d{2}:(\d{2})(?::(\d{2}))?/.exec(post.publishedAt) : null;
  const fired = m !== null && m[1] === '00' && (m[2] ?? '00') === '00';
  return signal(
    'scheduled-time',
    'Published exactly on the hour',
    'context',
    fired,
    W['scheduled-time'].weight,
    fired ? 1 : 0,
    m
      ? `Published at ${post.publishedAt}${fired ? ': exactly on the hour, like a scheduled post.' : '.'}`
      : 'No publish time.',
  );
}

/** Context: a "Phrase: subtitle" title or a question title, the shapes chat models give their headlines. */
export function titlePattern(post: PostText): Signal {
  const title = post.title.trim();
  const colon = /^[^:]{2,}:\s+\S/.test(title);
  const question = /\?$/.test(title);
  const fired = colon || question;
  return signal(
    'title-pattern',
    'Title shape',
    'context',
    fired,
    W['title-pattern'].weight,
    fired ? 1 : 0,
    colon ? 'Title has the "Phrase: subtitle" shape.' : question ? 'Title is a question.' : 'Plain title.',
  );
}

/** Every signal, text signals first; the order is the display order. */
export const SIGNALS: readonly ((post: PostText) => Signal)[] = [
  stockPhrases,
  labelLeadIns,
  firstPerson,
  casualHedges,
  aiVocabulary,
  structure,
  burstiness,
  emDash,
  scheduledTime,
  titlePattern,
];

/** Runs every signal on a post. */
export function computeSignals(post: PostText): Signal[] {
  return SIGNALS.map((s) => s(post));
}
