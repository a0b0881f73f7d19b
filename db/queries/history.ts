/**
 * Reads for /history: every keep/cull decision event, newest first, paginated, with what undoing each would do.
 * Times are UTC ISO strings; the page shows them in the site time zone.
 */
import type { Decision } from '../../lib/types';
import type { Db } from '../client';
import { undoneEvents } from '../mutations/decisions-undo';

export interface HistoryRow {
  id: number;
  postId: number;
  title: string;
  oldDecision: Decision;
  newDecision: Decision;
  note: string;
  rereviewOn: string | null;
  at: string;
  /** The event this one undid, or null. */
  undoes: number | null;
  /** The undo in force that took this event back, or null. */
  undoneBy: number | null;
  /** Later decisions on the same post still in force: undoing this one would replace them (asks first). */
  laterInForce: number;
  /** The post's decision now. */
  currentDecision: Decision;
}

export interface HistoryPage {
  rows: HistoryRow[];
  /** Events in all. */
  total: number;
  /** 1-based page number actually shown (clamped), and the number of pages (at least 1). */
  page: number;
  pages: number;
  perPage: number;
}

/** Default events per page. */
export const HISTORY_PER_PAGE = 50;

/** One page of decision events, newest first (`page` is 1-based; out-of-range pages are clamped). */
export function listDecisionHistory(db: Db, page = 1, perPage = HISTORY_PER_PAGE): HistoryPage {
  const c = db.$client;
  const total = (c.prepare('select count(*) as n from decision_events').get() as { n: number }).n;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = c
    .prepare(`select e.id, e.post_id as postId, p.title, e.old_decision as oldDecision, e.new_decision as newDecision,
        e.note, e.rereview_on as rereviewOn, e.at, e.undoes, coalesce(d.decision, 'undecided') as currentDecision
      from decision_events e join posts p on p.id = e.post_id left join decisions d on d.post_id = e.post_id
      order by e.id desc limit ? offset ?`)
    .all(perPage, (p - 1) * perPage) as Omit<HistoryRow, 'undoneBy' | 'laterInForce'>[];
  return { rows: enrich(db, rows), total, page: p, pages, perPage };
}

/** One post's decision events, newest first, with the same undo information as the history page. */
export function listPostDecisionHistory(db: Db, postId: number): HistoryRow[] {
  const rows = db.$client
    .prepare(`select e.id, e.post_id as postId, p.title, e.old_decision as oldDecision, e.new_decision as newDecision,
        e.note, e.rereview_on as rereviewOn, e.at, e.undoes, coalesce(d.decision, 'undecided') as currentDecision
      from decision_events e join posts p on p.id = e.post_id left join decisions d on d.post_id = e.post_id
      where e.post_id = ? order by e.id desc`)
    .all(postId) as Omit<HistoryRow, 'undoneBy' | 'laterInForce'>[];
  return enrich(db, rows);
}

/** Add who undid each event and how many later decisions on its post are in force (same rule as planUndo). */
function enrich(db: Db, rows: Omit<HistoryRow, 'undoneBy' | 'laterInForce'>[]): HistoryRow[] {
  if (rows.length === 0) return [];
  const undone = undoneEvents(db);
  const postIds = [...new Set(rows.map((r) => r.postId))];
  const minId = Math.min(...rows.map((r) => r.id));
  const later = db.$client
    .prepare(
      `select id, post_id as postId, undoes from decision_events where id > ? and post_id in (${postIds
        .map(() => '?')
        .join(',')}) order by id`,
    )
    .all(minId, ...postIds) as { id: number; postId: number; undoes: number | null }[];
  return rows.map((r) => ({
    ...r,
    undoneBy: undone.get(r.id) ?? null,
    // Undone events, and undos of events after this one, are not in force.
    laterInForce: later.filter(
      (l) => l.postId === r.postId && l.id > r.id && !undone.has(l.id) && !(l.undoes !== null && l.undoes > r.id),
    ).length,
  }));
}
