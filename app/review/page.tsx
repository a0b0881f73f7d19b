import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { reviewDecideAction, undoAction } from '@/app/review/actions';
import { fmtInt } from '@/components/Badges';
import { UndoLastButton } from '@/components/history/UndoLastButton';
import { ReviewDetails, ReviewSummary } from '@/components/review/ReviewCard';
import { ReviewControls } from '@/components/review/ReviewControls';
import styles from '@/components/review/review.module.css';
import { getDb } from '@/db/client';
import { getCullSuggestion } from '@/db/queries/cull-suggestions';
import {
  getReviewPost,
  listReviewWorklist,
  parseReviewOrder,
  REVIEW_ORDERS,
  type ReviewOrder,
  reviewNeighbours,
  reviewProgress,
  siteDay,
} from '@/db/queries/review';
import { getSettings } from '@/db/settings';
import { livePostUrl } from '@/lib/plan-urls';

const href = (order: ReviewOrder, post?: number | null) => `/review?order=${order}${post ? `&post=${post}` : ''}`;

// One post at a time from today's worklist; ?order= picks the order, ?post= the post (else the first still to decide).
export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const sp = await searchParams;
  const order = parseReviewOrder(sp.order);
  const rawPost = typeof sp.post === 'string' ? Number(sp.post) : null;
  const db = getDb();
  const settings = getSettings(db);
  const today = siteDay(settings.timeZone);
  const items = listReviewWorklist(db, order, today);
  const progress = reviewProgress(items);
  const currentId =
    rawPost !== null && Number.isInteger(rawPost) && rawPost > 0 ? rawPost : (items.find((i) => i.pending)?.id ?? null);
  const post = currentId !== null ? getReviewPost(db, currentId) : undefined;
  if (rawPost !== null && !post) notFound();
  const nav = reviewNeighbours(items, currentId);
  const pct = progress.total ? Math.round((progress.decidedToday / progress.total) * 100) : 100;

  return (
    <>
      <div className={styles.top}>
        <h1>Review</h1>
        <nav className={styles.orders} aria-label="Order">
          {(Object.keys(REVIEW_ORDERS) as ReviewOrder[]).map((o) => (
            <a key={o} href={href(o)} aria-current={o === order ? 'page' : undefined}>
              {REVIEW_ORDERS[o].label}
            </a>
          ))}
        </nav>
      </div>
      <p className={styles.progress} data-testid="review-progress">
        {fmtInt(progress.decidedToday)} of {fmtInt(progress.total)} decided today
        <span className="muted" style={{ fontWeight: 400 }}>
          {' '}
          · {fmtInt(progress.remaining)} still to decide
          {nav.index >= 0 ? ` · this is ${nav.index + 1} of ${progress.total}` : ''} · today is {today.day} (
          {settings.timeZone})
        </span>
      </p>
      <div className={styles.bar} aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </div>
      {!post ? (
        <section className="panel" data-testid="review-done">
          <h2 style={{ marginTop: 0 }}>Nothing left to decide</h2>
          <p>
            Every published post has a decision. Kept posts with a re-review date come back here on that day. Next: see
            what the culled posts cost and where they should redirect on the <a href="/plan">cull plan</a>, or look back
            at the <a href="/history">history</a>.
          </p>
          <UndoLastButton action={undoAction} redirectTo={href(order).concat('&post=POST_ID')} />
        </section>
      ) : (
        <>
          <ReviewSummary
            post={post}
            liveUrl={livePostUrl(settings.siteUrl, post.path, post.url)}
            suggestion={getCullSuggestion(db, post.id)}
            today={today.day}
          />
          <div className={styles.layout}>
            <ReviewDetails post={post} />
            <ReviewControls
              postId={post.id}
              note={post.note}
              rereviewOn={post.rereviewOn}
              today={today.day}
              urls={{
                next: nav.next ? href(order, nav.next) : null,
                prev: nav.prev ? href(order, nav.prev) : null,
                nextPending: nav.nextPending ? href(order, nav.nextPending) : null,
                post: href(order).concat('&post=POST_ID'),
                base: href(order),
              }}
              decide={reviewDecideAction}
              undo={undoAction}
            />
          </div>
        </>
      )}
    </>
  );
}
