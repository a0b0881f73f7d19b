import { AuthorshipForm } from '@/components/AuthorshipForm';
import { CohortBadge } from '@/components/Badges';
import type { SuggestionRow } from '@/db/queries/posts';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

/** The author's authorship label, the suggestion with its score and the signals that fired. */
export function AuthorshipPanel({
  postId,
  label,
  authorship,
  action,
}: {
  postId: number;
  label: string | null;
  authorship: SuggestionRow | undefined;
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  return (
    <section className="panel" aria-labelledby="authorship-h">
      <h2 id="authorship-h" style={{ marginTop: 0 }}>
        Authorship {label ? <CohortBadge cohort={label} /> : <CohortBadge cohort="unlabelled" />}
      </h2>
      <AuthorshipForm postId={postId} label={label} suggested={authorship?.suggestedLabel ?? null} action={action} />
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
  );
}
