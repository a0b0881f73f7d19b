import { AuthorshipForm, UndoEventButton } from '@/components/AuthorshipForm';
import { CohortBadge, cohortName } from '@/components/Badges';
import type { AuthorshipEventRow, AuthorshipPanelData } from '@/db/queries/authorship';
import type { SuggestionRow } from '@/db/queries/posts';
import { describeAgreement } from '@/lib/authorship/agreement-words';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;
type Action = (prev: Result, form: FormData) => Promise<Result>;

const BAND_WORDS: Record<string, string> = {
  'likely-human': 'likely human',
  unclear: 'unclear',
  'likely-ai': 'likely AI',
};

const WHO: Record<string, string> = {
  author: 'you',
  'suggestion-accepted': 'you, accepting the suggestion',
  import: 'the import (source tag)',
};

function fmtWeight(w: number): string {
  if (w === 0) return '±0';
  return `${w > 0 ? '+' : '−'}${Math.abs(w)
    .toFixed(2)
    .replace(/\.?0+$/, '')}`;
}

function HistoryItem({ e, undoAction }: { e: AuthorshipEventRow; undoAction: Action }) {
  return (
    <li>
      <span className="muted">{e.at.replace('T', ' ').slice(0, 16)}</span> {cohortName(e.oldLabel ?? 'unlabelled')} →{' '}
      <strong>{cohortName(e.newLabel ?? 'unlabelled')}</strong> by {WHO[e.setBy] ?? e.setBy}
      {e.undoes ? ' (undo)' : ''}
      {e.undone ? (
        <span className="muted"> · undone</span>
      ) : (
        <>
          {' '}
          <UndoEventButton eventId={e.id} action={undoAction} />
        </>
      )}
    </li>
  );
}

/**
 * The post's authorship: the author's label (one click accepts the suggestion), the suggestion with its band and
 * score (rules and learned model apart), how well suggestions agree with the author's labels, every signal that
 * fired with its weight, and the label history with undo. Matched phrases are highlighted in the post text by
 * the page (HighlightedText).
 */
export function AuthorshipPanel({
  postId,
  label,
  authorship,
  data,
  action,
  undoAction,
}: {
  postId: number;
  label: string | null;
  authorship: SuggestionRow | undefined;
  data: AuthorshipPanelData;
  action: Action;
  undoAction: Action;
}) {
  const a = authorship;
  const signals = a?.signals ?? [];
  const phrases = [...new Set(signals.flatMap((s) => s.matches ?? []))];
  return (
    <section className="panel" aria-labelledby="authorship-h" data-testid="authorship-panel">
      <h2 id="authorship-h" style={{ marginTop: 0 }}>
        Authorship {label ? <CohortBadge cohort={label} /> : <CohortBadge cohort="unlabelled" />}
      </h2>
      {a?.setBy && label && (
        <p className="muted small" style={{ marginTop: 0 }}>
          Labelled by {WHO[a.setBy] ?? a.setBy} on {a.setAt?.slice(0, 10)}.
        </p>
      )}
      <AuthorshipForm postId={postId} label={label} suggested={a?.suggestedLabel ?? null} action={action} />
      {a && (
        <div className="small" style={{ marginTop: '0.75rem' }} data-testid="suggestion">
          {a.suggestedLabel ? (
            <p style={{ marginBottom: '0.25rem' }}>
              Tend suggests <CohortBadge cohort={a.suggestedLabel} suggested />{' '}
              <strong>{BAND_WORDS[a.band ?? ''] ?? a.band}</strong>
              {a.score !== null && <span className="muted"> (AI score {a.score}%)</span>}
            </p>
          ) : (
            <p style={{ marginBottom: '0.25rem' }}>
              No suggestion{a.reason ? `: ${a.reason}` : ''}
              {a.score !== null && a.reason === 'signals are mixed' ? ` (AI score ${a.score}%, unclear)` : ''}.
            </p>
          )}
          {data.ruleScore !== null && a.reason !== 'too short to judge' && (
            <p className="muted" style={{ margin: 0 }}>
              Rules {data.ruleScore}%
              {data.modelScore !== null
                ? ` · learned from your labels ${data.modelScore}% (counts ${Math.round(data.modelShare * 100)}% of the score${label ? ', trained without this post' : ''})`
                : ''}
              . Under 30% suggests human, 60% AI-assisted, 80% AI-generated.
            </p>
          )}
          <p data-testid="agreement" style={{ marginTop: '0.4rem' }}>
            {describeAgreement(data.model)}
          </p>
          {signals.length > 0 && (
            <>
              <p className="muted" style={{ marginBottom: 0 }}>
                Signals that fired (weight in log-odds: + towards AI, − towards human):
              </p>
              <ul className="signals" data-testid="signals">
                {signals.map((s) => (
                  <li key={s.id}>
                    <strong>{s.label}</strong> ({fmtWeight(s.weight)}): {s.detail}
                  </li>
                ))}
              </ul>
              {phrases.length > 0 && (
                <p className="muted" style={{ margin: 0 }}>
                  {phrases.length} matched {phrases.length === 1 ? 'phrase is' : 'phrases are'} highlighted in the post
                  text below.
                </p>
              )}
            </>
          )}
        </div>
      )}
      <h3 style={{ fontSize: '0.95rem', marginBottom: '0.25rem' }}>Label history</h3>
      {data.events.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          No label changes yet.
        </p>
      ) : (
        <ul className="small" data-testid="authorship-history" style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {data.events.map((e) => (
            <HistoryItem key={e.id} e={e} undoAction={undoAction} />
          ))}
        </ul>
      )}
    </section>
  );
}
