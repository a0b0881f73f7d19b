'use client';

import { useActionState } from 'react';

type Result = { ok: true; message: string; agreement?: string } | { ok: false; error: string } | null;
type Action = (prev: Result, form: FormData) => Promise<Result>;

const OPTIONS = [
  ['human', 'Human-written'],
  ['ai-assisted', 'AI-assisted'],
  ['ai-generated', 'AI-generated'],
  ['', 'Unlabelled'],
] as const;

const NAMES: Record<string, string> = {
  human: 'Human-written',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
};

function Status({ state }: { state: Result }) {
  return (
    <span role="status" aria-live="polite" className={state && !state.ok ? 'error' : 'ok'}>
      {state ? (state.ok ? state.message : state.error) : ''}
    </span>
  );
}

/**
 * The author's authorship label, with a one-click "Accept suggestion" when a suggestion exists and differs from the
 * label. Both post to the same server action (fields postId, label, setBy).
 */
export function AuthorshipForm({
  postId,
  label,
  suggested,
  action,
}: {
  postId: number;
  label: string | null;
  suggested: string | null;
  action: Action;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div>
      {suggested && suggested !== label && (
        <form action={formAction} style={{ marginBottom: '0.6rem' }} aria-label="Accept the suggestion">
          <input type="hidden" name="postId" value={postId} />
          <input type="hidden" name="label" value={suggested} />
          <input type="hidden" name="setBy" value="suggestion-accepted" />
          <button type="submit" disabled={pending} data-testid="accept-suggestion">
            Accept suggestion: {NAMES[suggested] ?? suggested}
          </button>
        </form>
      )}
      <form action={formAction} aria-label="Authorship label">
        <input type="hidden" name="postId" value={postId} />
        <div className="choice" role="radiogroup" aria-label="Authorship">
          {OPTIONS.map(([value, name]) => (
            <label key={value}>
              <input type="radio" name="label" value={value} defaultChecked={(label ?? '') === value} /> {name}
            </label>
          ))}
        </div>
        <div style={{ marginTop: '0.5rem', display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <button
            type="submit"
            className={suggested && suggested !== label ? 'secondary' : undefined}
            disabled={pending}
          >
            Save label
          </button>
          <Status state={state} />
        </div>
      </form>
    </div>
  );
}

/** "Undo" for one event of the authorship history (field eventId). */
export function UndoEventButton({ eventId, action }: { eventId: number; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center' }}>
      <input type="hidden" name="eventId" value={eventId} />
      <button type="submit" className="secondary" disabled={pending} style={{ padding: '0.05rem 0.45rem' }}>
        Undo
      </button>
      {state && !state.ok && <Status state={state} />}
    </form>
  );
}
