'use client';

import { type ReactNode, useActionState } from 'react';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

/**
 * A form bound to a server action (passed in by the page) that shows the action's message in a live status line.
 * The inputs are the children, so the page renders them with the current values.
 */
export function ActionForm({
  action,
  label,
  submit,
  children,
  className,
  secondary = false,
}: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  label: string;
  submit: string;
  children?: ReactNode;
  className?: string;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={label} className={className}>
      {children}
      <div style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', marginTop: '0.4rem' }}>
        <button type="submit" disabled={pending} className={secondary ? 'secondary' : undefined}>
          {pending ? 'Saving…' : submit}
        </button>
        <span role="status" aria-live="polite" className={state && !state.ok ? 'error small' : 'ok small'}>
          {state ? (state.ok ? state.message : state.error) : ''}
        </span>
      </div>
    </form>
  );
}
