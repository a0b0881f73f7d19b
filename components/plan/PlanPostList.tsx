import { CohortBadge, fmtInt } from '@/components/Badges';
import { fmtShare, referrerName } from '@/components/plan/PlanSummary';
import { RedirectEditor } from '@/components/plan/RedirectEditor';
import type { CullPlan } from '@/db/queries/plan';
import styles from './plan.module.css';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

function targetText(r: CullPlan['posts'][number]['redirect']): string {
  if (r.status === 410) return 'Gone (410): visitors are told the post was removed on purpose';
  if (r.kind === 'home') return '301 to the home page';
  if (r.kind === 'url') return `301 to ${r.to}`;
  return `301 to “${r.targetTitle}” (${r.to})`;
}

/** One card per culled post (most traffic first): numbers, referrers, where its visitors go, and the editor. */
export function PlanPostList({
  plan,
  action,
}: {
  plan: CullPlan;
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  const t = plan.totals;
  return (
    <div data-testid="plan-posts">
      {plan.posts.map((p) => {
        const value =
          p.redirect.kind === 'post' && p.redirect.targetPostId ? `post:${p.redirect.targetPostId}` : p.redirect.kind;
        const choices = plan.choices.get(p.id) ?? [];
        const best = choices[0];
        return (
          <section key={p.id} className={`panel ${styles.card}`} data-testid="plan-post" data-post={p.id}>
            <div>
              <h3>
                <a href={`/posts/${p.id}`}>{p.title || '(no title)'}</a>
              </h3>
              <div className="small muted">
                {p.publishedAt ? p.publishedAt.slice(0, 10) : 'not published'} ·{' '}
                <CohortBadge cohort={p.label ?? 'unlabelled'} /> ·{' '}
                {p.liveUrl ? (
                  <a href={p.liveUrl} target="_blank" rel="noreferrer noopener">
                    {p.path}
                  </a>
                ) : (
                  <code>{p.path}</code>
                )}
              </div>
              <p className={styles.numbers}>
                <strong data-testid="plan-post-last90">{fmtInt(p.last90Views)}</strong> page views in the last 90 days (
                {fmtShare(p.last90Views, t.siteLast90)} of all) · <strong>{fmtInt(p.lifetimeViews)}</strong> lifetime
              </p>
              {p.referrers.length > 0 && (
                <p className="small" style={{ margin: 0 }}>
                  Referrers:{' '}
                  {p.referrers
                    .slice(0, 4)
                    .map((r) => `${referrerName(r.referrer)} ${fmtInt(r.pageViews)}`)
                    .join(' · ')}
                </p>
              )}
              {p.note && (
                <p className="small muted" style={{ margin: '0.2rem 0 0' }}>
                  Your note: “{p.note}”
                </p>
              )}
            </div>
            <div>
              <p className={`small ${styles.target}`} data-testid="plan-target">
                <strong>{targetText(p.redirect)}</strong>
                <br />
                <span className="muted">
                  {p.redirect.chosenByAuthor
                    ? 'chosen by you'
                    : best && p.redirect.kind === 'post'
                      ? `suggested: the most similar kept post by title and tags (similarity ${best.score.toFixed(2)})`
                      : 'suggested: no kept post is similar enough'}
                  {p.redirect.remark ? `; ${p.redirect.remark}` : ''}
                </span>
              </p>
              <RedirectEditor
                postId={p.id}
                current={{ value, url: p.redirect.kind === 'url' ? p.redirect.to : null }}
                choices={choices}
                chosenByAuthor={p.redirect.chosenByAuthor}
                action={action}
              />
            </div>
          </section>
        );
      })}
    </div>
  );
}
