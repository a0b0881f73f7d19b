/**
 * Text helpers for the authorship signals: words, lines (blocks), sentences, headings and list items of a post's
 * plain text (as produced by the importers: HTML stripped, paragraphs separated by blank lines, Markdown kept).
 * Feed exports often glue list items together when they drop `<li>` tags ("...bother?Quantization in a sentence:"),
 * so the sentence splitter also breaks at a sentence mark directly followed by a capital letter.
 */

/** Words: runs of letters/digits, with inner apostrophes kept ("I’m", "don't"). Glued text still splits at `?`/`.`. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** Lower-cases a word and turns the typographic apostrophe into a plain one, for list look-ups. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/** Non-empty trimmed lines: each paragraph, heading or list item of the plain text is one line. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const BULLET_RE = /^(?:[-*•‣▪–]\s+|\d{1,2}[.)]\s+)/;

/** A list item: a line starting with a bullet (`-`, `*`, `•`) or a number (`1.`, `2)`). */
export function isListItem(line: string): boolean {
  return BULLET_RE.test(line);
}

/**
 * A heading: a Markdown `#` line, or a short line (2..12 words, bullets excluded, numbers allowed) that does not
 * end like a sentence, e.g. "Key findings: what changes (and what doesn’t)" or "1) Confidence and calibration".
 * One-word lines ("Thanks") and short questions are not counted: sign-offs and rhetorical asides look like that.
 */
export function isHeading(line: string): boolean {
  if (/^#{1,6}\s/.test(line)) return true;
  if (BULLET_RE.test(line) && !/^\d{1,2}[.)]\s/.test(line)) return false;
  const n = words(line).length;
  return n >= 2 && n <= 12 && !/[.!?,;:…"”'’]$/.test(line);
}

/**
 * Sentences of a text, split at `.`, `!`, `?` or `…` followed by white space and a capital, digit or quote, or
 * directly followed by a capital (glued list items), and at line ends. Headings and list markers are kept as
 * their own sentences; callers drop headings when they measure prose.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of lines(text)) {
    const parts = line.split(/(?<=[.!?…]["”’)]?)\s+(?=[\p{Lu}\p{N}"“‘(])|(?<=[\p{Ll}\p{N})”’"][.!?])(?=\p{Lu})/u);
    for (const p of parts) if (p.trim()) out.push(p.trim());
  }
  return out;
}

/** Occurrences per 1000 words, 0 for an empty text. */
export function per1000(count: number, wordCount: number): number {
  return wordCount === 0 ? 0 : (count * 1000) / wordCount;
}

/** Collects every regex match in `text` (the regex must have the `g` flag), as exact substrings. */
export function allMatches(text: string, re: RegExp): string[] {
  return Array.from(text.matchAll(re), (m) => m[0]);
}

/** Rounds to `digits` decimals, for readable `value`s in signal details. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
