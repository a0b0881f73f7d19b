'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

type Result = { ok: true; message: string; postId?: number } | { ok: false; error: string; needsConfirm?: boolean };

/**
 * Undo one decision event. When later decisions on the same post are in force (`laterInForce` > 0) the first click
 * only asks: the server says what will happen ("goes back to keep … replaces 2 later decisions"), and a second,
 * explicit button does it.
 */
export function UndoEventButton({
  eventId,
  laterInForce,
  action,
}: {
  eventId: number;
  laterInForce: number;
  action: (input: { eventId: number; confirm?: boolean }) => Promise<Result>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<{ text: string; error?: boolean; confirm?: boolean }>({ text: '' });
  const run = (confirm: boolean) =>
    start(async () => {
      const r = await action({ eventId, confirm });
      if (!r.ok) return setMsg({ text: r.error, error: !r.needsConfirm, confirm: r.needsConfirm });
      setMsg({ text: r.message });
      router.refresh();
    });
  if (msg.confirm) {
    return (
      <div className="small" data-testid={`undo-confirm-${eventId}`}>
        <p style={{ margin: '0 0 0.3rem' }}>{msg.text}</p>
        <button type="button" disabled={pending} onClick={() => run(true)}>
          Yes, undo #{eventId}
        </button>{' '}
        <button type="button" className="secondary" disabled={pending} onClick={() => setMsg({ text: '' })}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => run(false)}
        title={laterInForce > 0 ? `${laterInForce} later decision(s) on this post: you will be asked first` : undefined}
        data-testid={`undo-${eventId}`}
      >
        {pending ? 'Undoing…' : laterInForce > 0 ? 'Undo…' : 'Undo'}
      </button>
      {msg.text && (
        <span role="status" className={`small ${msg.error ? 'error' : 'ok'}`} style={{ display: 'block' }}>
          {msg.text}
        </span>
      )}
    </span>
  );
}
