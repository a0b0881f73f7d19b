/**
 * Everything the cull plan's exports need, read in one go: the plan (db/queries/plan.ts) and every post's decision
 * row for the decisions CSV.
 */
import type { DecisionRow, PlanExportInput } from '../../lib/plan-export';
import type { Db } from '../client';
import { getSettings } from '../settings';
import { type CullPlan, getCullPlan, last90ByPost } from './plan';

/** Every post (zero-view and undecided ones too) with its decision, oldest published first. */
export function listDecisionRows(db: Db, plan: CullPlan): DecisionRow[] {
  const rows = db.$client
    .prepare(`select p.id, p.path, p.url, p.title, p.published_at as publishedAt, a.label as authorship,
        coalesce(d.decision, 'undecided') as decision, coalesce(d.note, '') as note, d.updated_at as decidedAt,
        d.rereview_on as rereviewOn, coalesce(s.lifetime_views, 0) as lifetimeViews
      from posts p left join decisions d on d.post_id = p.id left join authorship a on a.post_id = p.id
        left join post_stats s on s.post_id = p.id
      order by p.published_at is null, p.published_at, p.id`)
    .all() as Omit<DecisionRow, 'last90Views' | 'redirect'>[];
  const last90 = last90ByPost(db, plan.totals.dataEnd);
  const redirects = new Map(
    plan.posts.map((p) => [p.id, p.redirect.status === 410 ? '410 gone' : `301 ${p.redirect.to}`]),
  );
  return rows.map((r) => ({
    ...r,
    // The row of an undecided post is touched by imports too: its time says nothing about a decision.
    decidedAt: r.decision === 'undecided' ? null : r.decidedAt,
    last90Views: last90.get(r.id) ?? 0,
    redirect: redirects.get(r.id) ?? '',
  }));
}

/** The input of every plan export (lib/plan-export.ts PLAN_FORMATS), as of `now`. */
export function getPlanExportInput(db: Db, now: Date = new Date()): { input: PlanExportInput; plan: CullPlan } {
  const plan = getCullPlan(db, getSettings(db).siteUrl);
  return {
    plan,
    input: {
      culled: plan.posts,
      decisions: listDecisionRows(db, plan),
      dataEnd: plan.totals.dataEnd,
      generatedAt: now.toISOString(),
    },
  };
}
