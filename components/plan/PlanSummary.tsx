import { fmtInt } from '@/components/Badges';
import type { CullPlan } from '@/db/queries/plan';
import styles from './plan.module.css';

/** A share as a percentage: one decimal under 10 %, a dash when there is nothing to divide by. */
export function fmtShare(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const p = (part / whole) * 100;
  return `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

/** A referrer host as a person reads it: `(direct)` and `(internal)` (links from the blog itself) in words. */
export function referrerName(host: string): string {
  if (host === '(direct)') return 'direct / no referrer';
  if (host === '(internal)') return 'your own pages';
  return host;
}

/** What the culled posts cost, before any export: page views (90 days, lifetime), their share, and who links to them. */
export function PlanSummary({ plan }: { plan: CullPlan }) {
  const t = plan.totals;
  return (
    <>
      <div className="stats" data-testid="plan-totals">
        <div className="stat">
          <div className="value" data-testid="plan-culled">
            {fmtInt(t.culled)}
          </div>
          <div className="label">posts to cull</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="plan-last90">
            {fmtInt(t.culledLast90)}
          </div>
          <div className="label">
            page views in the last 90 days{t.windowStart ? ` (${t.windowStart} to ${t.dataEnd})` : ''}:{' '}
            <strong data-testid="plan-share90">{fmtShare(t.culledLast90, t.siteLast90)}</strong> of{' '}
            {fmtInt(t.siteLast90)} on all posts
          </div>
        </div>
        <div className="stat">
          <div className="value" data-testid="plan-lifetime">
            {fmtInt(t.culledLifetime)}
          </div>
          <div className="label">
            page views, lifetime: <strong>{fmtShare(t.culledLifetime, t.siteLifetime)}</strong> of{' '}
            {fmtInt(t.siteLifetime)}
          </div>
        </div>
        <div className="stat">
          <div className="value">
            {fmtInt(t.redirected)} / {fmtInt(t.gone)}
          </div>
          <div className="label">
            redirected (301) / gone (410); {fmtInt(t.chosenByAuthor)} chosen by you, the rest suggested
          </div>
        </div>
      </div>
      <section className="panel" aria-labelledby="refs-h">
        <h2 id="refs-h" style={{ marginTop: 0 }}>
          Who sends readers to them
        </h2>
        {plan.topReferrers.length > 0 ? (
          <ol className={styles.refs} data-testid="plan-referrers">
            {plan.topReferrers.map((r) => (
              <li key={r.referrer}>
                {referrerName(r.referrer)}: {fmtInt(r.pageViews)} page views
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted small" style={{ margin: 0 }}>
            {plan.hasReferrers
              ? 'The access logs show no referrer for these posts.'
              : 'No referrer data yet: referrers come from web server access logs (npm run import -- views access.log). Analytics exports do not carry them.'}
          </p>
        )}
      </section>
    </>
  );
}
