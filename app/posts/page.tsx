import { connection } from 'next/server';
import { z } from 'zod';
import { CohortBadge, cohortName, DecisionBadge, fmtInt } from '@/components/Badges';
import { BulkBar } from '@/components/posts/BulkBar';
import { DEFAULT_PER_PAGE, listHref, MAX_PER_PAGE, pageWindow } from '@/components/posts/list-url';
import { Pager } from '@/components/posts/Pager';
import { getDb } from '@/db/client';
import { describeLastChange } from '@/db/queries/authorship';
import { COHORTS } from '@/db/queries/overview';
import { countPosts, listPosts, SORTS, type SortKey } from '@/db/queries/posts';
import { DECISIONS } from '@/lib/types';
import { bulkDecisionAction, bulkLabelAction, undoLastLabelAction } from './actions';

const searchSchema = z.object({
  cohort: z
    .enum(COHORTS as [string, ...string[]])
    .optional()
    .catch(undefined),
  decision: z.enum(DECISIONS).optional().catch(undefined),
  sort: z
    .enum(Object.keys(SORTS) as [SortKey, ...SortKey[]])
    .optional()
    .catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  per: z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

type Search = z.infer<typeof searchSchema>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v || undefined;
}

/** A new sort starts from the top of the list: page 1, filter and page size kept. */
function sortHref(s: Search, key: SortKey): string {
  const dir = s.sort === key && s.dir !== 'asc' ? 'asc' : 'desc';
  return listHref({ ...s, sort: key, dir, page: 1 });
}

function SortTh({
  s,
  k,
  children,
  num,
  check,
}: {
  s: Search;
  k: SortKey;
  children: string;
  num?: boolean;
  /** Put the "select every post" checkbox of the bulk bar before the heading. */
  check?: boolean;
}) {
  const active = (s.sort ?? 'published') === k;
  const arrow = active ? ((s.dir ?? 'desc') === 'asc' ? ' ↑' : ' ↓') : '';
  return (
    <th
      className={num ? 'num' : undefined}
      aria-sort={active ? ((s.dir ?? 'desc') === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      {check && (
        <input
          type="checkbox"
          data-bulk-all=""
          aria-label="Select every post on this page"
          style={{ marginRight: '0.5rem', verticalAlign: 'middle' }}
        />
      )}
      <a href={sortHref(s, k)}>
        {children}
        {arrow}
      </a>
    </th>
  );
}

export default async function PostsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const raw = await searchParams;
  const s = searchSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const db = getDb();
  const filter = { cohort: s.cohort as never, decision: s.decision, sort: s.sort, dir: s.dir, q: s.q };
  const total = countPosts(db, filter);
  const per = s.per ?? DEFAULT_PER_PAGE;
  // A page past the end (the list shrank since the link was made) shows the last page instead of nothing.
  const w = pageWindow(total, per, s.page ?? 1);
  const rows = listPosts(db, filter, { limit: per, offset: w.offset });
  const pageHref = (page: number) => (page >= 1 && page <= w.pages ? listHref({ ...s, page }) : null);
  const pager = (label: string) => (
    <Pager
      page={w.page}
      pages={w.pages}
      prevHref={pageHref(w.page - 1)}
      nextHref={pageHref(w.page + 1)}
      label={label}
    />
  );
  const last = describeLastChange(db);
  const lastChange = last
    ? `${last.count === 1 ? `“${last.title}”` : `${fmtInt(last.count)} posts`} labelled ${cohortName(last.newLabel ?? 'unlabelled')} at ${last.at.replace('T', ' ').slice(0, 16)} UTC`
    : null;
  const filterText = [s.cohort && cohortName(s.cohort), s.decision, s.q && `“${s.q}”`].filter(Boolean).join(', ');
  return (
    <>
      <h1>Posts</h1>
      <p className="lede">
        Every post in the inventory, zero-view posts included. Page views are human; bots are counted apart.
      </p>
      <form className="inline panel" method="get" action="/posts" aria-label="Filter posts">
        <label>
          Authorship
          <select name="cohort" defaultValue={s.cohort ?? ''}>
            <option value="">All</option>
            <option value="human">Human-written</option>
            <option value="ai-assisted">AI-assisted</option>
            <option value="ai-generated">AI-generated</option>
            <option value="unlabelled">Unlabelled</option>
          </select>
        </label>
        <label>
          Decision
          <select name="decision" defaultValue={s.decision ?? ''}>
            <option value="">All</option>
            <option value="undecided">Undecided</option>
            <option value="keep">Keep</option>
            <option value="cull">Cull</option>
          </select>
        </label>
        <label>
          Title or path
          <input type="search" name="q" defaultValue={s.q ?? ''} placeholder="search" />
        </label>
        {s.sort && <input type="hidden" name="sort" value={s.sort} />}
        {s.dir && <input type="hidden" name="dir" value={s.dir} />}
        {s.per && <input type="hidden" name="per" value={s.per} />}
        <button type="submit">Filter</button>
        {(s.cohort || s.decision || s.q) && <a href="/posts">Clear</a>}
      </form>
      <p className="muted small">
        <span data-testid="post-count">
          {fmtInt(total)} {total === 1 ? 'post' : 'posts'}
        </span>
        {w.pages > 1 && (
          <span data-testid="post-range">
            , showing {fmtInt(w.first)}–{fmtInt(w.last)}
          </span>
        )}
      </p>
      <BulkBar
        total={total}
        shown={rows.length}
        filter={{ cohort: s.cohort, decision: s.decision, q: s.q }}
        filterText={filterText}
        lastChange={lastChange}
        labelAction={bulkLabelAction}
        decisionAction={bulkDecisionAction}
        undoAction={undoLastLabelAction}
      />
      {pager('Pages, top')}
      <div className="table-wrap panel">
        <table data-testid="posts-table">
          <thead>
            <tr>
              <SortTh s={s} k="title" check>
                Title
              </SortTh>
              <SortTh s={s} k="published">
                Published
              </SortTh>
              <th>Authorship</th>
              <SortTh s={s} k="lifetime" num>
                Lifetime
              </SortTh>
              <SortTh s={s} k="first30" num>
                First 30 days
              </SortTh>
              <SortTh s={s} k="last30" num>
                Last 30 days
              </SortTh>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-post-id={p.id}>
                <td>
                  {/* The checkbox shares the title cell, so the table's columns stay where they were. */}
                  <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start' }}>
                    <input type="checkbox" data-bulk-id={p.id} aria-label={`Select “${p.title || p.path}”`} />
                    <div>
                      <a href={`/posts/${p.id}`}>{p.title || '(no title)'}</a>
                      <div className="muted small">{p.path}</div>
                    </div>
                  </div>
                </td>
                <td>{p.publishedAt ? p.publishedAt.slice(0, 10) : <span className="muted">{p.status}</span>}</td>
                <td>
                  {p.label ? (
                    <CohortBadge cohort={p.label} />
                  ) : p.suggestedLabel ? (
                    <CohortBadge cohort={p.suggestedLabel} suggested />
                  ) : (
                    <CohortBadge cohort="unlabelled" />
                  )}
                </td>
                <td className="num">{fmtInt(p.lifetimeViews)}</td>
                <td className="num">{fmtInt(p.first30Views)}</td>
                <td className="num">{fmtInt(p.last30Views)}</td>
                <td>
                  <DecisionBadge decision={p.decision} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">No post matches these filters.</p>}
      </div>
      {pager('Pages, bottom')}
    </>
  );
}
