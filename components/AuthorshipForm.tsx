'use client';

import { useActionState } from 'react';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

const OPTIONS = [
  ['human', 'Human-written'],
  ['ai-assisted', 'AI-assisted'],
  ['ai-generated', 'AI-generated'],
  ['', 'Unlabelled'],
] as const;

/** The author's authorship label, with a one-click "accept suggestion" when a suggestion exists. */
export function AuthorshipForm({
  postId,
  label,
  suggested,
  action,
}: {
  postId: number;
  label: string | null;
  suggested: string | null;
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div>
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
          <button type="submit" disabled={pending}>
            Save label
          </button>
          <span role="status" aria-live="polite" className={state && !state.ok ? 'error' : 'ok'}>
            {state ? (state.ok ? state.message : state.error) : ''}
          </span>
        </div>
      </form>
      {suggested && !label && (
        <form action={formAction} style={{ marginTop: '0.5rem' }}>
          <input type="hidden" name="postId" value={postId} />
          <input type="hidden" name="label" value={suggested} />
          <input type="hidden" name="setBy" value="suggestion-accepted" />
          <button type="submit" className="secondary" disabled={pending}>
            Accept suggestion ({suggested})
          </button>
        </form>
      )}
    </div>
  );
}
