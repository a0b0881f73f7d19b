/**
 * Reads for authorship: a post's label history, the model summary, the /label review queue and the last change
 * that "undo" would take back.
 */
import type { AuthorshipLabel } from '../../lib/types';
import type { Db } from '../client';
import { lastUndoableBatch } from '../mutations/authorship-labels';
import { MODEL_SETTING, type ModelSummary } from '../mutations/authorship-model';

/** One authorship event for the history list, newest first. `undone` is true when a later event undid it. */
export interface AuthorshipEventRow {
  id: number;
  oldLabel: AuthorshipLabel | null;
  newLabel: AuthorshipLabel | null;
  setBy: string;
  /** UTC ISO 8601. */
  at: string;
  undoes: number | null;
  undone: boolean;
}

/** A post's label history, newest first (at most `limit` events). */
export function listAuthorshipEvents(db: Db, postId: number, limit = 10): AuthorshipEventRow[] {
  const rows = db.$client
    .prepare(`select e.id, e.old_label as oldLabel, e.new_label as newLabel, e.set_by as setBy, e.at, e.undoes,
        exists (select 1 from authorship_events u where u.undoes = e.id) as undone
      from authorship_events e where e.post_id = ? order by e.id desc limit ?`)
    .all(postId, limit) as (Omit<AuthorshipEventRow, 'undone'> & { undone: number })[];
  return rows.map((r) => ({ ...r, undone: r.undone === 1 }));
}

/** The summary of the last retraining, or null before the first import. */
export function getModelSummary(db: Db): ModelSummary | null {
  const r = db.$client.prepare('select value from settings where key = ?').get(MODEL_SETTING) as
    | { value: string }
    | undefined;
  return r ? (JSON.parse(r.value) as ModelSummary) : null;
}

/** What "undo last change" would take back: how many posts, to which label, by whom, when. Null when nothing. */
export function describeLastChange(
  db: Db,
): { count: number; newLabel: AuthorshipLabel | null; setBy: string; at: string; title: string } | null {
  const last = lastUndoableBatch(db);
  if (!last || last.events.length === 0) return null;
  const e = last.events[last.events.length - 1];
  const row = db.$client
    .prepare(`select e.set_by as setBy, e.at, p.title from authorship_events e join posts p on p.id = e.post_id
      where e.id = ?`)
    .get(e.id) as { setBy: string; at: string; title: string };
  return { count: last.events.length, newLabel: e.new_label, ...row };
}

/** A fired signal as stored in `authorship.signals`. */
export interface StoredSignal {
  id: string;
  label: string;
  weight: number;
  detail: string;
  matches: string[];
}

/** One post of the /label queue. */
export interface QueueItem {
  id: number;
  title: string;
  path: string;
  publishedAt: string | null;
  wordCount: number;
  /** The first ~1,500 characters of the text, cut at a word boundary. */
  excerpt: string;
  label: AuthorshipLabel | null;
  suggestedLabel: AuthorshipLabel | null;
  /** Blended score, percent (0..100). */
  score: number | null;
  ruleScore: number | null;
  modelScore: number | null;
  band: string | null;
  reason: string | null;
  /** The fired signals as stored by refreshSuggestions. */
  signals: StoredSignal[];
}

const EXCERPT = 1500;

/** Cuts text to at most `n` characters at a word boundary, adding an ellipsis when cut. */
export function excerptOf(text: string, n = EXCERPT): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), n - 40)).trimEnd()} …`;
}

/**
 * Unlabelled posts for the review mode, most confident suggestion first (distance of the score from 50%),
 * posts without a suggestion (too short, not English) last; ties by newest. At most `limit`.
 */
export function listLabelQueue(db: Db, limit = 60): { items: QueueItem[]; total: number } {
  const c = db.$client;
  const where = 'from posts p left join authorship a on a.post_id = p.id where a.label is null';
  const total = (c.prepare(`select count(*) as n ${where}`).get() as { n: number }).n;
  const rows = c
    .prepare(`select p.id, p.title, p.path, p.published_at as publishedAt, p.word_count as wordCount, p.content,
        a.label, a.suggested_label as suggestedLabel, a.score_pct as score, a.rule_score_pct as ruleScore,
        a.model_score_pct as modelScore, a.band, a.reason, coalesce(a.signals, '[]') as signals
      ${where}
      order by a.suggested_label is null, abs(coalesce(a.score_pct, 50) - 50) desc, p.published_at desc, p.id desc
      limit ?`)
    .all(limit) as (Omit<QueueItem, 'signals' | 'excerpt'> & { signals: string; content: string })[];
  const items = rows.map(({ content, signals, ...r }) => ({
    ...r,
    excerpt: excerptOf(content),
    signals: JSON.parse(signals),
  }));
  return { items, total };
}

/** What the post page's authorship panel shows beyond the suggestion row: scores, history, agreement. */
export interface AuthorshipPanelData {
  /** The rules' own score and the learned model's, percent; model null while nothing is learned. */
  ruleScore: number | null;
  modelScore: number | null;
  /** The model's share of the blended score, 0..1 (0 while nothing is learned). */
  modelShare: number;
  events: AuthorshipEventRow[];
  /** Model summary, for the agreement sentence. */
  model: ModelSummary | null;
}

/** Everything the authorship panel needs for one post besides getAuthorship (db/queries/posts.ts). */
export function getAuthorshipPanelData(db: Db, postId: number): AuthorshipPanelData {
  const r = db.$client
    .prepare('select rule_score_pct as ruleScore, model_score_pct as modelScore from authorship where post_id = ?')
    .get(postId) as { ruleScore: number | null; modelScore: number | null } | undefined;
  const model = getModelSummary(db);
  return {
    ruleScore: r?.ruleScore ?? null,
    modelScore: r?.modelScore ?? null,
    modelShare: model?.share ?? 0,
    events: listAuthorshipEvents(db, postId),
    model,
  };
}
