import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_FORMATS } from '../../lib/plan-export';
import type { Db } from '../client';
import { importViewsFile } from '../import-views';
import { importPostsFile } from '../importers';
import { setDecision } from '../mutations/decisions';
import { clearRedirect, setRedirect } from '../mutations/redirects';
import { ownFixture, tempDb } from '../test-helpers';
import { getCullPlan } from './plan';
import { getPlanExportInput } from './plan-export';

// Facts of fixtures/pruning (see its README): posts 1..6, data to 2024-12-31.
let t: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(async () => {
  t = tempDb();
  db = t.db;
  await importPostsFile(db, ownFixture('pruning', 'feed.xml'));
  await importViewsFile(db, ownFixture('pruning', 'views.csv'));
  for (const id of [1, 3]) setDecision(db, id, 'keep', '');
  for (const id of [2, 4, 5]) setDecision(db, id, 'cull', id === 4 ? '=2+2 thin' : '');
});
afterEach(() => t.cleanup());

const byId = (plan: ReturnType<typeof getCullPlan>, id: number) => plan.posts.find((p) => p.id === id);

describe('getCullPlan: the cost', () => {
  it('sums the culled posts’ page views in the last 90 days and lifetime, with all posts’ totals for the share', () => {
    const { totals, posts } = getCullPlan(db, '');
    expect(totals).toMatchObject({
      culled: 3,
      culledLast90: 7,
      culledLifetime: 34,
      siteLast90: 82,
      siteLifetime: 259,
      windowStart: '2024-10-03',
      dataEnd: '2024-12-31',
    });
    expect(posts.map((p) => [p.id, p.last90Views, p.lifetimeViews])).toEqual([
      [2, 5, 15],
      [5, 2, 15],
      [4, 0, 4],
    ]);
  });

  it('lists referrers per post and overall, most first, when the access log has them', () => {
    expect(getCullPlan(db, '').hasReferrers).toBe(false);
    const ins = db.$client.prepare(
      "insert into post_referrers (post_id, source, origin, referrer, page_views) values (?, 'access-log', ?, ?, ?)",
    );
    ins.run(2, 'log-a', 'news.ycombinator.com', 3);
    ins.run(2, 'log-b', 'news.ycombinator.com', 2);
    ins.run(2, 'log-a', '(direct)', 4);
    ins.run(5, 'log-a', 'www.google.com', 1);
    ins.run(1, 'log-a', 'kept.example', 99); // a kept post: not part of the cost
    const plan = getCullPlan(db, '');
    expect(plan.hasReferrers).toBe(true);
    expect(byId(plan, 2)?.referrers).toEqual([
      { referrer: 'news.ycombinator.com', pageViews: 5 },
      { referrer: '(direct)', pageViews: 4 },
    ]);
    expect(plan.topReferrers.map((r) => r.referrer)).toEqual(['news.ycombinator.com', '(direct)', 'www.google.com']);
  });
});

describe('getCullPlan: redirect targets', () => {
  it('suggests the most similar kept post, or the home page when nothing is similar', () => {
    const plan = getCullPlan(db, 'https://allotment.example');
    expect(byId(plan, 2)?.redirect).toMatchObject({
      kind: 'post',
      targetPostId: 1,
      to: '/2024/01/runner-beans-wigwam/',
      chosenByAuthor: false,
    });
    expect(byId(plan, 4)?.redirect).toMatchObject({ kind: 'home', to: '/', chosenByAuthor: false });
    expect(byId(plan, 2)?.liveUrl).toBe('https://allotment.example/2024/02/runner-beans-five-facts/');
    expect(plan.choices.get(2)?.[0]).toMatchObject({ postId: 1, title: 'Growing runner beans up a wigwam' });
  });

  it("uses the author's choice, follows a culled target to its own target, and goes back to the suggestion on reset", () => {
    setRedirect(db, { postId: 5, target: 'gone' });
    setRedirect(db, { postId: 4, target: 'post', targetPostId: 2 }); // 2 is culled: follow it to 1
    let plan = getCullPlan(db, '');
    expect(byId(plan, 5)?.redirect).toMatchObject({ kind: 'gone', status: 410, to: null, chosenByAuthor: true });
    expect(byId(plan, 4)?.redirect).toMatchObject({ kind: 'post', targetPostId: 1, chosenByAuthor: true });
    expect(byId(plan, 4)?.redirect.remark).toMatch(/culled too/);
    expect(plan.totals).toMatchObject({ redirected: 2, gone: 1, chosenByAuthor: 2 });
    clearRedirect(db, 4);
    plan = getCullPlan(db, '');
    expect(byId(plan, 4)?.redirect).toMatchObject({ kind: 'home', chosenByAuthor: false });
  });

  it('ends a loop of culled targets at the home page', () => {
    setRedirect(db, { postId: 2, target: 'post', targetPostId: 4 });
    setRedirect(db, { postId: 4, target: 'post', targetPostId: 2 });
    const plan = getCullPlan(db, '');
    expect(byId(plan, 2)?.redirect).toMatchObject({ kind: 'home', to: '/' });
    expect(byId(plan, 2)?.redirect.remark).toMatch(/circle|culled too/);
  });

  it('refuses bad choices with a reason', () => {
    expect(() => setRedirect(db, { postId: 2, target: 'post', targetPostId: 2 })).toThrow(/itself/);
    expect(() => setRedirect(db, { postId: 2, target: 'post', targetPostId: 99 })).toThrow(/99 does not exist/);
    expect(() => setRedirect(db, { postId: 2, target: 'url', targetUrl: 'javascript:alert(1)' })).toThrow(/http/);
    setRedirect(db, { postId: 2, target: 'url', targetUrl: 'https://elsewhere.example/a b' });
    expect(byId(getCullPlan(db, ''), 2)?.redirect.to).toBe('https://elsewhere.example/a%20b');
  });
});

describe('plan exports from the database', () => {
  it('writes the culled paths (decoded for nginx, permalink form for Redirection) and every post in the decisions CSV', () => {
    setRedirect(db, { postId: 5, target: 'gone' });
    const { input } = getPlanExportInput(db, new Date('2025-01-02T00:00:00Z'));
    const nginx = PLAN_FORMATS.nginx.render(input) as string;
    expect(nginx).toContain('location = "/2024/05/café-walk-(old)/" { return 410; }');
    expect(nginx).toContain(
      'location = "/2024/02/runner-beans-five-facts" { return 301 "/2024/01/runner-beans-wigwam/"; }',
    );
    expect(nginx).not.toContain('waxing'); // kept posts are never redirected
    const red = parse(PLAN_FORMATS['redirection-csv'].render(input) as string, { columns: true }) as Record<
      string,
      string
    >[];
    expect(red.map((r) => [r.source, r.code])).toEqual([
      ['/2024/02/runner-beans-five-facts/', '301'],
      ['/2024/05/café-walk-(old)/', '410'],
      ['/2024/04/quantum-computing-explained/', '301'],
    ]);
    const dec = parse(PLAN_FORMATS['decisions-csv'].render(input) as string, { columns: true }) as Record<
      string,
      string
    >[];
    expect(dec).toHaveLength(6);
    expect(dec.find((r) => r.id === '4')).toMatchObject({ decision: 'cull', note: "'=2+2 thin", redirect: '301 /' });
    expect(dec.find((r) => r.id === '6')).toMatchObject({
      decision: 'undecided',
      decided_at: '',
      last_90_days_page_views: '25',
    });
  });
});
