import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { setDecisionAction } from '@/app/actions';
import { setLabelFormAction, undoEventAction } from '@/app/posts/actions';
import { undoAction } from '@/app/review/actions';
import { fmtInt } from '@/components/Badges';
import { HighlightedText } from '@/components/HighlightedText';
import { AuthorshipPanel } from '@/components/post/AuthorshipPanel';
import { DecisionPanel } from '@/components/post/DecisionPanel';
import { MetricsPanel } from '@/components/post/MetricsPanel';
import { TrafficPanel } from '@/components/post/TrafficPanel';
import { getDb } from '@/db/client';
import { getAuthorshipPanelData } from '@/db/queries/authorship';
import { listPostDecisionHistory } from '@/db/queries/history';
import { getPostMetricsPanelData } from '@/db/queries/metrics-post';
import { getTotals } from '@/db/queries/overview';
import { getAuthorship, getPost, getPostDailyViews } from '@/db/queries/posts';
import { getRereviewOn } from '@/db/queries/review';
import { fillDays } from '@/lib/stats';

// The page composes one panel per concern (traffic, decision, authorship), each in components/post/.
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
  const events = listPostDecisionHistory(db, id);
  const publishedDay = post.publishedAt?.slice(0, 10) ?? null;
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
        · {fmtInt(post.wordCount)} words
        {post.commentCount !== null ? ` · ${fmtInt(post.commentCount)} comments` : ''}
      </p>
      <div className="stats">
        <div className="stat">
          <div className="value" data-testid="lifetime">
            {fmtInt(post.lifetimeViews)}
          </div>
          <div className="label">page views, lifetime</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(post.botHits)}</div>
          <div className="label">bot hits (not counted)</div>
        </div>
        <div className="stat">
          <div className="label">
            First and last 30 days, decay, share of traffic: see <a href="#metrics-h">Metrics</a> below (a window the
            data does not cover is left out, never counted as zero).
          </div>
        </div>
      </div>

      <div className="grid2">
        <DecisionPanel
          postId={post.id}
          decision={post.decision}
          note={post.note}
          rereviewOn={getRereviewOn(db, id)}
          events={events}
          action={setDecisionAction}
          undoAction={undoAction}
        />
        <AuthorshipPanel
          postId={post.id}
          label={post.label}
          authorship={authorship}
          data={getAuthorshipPanelData(db, id)}
          action={setLabelFormAction}
          undoAction={undoEventAction}
        />
      </div>

      <TrafficPanel
        rows={chartRows}
        daily={daily}
        start={start}
        end={end}
        lifetimeViews={post.lifetimeViews}
        publishedDay={publishedDay}
      />

      <MetricsPanel data={getPostMetricsPanelData(db, id)} />

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
