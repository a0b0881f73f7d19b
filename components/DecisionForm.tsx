'use client';

import { useActionState, useState } from 'react';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

/**
 * Keep / cull / undecided radio group with a note, and for a kept post a re-review date (the post comes back to the
 * review queue that day; empty for never). The page passes the server action in.
 */
export function DecisionForm({
  postId,
  decision,
  note,
  rereviewOn = null,
  action,
}: {
  postId: number;
  decision: string;
  note: string;
  rereviewOn?: string | null;
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [chosen, setChosen] = useState(decision);
  return (
    <form action={formAction} aria-label="Decision">
      <input type="hidden" name="postId" value={postId} />
      <div className="choice" role="radiogroup" aria-label="Keep or cull">
        {['keep', 'cull', 'undecided'].map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="decision"
              value={d}
              defaultChecked={decision === d}
              onChange={(e) => e.target.checked && setChosen(d)}
            />{' '}
            {d[0].toUpperCase() + d.slice(1)}
          </label>
        ))}
      </div>
      <label style={{ marginTop: '0.5rem' }}>
        Note
        <textarea name="note" defaultValue={note} maxLength={5000} placeholder="Why keep or cull? (optional)" />
      </label>
      {chosen === 'keep' ? (
        <label style={{ marginTop: '0.5rem' }}>
          Re-review on (optional: the post comes back to the review queue that day)
          <input type="date" name="rereviewOn" defaultValue={rereviewOn ?? ''} data-testid="rereview-date" />
        </label>
      ) : (
        <input type="hidden" name="rereviewOn" value="" />
      )}
      <div style={{ marginTop: '0.5rem', display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save decision'}
        </button>
        <span role="status" aria-live="polite" className={state && !state.ok ? 'error' : 'ok'}>
          {state ? (state.ok ? state.message : state.error) : ''}
        </span>
      </div>
    </form>
  );
}
