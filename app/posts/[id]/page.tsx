import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { setDecisionAction, setLabelAction } from '@/app/actions';
import { AuthorshipForm } from '@/components/AuthorshipForm';
import { CohortBadge, DecisionBadge, fmtInt } from '@/components/Badges';
import { DailyViewsChart } from '@/components/charts/DailyViewsChart';
import { DecisionForm } from '@/components/DecisionForm';
import { HighlightedText } from '@/components/HighlightedText';
import { getDb } from '@/db/client';
import { getTotals } from '@/db/queries/overview';
import { getAuthorship, getPost, getPostDailyViews, listDecisionEvents } from '@/db/queries/posts';
import { fillDays } from '@/lib/stats';

export default async function PostPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getDb();
  const post = getPost(db, id);
  if (!post) notFound();
  const daily = getPostDailyViews(db, id);
  const totals = getTotals(db);
  const authorship = getAuthorship(db, id);
  const events = listDecisionEvents(db, id);
  const publishedDay = post.publishedAt?.slice(0, 10) ?? null;
  // Chart from the publish day (or first data day) to the last day of data, zero-filled.
  const start = [publishedDay, daily[0]?.day].filter(Boolean).sort()[0] as string | undefined;
  const end = totals.lastDay ?? daily[daily.length - 1]?.day;
  const pv =
    start && end && start <= end
      ? fillDays(
          daily.map((d) => ({ day: d.day, value: d.pageViews })),
          start,
          end,
        )
      : [];
  const bots = new Map(daily.map((d) => [d.day, d.botHits]));
  const chartRows = pv.map((d) => ({ day: d.day, pageViews: d.value, botHits: bots.get(d.day) ?? 0 }));
  const highlights = authorship?.signals.flatMap((s) => s.matches ?? []) ?? [];

  return (
    <>
      <p className="small">
        <a href="/posts">← All posts</a>
      </p>
      <h1 data-testid="post-title">{post.title || '(no title)'}</h1>
      <p className="lede">
        {post.publishedAt
          ? `Published ${post.publishedAt.replace('T', ' ').slice(0, 16)} UTC`
          : `Not published (${post.status})`}{' '}
        ·{' '}
        {post.url ? (
          <a href={post.url} rel="noreferrer noopener" target="_blank">
            {post.path}
          </a>
        ) : (
          <code>{post.path}</code>
        )}{' '}
        · {fmtInt(post.wordCount)} words{post.commentCount !== null ? ` · ${fmtInt(post.commentCount)} comments` : ''}
      </p>
      <div className="stats">
        <div className="stat">
          <div className="value" data-testid="lifetime">
            {fmtInt(post.lifetimeViews)}
          </div>
          <div className="label">page views, lifetime</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(post.first30Views)}</div>
          <div className="label">first 30 days after publishing</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(post.last30Views)}</div>
          <div className="label">last 30 days of data{totals.lastDay ? ` (to ${totals.lastDay})` : ''}</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(post.botHits)}</div>
          <div className="label">bot hits (not counted)</div>
        </div>
      </div>

      <div className="grid2">
        <section className="panel" aria-labelledby="decision-h">
          <h2 id="decision-h" style={{ marginTop: 0 }}>
            Keep or cull? <DecisionBadge decision={post.decision} />
          </h2>
          <DecisionForm postId={post.id} decision={post.decision} note={post.note} action={setDecisionAction} />
          <h3 className="small muted" style={{ marginBottom: 0 }}>
            History
          </h3>
          {events.length === 0 ? (
            <p className="muted small">No decision yet.</p>
          ) : (
            <ul className="small" data-testid="decision-history">
              {events.map((e) => (
                <li key={e.id}>
                  {e.at.replace('T', ' ').slice(0, 16)} UTC: {e.oldDecision} → <strong>{e.newDecision}</strong>
                  {e.note && <> — “{e.note}”</>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="authorship-h">
          <h2 id="authorship-h" style={{ marginTop: 0 }}>
            Authorship {post.label ? <CohortBadge cohort={post.label} /> : <CohortBadge cohort="unlabelled" />}
          </h2>
          <AuthorshipForm
            postId={post.id}
            label={post.label}
            suggested={authorship?.suggestedLabel ?? null}
            action={setLabelAction}
          />
          {authorship && (
            <div className="small" style={{ marginTop: '0.75rem' }}>
              {authorship.suggestedLabel ? (
                <p>
                  Suggested: <CohortBadge cohort={authorship.suggestedLabel} suggested />{' '}
                  {authorship.score !== null && (
                    <span className="muted">
                      AI score {authorship.score}% ({authorship.band?.replace('-', ' ')})
                    </span>
                  )}
                </p>
              ) : (
                <p className="muted">No suggestion{authorship.reason ? `: ${authorship.reason}` : ''}.</p>
              )}
              {authorship.signals.length > 0 && (
                <>
                  <p className="muted" style={{ marginBottom: 0 }}>
                    Signals that fired (weight: + towards AI, − towards human):
                  </p>
                  <ul className="signals" data-testid="signals">
                    {authorship.signals.map((s) => (
                      <li key={s.id}>
                        <strong>{s.label}</strong> ({s.weight > 0 ? '+' : ''}
                        {s.weight}): {s.detail}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {authorship.setBy && (
                <p className="muted">
                  Label set by {authorship.setBy} on {authorship.setAt?.slice(0, 10)}.
                </p>
              )}
            </div>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="daily-h">
        <h2 id="daily-h" style={{ marginTop: 0 }}>
          Daily page views
        </h2>
        <p className="chart-caption">
          n = {fmtInt(chartRows.length)} days{start && end ? ` (${start} to ${end})` : ''}; {fmtInt(post.lifetimeViews)}{' '}
          page views in all.
        </p>
        {chartRows.length > 0 ? (
          <DailyViewsChart data={chartRows} publishedDay={publishedDay} />
        ) : (
          <p className="muted">No traffic for this post yet.</p>
        )}
        <details>
          <summary>The numbers (days with traffic)</summary>
          <table>
            <thead>
              <tr>
                <th>Day</th>
                <th className="num">Page views</th>
                <th className="num">Bot hits</th>
              </tr>
            </thead>
            <tbody>
              {daily.map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td className="num">{fmtInt(d.pageViews)}</td>
                  <td className="num">{fmtInt(d.botHits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section className="panel">
        <details>
          <summary>Post text ({fmtInt(post.wordCount)} words; phrases that fired a signal are highlighted)</summary>
          <div className="post-text">
            <HighlightedText text={post.content} phrases={highlights} />
          </div>
        </details>
      </section>
    </>
  );
}
