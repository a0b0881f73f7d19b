/**
 * Word and phrase lists behind the authorship signals. They describe how chat-model prose in general reads
 * (signposting templates, "Label: explanation" lists, a stock vocabulary), drawn from the wide public discussion of
 * LLM-written text, not from any one blog. All patterns are case-insensitive and match whole words.
 * Apostrophes are written `['’]` because exports mix straight and typographic quotes.
 */

/** One stock phrase: an id for the UI and the pattern (global flag, so every occurrence is highlighted). */
export interface StockPhrase {
  id: string;
  re: RegExp;
}

const A = "['’]";
const WE_WILL = `(?:we|I)(?:${A}ll| will)`;

/**
 * Templates of AI-written posts: the announced tour, the signposted summary, the sales-pitch opening.
 * A human writer uses one now and then; a post that uses several is the signal.
 */
export const STOCK_PHRASES: StockPhrase[] = [
  { id: 'in-this-post', re: new RegExp(`\\bin this (?:blog )?(?:post|article|guide),? ${WE_WILL}\\b`, 'giu') },
  {
    id: 'we-will-explore',
    re: new RegExp(
      `\\b(?:${WE_WILL}|let${A}s) (?:unpack|explore|dive|delve|break down|walk through|tour|take a (?:closer|deep) look)\\b`,
      'giu',
    ),
  },
  { id: 'dives-into', re: /\b(?:dives?|delves?|diving|delving) (?:deep )?into\b|\bdeep[- ]dive\b/giu },
  { id: 'takeaways', re: /\b(?:practical|key|main|actionable) (?:takeaways?|implications)\b/giu },
  { id: 'the-takeaway', re: /\b(?:the|overall) (?:takeaway|bottom line|punchline)\b|^takeaway:/gimu },
  { id: 'in-short', re: /\b(?:in short|in summary|in a nutshell|to sum (?:it )?up|in conclusion)\b/giu },
  { id: 'why-it-matters', re: /\bwhy (?:it|this|that) (?:all )?matters\b/giu },
  { id: 'key-findings', re: /\b(?:key|main|big) (?:findings|ideas?|insights?)\b/giu },
  { id: 'imagine', re: /\bimagine (?:you could|a world|if|being able)\b|\bwhat if (?:you|your)\b/giu },
  { id: 'in-plain-terms', re: /\bin (?:plain|simple|everyday) (?:terms|language|english|words)\b/giu },
  {
    id: 'conclusion-heading',
    re: /(?:^|(?<=[.!?)]\s*))(?:#{1,6}\s*)?(?:conclusion|final thoughts|wrapping up|closing thoughts)\b(?=\s*(?::|$|—|-\s))/gimu,
  },
  { id: 'whether-you-are', re: new RegExp(`\\bwhether you${A}re (?:a|an)\\b`, 'giu') },
  {
    id: 'not-just-but',
    re: new RegExp(
      `\\b(?:isn${A}t|is not|aren${A}t|are not|not) just (?:about )?[^.?!]{1,60}?(?:—|--|;|,)\\s*(?:it${A}s|they${A}re|but)\\b`,
      'giu',
    ),
  },
  { id: 'the-catch', re: /\bthe (?:catch|twist|punchline|kicker|result|answer|short answer)\?/giu },
  { id: 'plays-a-role', re: /\bplays? an? (?:crucial|key|pivotal|vital|central|critical) role\b/giu },
  { id: 'fast-paced', re: new RegExp(`\\bin today${A}s (?:fast-paced|digital|data-driven|rapidly)`, 'giu') },
  { id: 'think-of-it-as', re: /\bthink of (?:it|this|them) as\b/giu },
  { id: 'boils-down', re: /\b(?:boils|boil) down to\b|\bat a glance\b/giu },
  { id: 'game-changer', re: /\bgame[- ]changer\b|\bunlock(?:s|ing)? (?:the )?(?:full )?(?:potential|value)\b/giu },
];

/**
 * Formal intensifiers and buzzwords that chat models over-use relative to human prose (the "delve" vocabulary).
 * Each is common enough in human writing that only a high rate means anything.
 */
export const AI_VOCABULARY = new Set([
  'crucial',
  'robust',
  'seamless',
  'seamlessly',
  'powerful',
  'comprehensive',
  'pivotal',
  'leverage',
  'leveraging',
  'delve',
  'landscape',
  'tapestry',
  'elevate',
  'unlock',
  'unlocking',
  'cutting-edge',
  'nuanced',
  'compelling',
  'streamline',
  'empower',
  'empowering',
  'harness',
  'transformative',
  'intricate',
  'meticulous',
  'meticulously',
  'showcase',
  'showcasing',
  'underscore',
  'underscores',
  'foster',
  'invaluable',
  'holistic',
  'paramount',
  'multifaceted',
  'multi-faceted',
  'notably',
  'actionable',
  'insights',
  'resilient',
  'versatile',
  'scalable',
  'realm',
  'navigate',
  'navigating',
  'ensure',
  'ensuring',
  'enhance',
  'enhancing',
  'valuable',
  'practical',
  'trustworthy',
]);

/**
 * Casual hedges and spoken-style intensifiers ("honestly", "I guess", "kind of"): people write them, summaries
 * rarely do. Multi-word entries are matched as phrases.
 */
export const CASUAL_HEDGES: RegExp = new RegExp(
  [
    'honestly',
    'i (?:think|guess|suppose|feel like|mean|reckon)',
    'kind of',
    'sort of',
    'pretty much',
    'to be honest',
    `i${A}m not sure`,
    `i (?:don${A}t|do not) know`,
    'probably',
    'maybe',
    'literally',
    'anyway',
    'stuff',
    'whatever',
    'tbh',
    'imo',
    'lol',
    'funnily enough',
    'straight up',
    'fuck\\w*',
    'shit\\w*',
    'bullshit',
    'damn',
    'crap',
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
  'giu',
);

/** Pronouns of the first person singular, normalized by `normalizeWord`. */
export const FIRST_PERSON_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'll", "i'd"]);

/** The commonest English function words: about 40-55% of the words of any English prose, under 15% elsewhere. */
export const ENGLISH_STOPWORDS = new Set(
  (
    'the of and to a in is it that for on with as was be this are at by not or from but have an they you i we ' +
    'he she his her my your their will can if so what there all about which one do would has had more when been ' +
    'were its our just than them also into how me no only out up some these those then who'
  ).split(' '),
);
