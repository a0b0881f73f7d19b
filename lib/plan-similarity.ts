/**
 * Redirect-target suggestions for culled posts: the kept post most similar by title and tags, by TF-IDF cosine
 * similarity (Salton & Buckley 1988; idf smoothed as in scikit-learn: ln((1 + n) / (1 + df)) + 1), or the home page
 * when nothing is similar enough. Pure and deterministic (ties go to the newer post, then the lower id).
 */

/** Below this cosine similarity a kept post is not "similar": the suggestion is the home page. */
export const MIN_SIMILARITY = 0.2;

const STOPWORDS = new Set(
  `a an and are as at be but by for from has have how i in is it its my of on or our so that the this to was what
  when where which who why will with you your me we do did not no yes can just about into than then there these
  those our ours after before over under again more most some any all one two new vs via`.split(/\s+/),
);

/** Words of a title: lowercase, accents folded, split on anything that is not a letter or digit, stopwords dropped. */
export function titleTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/**
 * The terms of one post: its title words, each tag as a whole (`tag:raised beds`, so two posts sharing a tag match
 * even when the tag is several words) and the tag's own words.
 */
export function postTerms(title: string, tags: readonly string[]): string[] {
  const out = titleTokens(title);
  for (const t of tags) {
    const norm = t.trim().toLowerCase();
    if (!norm) continue;
    out.push(`tag:${norm}`, ...titleTokens(norm));
  }
  return out;
}

export interface SimilarityDoc {
  id: number;
  title: string;
  tags: readonly string[];
}

/** A TF-IDF model over a set of posts; vectors are L2-normalized, so a dot product is the cosine. */
export interface TfIdfModel {
  vector(doc: Pick<SimilarityDoc, 'title' | 'tags'>): Map<string, number>;
}

/** Fit idf weights on `docs` (all posts of the blog, so rare words weigh more than the blog's everyday ones). */
export function fitTfIdf(docs: readonly Pick<SimilarityDoc, 'title' | 'tags'>[]): TfIdfModel {
  const df = new Map<string, number>();
  for (const d of docs) for (const term of new Set(postTerms(d.title, d.tags))) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const idf = (term: string) => Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
  return {
    vector(doc) {
      const tf = new Map<string, number>();
      for (const term of postTerms(doc.title, doc.tags)) tf.set(term, (tf.get(term) ?? 0) + 1);
      const v = new Map<string, number>();
      let norm = 0;
      for (const [term, count] of tf) {
        const w = count * idf(term);
        v.set(term, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
      return v;
    },
  };
}

/** Cosine similarity of two normalized vectors (0 when either is empty). */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

export interface TargetSuggestion {
  /** The kept post to redirect to, or null for the home page. */
  postId: number | null;
  /** Cosine similarity of the best kept post (0..1), also when it was too low and home was suggested. */
  score: number;
  /** The most similar kept posts, best first (at most `top`), for the author to pick from. */
  ranked: { postId: number; score: number }[];
}

/**
 * For each culled post, the kept posts ranked by similarity (ties: newer post first, then lower id) and the
 * suggestion: the best one when its score reaches {@link MIN_SIMILARITY}, else the home page.
 * @param all every post of the blog (for idf); `culled` and `kept` are subsets by id.
 * @param top how many ranked kept posts to keep per culled post.
 */
export function suggestTargets(
  all: readonly SimilarityDoc[],
  culled: readonly SimilarityDoc[],
  kept: readonly (SimilarityDoc & { publishedAt?: string | null })[],
  top = 8,
): Map<number, TargetSuggestion> {
  const model = fitTfIdf(all);
  const keptVectors = kept.map((k) => ({ k, v: model.vector(k), at: k.publishedAt ?? '' }));
  const out = new Map<number, TargetSuggestion>();
  for (const c of culled) {
    const v = model.vector(c);
    const scored = keptVectors
      .filter(({ k }) => k.id !== c.id)
      // Rounded so float noise cannot order equal scores differently from run to run.
      .map(({ k, v: kv, at }) => ({ postId: k.id, score: Math.round(cosine(v, kv) * 1e9) / 1e9, at }))
      .sort((a, b) => b.score - a.score || b.at.localeCompare(a.at) || a.postId - b.postId);
    const best = scored[0];
    out.set(c.id, {
      postId: best && best.score >= MIN_SIMILARITY ? best.postId : null,
      score: best?.score ?? 0,
      ranked: scored.slice(0, top).map(({ postId, score }) => ({ postId, score })),
    });
  }
  return out;
}
