/**
 * Suggested authorship labels, recomputed from each post's text on import. The author's own label
 * (`authorship.label`) is never written here.
 */
import { featureValues } from '../../lib/authorship/features';
import { suggestAuthorship } from '../../lib/authorship/suggest';
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';
import { retrainAuthorship } from './authorship-model';

type Tx = Pick<Db, '$client'>;

/**
 * Compute and store the suggestion for the given posts, then retrain the per-blog model (authorship-model.ts) so
 * new posts get the blended score too. A hint from the source's own metadata (a tag such as `ai-assisted`) wins
 * over the text signals and is listed as the signal that decided it. Stores every signal's value in `features`
 * (null when the post was too short or not English) and the rules' own score in `rule_score_pct`.
 */
export function refreshSuggestions(tx: Tx, postIds: number[], hints: (AuthorshipLabel | null)[] = []): void {
  const c = tx.$client;
  const read = c.prepare('select title, content, published_at from posts where id = ?');
  const write =
    c.prepare(`insert into authorship (post_id, suggested_label, score_pct, band, reason, signals, source_hint,
    features, rule_score_pct, model_score_pct) values (?,?,?,?,?,?,?,?,?,null) on conflict (post_id) do update set
    suggested_label = excluded.suggested_label, score_pct = excluded.score_pct, band = excluded.band,
    reason = excluded.reason, signals = excluded.signals, source_hint = excluded.source_hint,
    features = excluded.features, rule_score_pct = excluded.rule_score_pct, model_score_pct = null`);
  postIds.forEach((id, i) => {
    const p = read.get(id) as { title: string; content: string; published_at: string | null };
    const s = suggestAuthorship({ title: p.title, content: p.content, publishedAt: p.published_at });
    const hint = hints[i] ?? null;
    const fired = s.signals
      .filter((x) => x.fired)
      .map((x) => ({ id: x.id, label: x.label, weight: x.weight, detail: x.detail, matches: x.matches ?? [] }));
    if (hint)
      fired.unshift({
        id: 'source-tag',
        label: 'Tagged in the source',
        weight: 0,
        detail: `the source marks it ${hint}`,
        matches: [],
      });
    write.run(
      id,
      hint ?? s.label,
      Math.round(s.score * 100),
      s.band,
      hint ? null : s.reason,
      JSON.stringify(fired),
      hint,
      s.signals.length ? JSON.stringify(featureValues(s.signals)) : null,
      Math.round(s.score * 100),
    );
  });
  if (postIds.length) retrainAuthorship(tx);
}
