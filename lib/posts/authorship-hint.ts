import type { AuthorshipLabel } from '../types';

/**
 * Tag and category names that authors use to mark how a post was written, compared after lowercasing and
 * turning spaces/underscores into hyphens. Only exact names count: a tag `ai` is a label, `ai-safety` is a topic.
 */
const HINTS: Record<string, AuthorshipLabel> = {
  'ai-generated': 'ai-generated',
  'ai-written': 'ai-generated',
  'written-by-ai': 'ai-generated',
  'generated-by-ai': 'ai-generated',
  ai: 'ai-generated',
  'ai-assisted': 'ai-assisted',
  'ai-augmented': 'ai-assisted',
  'assisted-by-ai': 'ai-assisted',
  'human-written': 'human',
  'written-by-a-human': 'human',
  'no-ai': 'human',
};

/** When a post carries two different labels, the one that claims more AI involvement wins (the cautious reading). */
const RANK: Record<AuthorshipLabel, number> = { human: 0, 'ai-assisted': 1, 'ai-generated': 2 };

/**
 * The authorship label a post's tags or categories declare, or null when none does.
 *
 * @param tags tag/category names or slugs as the source gives them (case and separators are ignored).
 * @example authorshipHintFromTags(['Research', 'AI-Generated']) === 'ai-generated'
 */
export function authorshipHintFromTags(tags: readonly string[]): AuthorshipLabel | null {
  let best: AuthorshipLabel | null = null;
  for (const tag of tags) {
    const key = tag
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
    const hint = HINTS[key];
    if (hint && (best === null || RANK[hint] > RANK[best])) best = hint;
  }
  return best;
}

/** Unique, trimmed, non-empty strings in first-seen order (tags repeated across category and tag domains). */
export function uniqueStrings(values: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}
