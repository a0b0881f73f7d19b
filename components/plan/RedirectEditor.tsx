'use client';

import { useActionState, useState } from 'react';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

/**
 * Change where a culled post's visitors go: one of the most similar kept posts, the home page, a URL, or gone (410).
 * "Use the suggestion" forgets the author's choice. The page passes the server action in.
 */
export function RedirectEditor({
  postId,
  current,
  choices,
  chosenByAuthor,
  action,
}: {
  postId: number;
  /** `post:ID`, `home`, `url` or `gone`, and the URL when `url`. */
  current: { value: string; url: string | null };
  choices: { postId: number; title: string; score: number }[];
  chosenByAuthor: boolean;
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [value, setValue] = useState(current.value);
  const [target, targetPostId] = value.startsWith('post:') ? ['post', value.slice(5)] : [value, ''];
  const inList = choices.some((c) => `post:${c.postId}` === current.value);
  return (
    <form
      action={formAction}
      className="redirect-editor"
      aria-label="Redirect target"
      data-testid={`redirect-form-${postId}`}
    >
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="targetPostId" value={targetPostId} />
      <label>
        Send its visitors to
        <select value={value} onChange={(e) => setValue(e.target.value)} name="choice">
          {current.value.startsWith('post:') && !inList && (
            <option value={current.value}>the post chosen before</option>
          )}
          {choices.length > 0 && (
            <optgroup label="Similar kept posts (similarity 0–1)">
              {choices.map((c) => (
                <option key={c.postId} value={`post:${c.postId}`}>
                  {c.title.length > 60 ? `${c.title.slice(0, 59)}…` : c.title} ({c.score.toFixed(2)})
                </option>
              ))}
            </optgroup>
          )}
          <option value="home">the home page (301 to /)</option>
          <option value="url">another URL…</option>
          <option value="gone">nowhere: gone (410)</option>
        </select>
      </label>
      {value === 'url' && (
        <label style={{ marginTop: '0.3rem' }}>
          URL or path
          <input name="targetUrl" defaultValue={current.url ?? ''} placeholder="https://… or /path/" required />
        </label>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginTop: '0.4rem', flexWrap: 'wrap' }}>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        {chosenByAuthor && (
          <button type="submit" name="reset" value="1" className="secondary" disabled={pending} formNoValidate>
            Use the suggestion
          </button>
        )}
        <span role="status" aria-live="polite" className={`small ${state && !state.ok ? 'error' : 'ok'}`}>
          {state ? (state.ok ? state.message : state.error) : ''}
        </span>
      </div>
    </form>
  );
}
