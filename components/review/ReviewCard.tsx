import { CohortBadge, DecisionBadge, fmtInt } from '@/components/Badges';
import { MonthlyViewsChart } from '@/components/review/MonthlyViewsChart';
import type { CullSuggestion } from '@/db/queries/cull-suggestions';
import type { ReviewPost } from '@/db/queries/review';
import styles from './review.module.css';

const VERDICT_CLASS: Record<string, string> = {
  keep: 'verdictKeep',
  review: 'verdictReview',
  'cull-candidate': 'verdictCull',
};

const VERDICT_TEXT: Record<string, string> = {
  keep: 'Suggestion: keep',
  review: 'Suggestion: look closer',
  'cull-candidate': 'Suggestion: cull candidate',
};

/** Excerpt length of the post text before "show all". */
const EXCERPT_CHARS = 700;

/**
 * The top of the review card for one post: title, publish date, authorship, current decision, live link, the key
 * numbers and the suggestion with its reasons.
 */
export function ReviewSummary({
  post,
  liveUrl,
  suggestion,
  today,
}: {
  post: ReviewPost;
  liveUrl: string | null;
  suggestion: CullSuggestion | null;
  today: string;
}) {
  const due = post.decision === 'keep' && post.rereviewOn && post.rereviewOn <= today;
  return (
    <header>
      <h2 id="review-title" data-testid="review-title" style={{ margin: '0.25rem 0' }}>
        {post.title || '(no title)'}
      </h2>
      <p className="lede">
        {post.publishedAt ? `Published ${post.publishedAt.slice(0, 10)}` : 'Not published'} ·{' '}
        {post.label ? (
          <CohortBadge cohort={post.label} />
        ) : post.suggestedLabel ? (
          <CohortBadge cohort={post.suggestedLabel} suggested />
        ) : (
          <CohortBadge cohort="unlabelled" />
        )}{' '}
        · {fmtInt(post.wordCount)} words · now <DecisionBadge decision={post.decision} /> ·{' '}
        {liveUrl ? (
          <a href={liveUrl} target="_blank" rel="noreferrer noopener" data-testid="live-link">
            Open the live post ↗
          </a>
        ) : (
          <code>{post.path}</code>
        )}
      </p>
      {due && (
        <p className="warn small" data-testid="rereview-due">
          Kept earlier with a re-review date of {post.rereviewOn}: it is back for another look.
          {post.note ? ` Your note: “${post.note}”` : ''}
        </p>
      )}
      <div className="stats review-stats">
        <div className="stat">
          <div className="value" data-testid="review-lifetime">
            {fmtInt(post.lifetimeViews)}
          </div>
          <div className="label">page views, lifetime</div>
        </div>
        <div className="stat">
          <div className="value" data-testid="review-last90">
            {fmtInt(post.last90Views)}
          </div>
          <div className="label">last 90 days{post.dataEnd ? ` (to ${post.dataEnd})` : ''}</div>
        </div>
        <div className="stat">
          <div className="value">{fmtInt(post.first30Views)}</div>
          <div className="label">first 30 days after publishing</div>
        </div>
        <div className="stat">
          <div className="value">{post.lastViewDay ?? 'never'}</div>
          <div className="label">last human page view</div>
        </div>
      </div>
      <section
        className={`panel ${styles.suggestion} ${suggestion ? styles[VERDICT_CLASS[suggestion.verdict]] : ''}`}
        aria-label="Suggestion"
        data-testid="suggestion"
      >
        <strong>{suggestion ? VERDICT_TEXT[suggestion.verdict] : 'No suggestion (not published)'}</strong>
        {suggestion && (
          <ul className="small" style={{ margin: '0.3rem 0 0' }}>
            {suggestion.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </section>
    </header>
  );
}

/** The rest of the card: page views per month (chart and numbers as text) and the post's text, expandable. */
export function ReviewDetails({ post }: { post: ReviewPost }) {
  const total = post.months.reduce((a, m) => a + m.pageViews, 0);
  const excerpt =
    post.content.length > EXCERPT_CHARS ? `${post.content.slice(0, EXCERPT_CHARS).trimEnd()}…` : post.content;
  return (
    <div>
      <section className="panel" aria-label="Page views per month">
        <p className="chart-caption" style={{ marginTop: 0 }}>
          Human page views per month: n = {post.months.length} months, {fmtInt(total)} page views in all.
        </p>
        {post.months.length > 0 ? <MonthlyViewsChart data={post.months} /> : <p className="muted">No traffic yet.</p>}
        <details>
          <summary>The numbers</summary>
          <p className="small">{post.months.map((m) => `${m.month}: ${fmtInt(m.pageViews)}`).join(' · ')}</p>
        </details>
      </section>
      <section className="panel" aria-label="Post text">
        <p className={styles.excerpt}>{excerpt || <span className="muted">(no text imported)</span>}</p>
        {post.content.length > EXCERPT_CHARS && (
          <details>
            <summary>Show the whole text ({fmtInt(post.wordCount)} words)</summary>
            <div className="post-text">{post.content}</div>
          </details>
        )}
      </section>
    </div>
  );
}
