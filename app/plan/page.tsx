import { connection } from 'next/server';
import { setRedirectAction } from '@/app/plan/actions';
import { ExportLinks } from '@/components/plan/ExportLinks';
import { PlanPostList } from '@/components/plan/PlanPostList';
import { PlanSummary } from '@/components/plan/PlanSummary';
import { getDb } from '@/db/client';
import { getCullPlan } from '@/db/queries/plan';
import { getSettings } from '@/db/settings';

// The cull plan: what the culled posts cost (shown first), where their visitors go, then the exports.
export default async function PlanPage() {
  await connection();
  const db = getDb();
  const plan = getCullPlan(db, getSettings(db).siteUrl);
  return (
    <>
      <h1>Cull plan</h1>
      <p className="lede">
        What removing the posts you marked <strong>cull</strong> costs, and where their readers should land instead.
        Tend deletes nothing: you take these files to your web server or blog.
      </p>
      {plan.posts.length === 0 ? (
        <p className="panel" data-testid="plan-empty">
          No post is marked cull yet. Decide on the <a href="/review">review queue</a> or a post's page; the plan
          appears here.
        </p>
      ) : (
        <>
          <PlanSummary plan={plan} />
          <h2>The posts, most read first</h2>
          <PlanPostList plan={plan} action={setRedirectAction} />
          <h2 id="exports">Export</h2>
          <p className="small muted">
            Redirect rules for your server (301 to the target, 410 for gone), the decisions, and a zip of every culled
            post as Markdown, so nothing is lost. The same files: <code>npm run export -- plan --format NAME</code>.
          </p>
          <ExportLinks />
        </>
      )}
    </>
  );
}
