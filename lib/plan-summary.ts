/**
 * The cull plan as plain text, for `npm run export -- plan` (printed before any file is written). Pure.
 */
import type { CullPlan } from '../db/queries/plan';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const share = (part: number, whole: number) => {
  if (whole <= 0) return '–';
  const p = (part / whole) * 100;
  return `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;
};

/**
 * What culling costs (page views in the last 90 days and lifetime with their share of all post traffic, referrers)
 * and one line per culled post with its redirect, most read first. Ends with a newline.
 */
export function formatPlanSummary(plan: CullPlan): string {
  const t = plan.totals;
  if (t.culled === 0) return 'Cull plan: no post is marked cull yet (decide on /review or a post page).\n';
  const window = t.windowStart ? ` (${t.windowStart} to ${t.dataEnd})` : '';
  const lines = [
    `Cull plan: ${int(t.culled)} posts.`,
    `Cost: ${int(t.culledLast90)} page views in the last 90 days${window} = ${share(t.culledLast90, t.siteLast90)} of all posts' ${int(t.siteLast90)}; ${int(t.culledLifetime)} lifetime = ${share(t.culledLifetime, t.siteLifetime)} of ${int(t.siteLifetime)}.`,
    `Redirects: ${int(t.redirected)} × 301, ${int(t.gone)} × 410 gone (${int(t.chosenByAuthor)} chosen by you, the rest suggested).`,
    plan.topReferrers.length
      ? `Top referrers: ${plan.topReferrers.map((r) => `${r.referrer} ${int(r.pageViews)}`).join(', ')}.`
      : plan.hasReferrers
        ? 'Top referrers: none recorded for these posts.'
        : 'Top referrers: no referrer data (they come from access logs).',
    '',
    `${'90 days'.padStart(8)} ${'lifetime'.padStart(9)}  path -> target`,
  ];
  for (const p of plan.posts) {
    const to = p.redirect.status === 410 ? '410 gone' : `301 ${p.redirect.to}`;
    lines.push(`${int(p.last90Views).padStart(8)} ${int(p.lifetimeViews).padStart(9)}  ${p.path} -> ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
