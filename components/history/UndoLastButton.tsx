'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

type Result = { ok: true; message: string; postId?: number } | { ok: false; error: string; needsConfirm?: boolean };

/**
 * "Undo the last decision" button: takes back the newest decision still in force. When that would replace a later
 * change on the same post it shows what would happen and asks again. `redirectTo` (with `POST_ID` in it) opens the
 * post that was undone; without it the page refreshes.
 */
export function UndoLastButton({
  action,
  redirectTo,
}: {
  action: (input: { confirm?: boolean }) => Promise<Result>;
  redirectTo?: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<{ text: string; error?: boolean; confirm?: boolean }>({ text: '' });
  const run = (confirm = false) =>
    start(async () => {
      const r = await action({ confirm });
      if (!r.ok) return setMsg({ text: r.error, error: true, confirm: r.needsConfirm });
      setMsg({ text: r.message });
      if (redirectTo && r.postId) router.push(redirectTo.replace('POST_ID', String(r.postId)));
      else router.refresh();
    });
  return (
    <div style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', flexWrap: 'wrap' }}>
      <button type="button" className="secondary" disabled={pending} onClick={() => run()} data-testid="undo-last">
        {pending ? 'Undoing…' : 'Undo the last decision'}
      </button>
      {msg.confirm && !pending && (
        <button type="button" onClick={() => run(true)}>
          Undo anyway
        </button>
      )}
      <span role="status" aria-live="polite" className={`small ${msg.error ? 'error' : 'ok'}`}>
        {msg.text}
      </span>
    </div>
  );
}
