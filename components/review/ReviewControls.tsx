'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import styles from './review.module.css';

type Result = { ok: true; message: string; postId?: number } | { ok: false; error: string; needsConfirm?: boolean };

/** The keys of the review queue, shown on screen and in the `?` overlay. */
export const REVIEW_KEYS: [string, string][] = [
  ['k', 'keep'],
  ['c', 'cull'],
  ['s', 'skip (decide later)'],
  ['u', 'undo the last decision'],
  ['j or →', 'next post'],
  ['←', 'previous post'],
  ['n', 'write a note (Esc leaves the box)'],
  ['?', 'show or hide these keys'],
];

/**
 * Keep / cull / skip / undo buttons, note and re-review date, previous/next, with the same actions on the keyboard.
 * Decides through the server actions the page hands in, then moves on to the next post still to decide.
 */
export function ReviewControls({
  postId,
  note,
  rereviewOn,
  today,
  urls,
  decide,
  undo,
}: {
  postId: number;
  note: string;
  rereviewOn: string | null;
  today: string;
  /** Where next/previous/after-a-decision lead (null: nowhere), and the URL of a post by id (for undo). */
  urls: { next: string | null; prev: string | null; nextPending: string | null; post: string; base: string };
  decide: (input: { postId: number; decision: 'keep' | 'cull'; note: string; rereviewOn: string }) => Promise<Result>;
  undo: (input: { confirm?: boolean }) => Promise<Result>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ text: string; error?: boolean; confirm?: boolean }>({ text: '' });
  const [help, setHelp] = useState(false);
  const [noteText, setNoteText] = useState(note);
  const [date, setDate] = useState(rereviewOn && rereviewOn > today ? rereviewOn : '');
  const noteRef = useRef<HTMLTextAreaElement>(null);

  // A new post brings its own note and date (adjusting state during render, as React recommends, so a note typed
  // for one post never sticks to the next). The status line stays, so "Saved: cull" is still readable.
  const [shownPost, setShownPost] = useState(postId);
  if (shownPost !== postId) {
    setShownPost(postId);
    setNoteText(note);
    setDate(rereviewOn && rereviewOn > today ? rereviewOn : '');
  }

  const go = (url: string | null, none: string) => {
    if (url) router.push(url);
    else setStatus({ text: none });
  };

  const run = (decision: 'keep' | 'cull') =>
    start(async () => {
      const r = await decide({ postId, decision, note: noteText, rereviewOn: decision === 'keep' ? date : '' });
      if (!r.ok) return setStatus({ text: r.error, error: true });
      setStatus({ text: r.message });
      router.push(urls.nextPending ?? urls.base);
    });

  const runUndo = (confirm = false) =>
    start(async () => {
      const r = await undo({ confirm });
      if (!r.ok) return setStatus({ text: r.error, error: true, confirm: r.needsConfirm });
      setStatus({ text: r.message });
      if (r.postId) router.push(urls.post.replace('POST_ID', String(r.postId)));
    });

  const keyAction = (key: string): (() => void) | null => {
    switch (key) {
      case 'k':
        return () => run('keep');
      case 'c':
        return () => run('cull');
      case 's':
        return () => go(urls.nextPending, 'Nothing else to decide.');
      case 'u':
        return () => runUndo();
      case 'j':
      case 'ArrowRight':
        return () => go(urls.next, 'This is the last post of the list.');
      case 'ArrowLeft':
        return () => go(urls.prev, 'This is the first post of the list.');
      case 'n':
        return () => noteRef.current?.focus();
      case '?':
        return () => setHelp((h) => !h);
      default:
        return null;
    }
  };

  // Keyboard: ignored while typing in a field (Esc leaves it), with a modifier held, or while a save is running.
  const keyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  keyRef.current = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    const typing =
      t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.isContentEditable);
    if (e.key === 'Escape') {
      if (typing) t.blur();
      setHelp(false);
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey || pending) return;
    const act = keyAction(e.key);
    if (!act) return;
    e.preventDefault();
    act();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyRef.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className={`panel ${styles.controls}`} aria-label="Decide" data-testid="review-controls">
      <div className={styles.buttons}>
        <button type="button" className={styles.keep} disabled={pending} onClick={() => run('keep')}>
          Keep <kbd>k</kbd>
        </button>
        <button type="button" className={styles.cull} disabled={pending} onClick={() => run('cull')}>
          Cull <kbd>c</kbd>
        </button>
        <button
          type="button"
          className="secondary"
          disabled={pending}
          onClick={() => go(urls.nextPending, 'Nothing else to decide.')}
        >
          Skip <kbd>s</kbd>
        </button>
        <button type="button" className="secondary" disabled={pending} onClick={() => runUndo()}>
          Undo <kbd>u</kbd>
        </button>
      </div>
      <label style={{ marginTop: '0.6rem' }}>
        <span>
          Note <kbd>n</kbd>
        </span>
        <textarea
          ref={noteRef}
          value={noteText}
          maxLength={5000}
          onChange={(e) => setNoteText(e.target.value)}
          placeholder="Why keep or cull? (optional)"
          data-testid="review-note"
        />
      </label>
      <label style={{ marginTop: '0.5rem' }}>
        Re-review on (when kept; comes back to this queue that day)
        <input
          type="date"
          value={date}
          min={today}
          onChange={(e) => setDate(e.target.value)}
          data-testid="review-rereview"
        />
      </label>
      <div className={styles.nav}>
        <button type="button" className="secondary" disabled={!urls.prev} onClick={() => go(urls.prev, '')}>
          ← Previous
        </button>
        <button type="button" className="secondary" disabled={!urls.next} onClick={() => go(urls.next, '')}>
          Next →
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={`${styles.status} ${status.error ? 'error' : 'ok'}`}
        data-testid="review-status"
      >
        {pending ? 'Saving…' : status.text}
        {status.confirm && !pending && (
          <button type="button" className="secondary" style={{ marginLeft: '0.5rem' }} onClick={() => runUndo(true)}>
            Undo anyway
          </button>
        )}
      </p>
      <ul className={`${styles.keys} ${styles.hideOnPhone}`} data-testid="review-keys" aria-label="Keyboard shortcuts">
        {REVIEW_KEYS.map(([k, what]) => (
          <li key={k}>
            <kbd>{k}</kbd> {what}
          </li>
        ))}
      </ul>
      {help && (
        // biome-ignore lint/a11y/useKeyWithClickEvents: Esc closes it from the keyboard
        <div
          className={styles.help}
          role="dialog"
          aria-modal="true"
          aria-label="Keyboard shortcuts"
          onClick={() => setHelp(false)}
        >
          <div>
            <h2 style={{ marginTop: 0 }}>Keyboard shortcuts</h2>
            <dl>
              {REVIEW_KEYS.map(([k, what]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>
                    <kbd>{k}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
            <p className="small muted">Esc or a click closes this.</p>
          </div>
        </div>
      )}
    </section>
  );
}
