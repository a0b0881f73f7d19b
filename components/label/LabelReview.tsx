'use client';

import { useCallback, useEffect, useState, useTransition } from 'react';
import { CohortBadge, cohortName } from '@/components/Badges';
import { HighlightedText } from '@/components/HighlightedText';
import type { QueueItem } from '@/db/queries/authorship';
import styles from './label.module.css';

type Result = { ok: true; message: string; agreement?: string; changed?: number } | { ok: false; error: string };

const BAND_WORDS: Record<string, string> = {
  'likely-human': 'likely human',
  unclear: 'unclear',
  'likely-ai': 'likely AI',
};

/** Keys and what they do, listed on screen and handled below. */
const KEYS: [string, string][] = [
  ['a', 'accept the suggestion'],
  ['h', 'human-written'],
  ['s', 'AI-assisted'],
  ['g', 'AI-generated'],
  ['j / →', 'skip'],
  ['k / ←', 'back'],
  ['u', 'undo last label'],
];

/**
 * The /label review mode: one unlabelled post at a time with its excerpt, suggestion and signals; accept (a),
 * override (h/s/g), skip (j, →), back (k, ←), undo (u). The queue is a snapshot taken when the page loaded, so
 * labelling does not reshuffle it under the author's fingers; "Load more" fetches the next batch.
 */
export function LabelReview({
  items,
  total,
  agreement: initialAgreement,
  labelAction,
  undoAction,
}: {
  items: QueueItem[];
  /** Unlabelled posts in all (items holds the first batch). */
  total: number;
  agreement: string;
  labelAction: (postId: number, label: string, setBy: string) => Promise<Result>;
  undoAction: () => Promise<Result>;
}) {
  const [queue] = useState(items);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState<Record<number, string>>({});
  const [history, setHistory] = useState<number[]>([]);
  const [status, setStatus] = useState<Result | null>(null);
  const [agreement, setAgreement] = useState(initialAgreement);
  const [busy, startTransition] = useTransition();
  const item = queue[index] as QueueItem | undefined;
  const labelledCount = Object.keys(done).length;

  const label = useCallback(
    (value: string, setBy: 'author' | 'suggestion-accepted') => {
      if (!item || busy) return;
      const id = item.id;
      startTransition(async () => {
        const r = await labelAction(id, value, setBy);
        setStatus(r);
        if (!r.ok) return;
        if (r.agreement) setAgreement(r.agreement);
        setDone((d) => ({ ...d, [id]: value }));
        setHistory((h) => [...h, id]);
        setIndex((i) => Math.min(i + 1, queue.length));
      });
    },
    [item, busy, labelAction, queue.length],
  );

  const accept = useCallback(() => {
    if (!item?.suggestedLabel) {
      setStatus({ ok: false, error: 'No suggestion to accept for this post: pick h, s or g.' });
      return;
    }
    label(item.suggestedLabel, 'suggestion-accepted');
  }, [item, label]);

  const undo = useCallback(() => {
    if (busy) return;
    startTransition(async () => {
      const r = await undoAction();
      setStatus(r);
      if (!r.ok) return;
      if (r.agreement) setAgreement(r.agreement);
      const last = history[history.length - 1];
      if (last !== undefined) {
        setDone(({ [last]: _, ...rest }) => rest);
        setHistory((h) => h.slice(0, -1));
        const at = queue.findIndex((q) => q.id === last);
        if (at >= 0) setIndex(at);
      }
    });
  }, [busy, undoAction, history, queue]);

  const skip = useCallback(() => setIndex((i) => Math.min(i + 1, queue.length)), [queue.length]);
  const back = useCallback(() => setIndex((i) => Math.max(i - 1, 0)), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable="true"]')) return;
      const actions: Record<string, () => void> = {
        a: accept,
        h: () => label('human', 'author'),
        s: () => label('ai-assisted', 'author'),
        g: () => label('ai-generated', 'author'),
        j: skip,
        ArrowRight: skip,
        k: back,
        ArrowLeft: back,
        u: undo,
      };
      const run = actions[e.key];
      if (run) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [accept, label, skip, back, undo]);

  const phrases = item ? [...new Set(item.signals.flatMap((s) => s.matches ?? []))] : [];
  const current = item ? done[item.id] : undefined;

  return (
    <div className={styles.root}>
      <section className="panel small">
        <p style={{ margin: 0 }} data-testid="label-progress">
          {item ? `Post ${index + 1} of ${queue.length} loaded` : `All ${queue.length} loaded posts seen`} ·{' '}
          {labelledCount} labelled this visit · {Math.max(0, total - labelledCount)} unlabelled in all
        </p>
        <p style={{ margin: '0.3rem 0 0' }} data-testid="agreement">
          {agreement}
        </p>
      </section>
      {item ? (
        <section
          className={`panel${current ? ` ${styles.done}` : ''}`}
          aria-label="Post to label"
          aria-busy={busy}
          data-testid="label-item"
        >
          <div className={styles.head}>
            <h2 style={{ margin: 0 }} data-testid="label-title">
              <a href={`/posts/${item.id}`}>{item.title || '(no title)'}</a>
            </h2>
            <span className="muted small">
              {item.publishedAt ? item.publishedAt.slice(0, 10) : 'unpublished'} ·{' '}
              {item.wordCount.toLocaleString('en-US')} words
            </span>
          </div>
          <p style={{ margin: '0.4rem 0 0' }} data-testid="label-suggestion">
            {item.suggestedLabel ? (
              <>
                Tend suggests <CohortBadge cohort={item.suggestedLabel} suggested />{' '}
                <strong>{BAND_WORDS[item.band ?? ''] ?? item.band}</strong>
                <span className="muted"> (AI score {item.score}%)</span>
              </>
            ) : (
              <>No suggestion{item.reason ? `: ${item.reason}` : ''}.</>
            )}
            {current && (
              <>
                {' '}
                · You labelled it <CohortBadge cohort={current || 'unlabelled'} />
              </>
            )}
          </p>
          <fieldset className={styles.buttons} aria-label="Label this post">
            <button type="button" onClick={accept} disabled={busy || !item.suggestedLabel}>
              Accept{item.suggestedLabel ? ` (${cohortName(item.suggestedLabel)})` : ''}
              <kbd>a</kbd>
            </button>
            <button type="button" className="secondary" onClick={() => label('human', 'author')} disabled={busy}>
              Human<kbd>h</kbd>
            </button>
            <button type="button" className="secondary" onClick={() => label('ai-assisted', 'author')} disabled={busy}>
              AI-assisted<kbd>s</kbd>
            </button>
            <button type="button" className="secondary" onClick={() => label('ai-generated', 'author')} disabled={busy}>
              AI-generated<kbd>g</kbd>
            </button>
            <button type="button" className="secondary" onClick={back} disabled={index === 0}>
              ← Back<kbd>k</kbd>
            </button>
            <button type="button" className="secondary" onClick={skip}>
              Skip →<kbd>j</kbd>
            </button>
          </fieldset>
          <p
            role="status"
            aria-live="polite"
            className={status && !status.ok ? 'error small' : 'ok small'}
            data-testid="label-status"
          >
            {busy ? 'Saving…' : status ? (status.ok ? status.message : status.error) : ''}
          </p>
          {item.signals.length > 0 && (
            <ul className="signals small" data-testid="signals">
              {item.signals.map((s) => (
                <li key={s.id}>
                  <strong>{s.label}</strong> ({s.weight > 0 ? '+' : s.weight < 0 ? '−' : '±'}
                  {Math.abs(s.weight)}): {s.detail}
                </li>
              ))}
            </ul>
          )}
          <div className={styles.excerpt}>
            <HighlightedText text={item.excerpt} phrases={phrases} />
          </div>
        </section>
      ) : (
        <section className="panel">
          <p>That was the last post of this batch.</p>
          <button type="button" onClick={() => window.location.reload()}>
            Load the next unlabelled posts
          </button>{' '}
          <button type="button" className="secondary" onClick={back}>
            ← Back
          </button>
        </section>
      )}
      <section className="panel small" aria-label="Keyboard shortcuts">
        <strong>Keys:</strong>
        <ul className={styles.keys}>
          {KEYS.map(([k, what]) => (
            <li key={k}>
              <kbd>{k}</kbd> {what}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
