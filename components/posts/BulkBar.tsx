'use client';

import { useCallback, useEffect, useState, useTransition } from 'react';
import styles from './bulk.module.css';

type Result = { ok: true; message: string; agreement?: string; changed?: number } | { ok: false; error: string };
type Target = { postIds?: number[]; filter?: Record<string, string | undefined> };

const LABELS = [
  ['human', 'Human-written'],
  ['ai-assisted', 'AI-assisted'],
  ['ai-generated', 'AI-generated'],
  ['', 'Unlabelled'],
] as const;
const DECISIONS = [
  ['keep', 'Keep'],
  ['cull', 'Cull'],
  ['undecided', 'Undecided'],
] as const;

/** The pending bulk change shown in the confirmation box. */
type Pending = { kind: 'label'; value: string; name: string } | { kind: 'decision'; value: string; name: string };

/** Ids of the row checkboxes (`input[data-bulk-id]`) that are ticked. */
function tickedIds(): number[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('input[data-bulk-id]'))
    .filter((i) => i.checked)
    .map((i) => Number(i.dataset.bulkId));
}

function setAll(checked: boolean) {
  for (const i of document.querySelectorAll<HTMLInputElement>('input[data-bulk-id], input[data-bulk-all]'))
    i.checked = checked;
}

/**
 * The /posts bulk bar. Row checkboxes are plain inputs in the server-rendered table (`data-bulk-id`, and one
 * `data-bulk-all` in the header); this bar counts them, offers "select all N matching the filter", and applies an
 * authorship label or a keep/cull decision to the selection after a confirmation that states the count. The table
 * shows one page of the list: ticked rows are ids on this page, "select all N matching" sends the filter instead, so
 * the server applies it to every matching post, on every page.
 */
export function BulkBar({
  total,
  shown,
  filter,
  filterText,
  lastChange,
  labelAction,
  decisionAction,
  undoAction,
}: {
  /** Posts matching the current filter, on every page of the list. */
  total: number;
  /** Rows on this page of the table. */
  shown: number;
  filter: Record<string, string | undefined>;
  /** The filter in words ("AI-generated, undecided"), or '' for no filter. */
  filterText: string;
  /** What "undo last label change" would take back, in words, or null. */
  lastChange: string | null;
  labelAction: (input: Target & { label: string }) => Promise<Result>;
  decisionAction: (input: Target & { decision: string }) => Promise<Result>;
  undoAction: () => Promise<Result>;
}) {
  const [ids, setIds] = useState<number[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [label, setLabel] = useState('ai-generated');
  const [decision, setDecision] = useState('cull');
  const [pending, setPending] = useState<Pending | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, startTransition] = useTransition();

  const refresh = useCallback(() => {
    const ticked = tickedIds();
    setIds(ticked);
    if (ticked.length < shown) setAllMatching(false);
    const all = document.querySelector<HTMLInputElement>('input[data-bulk-all]');
    if (all) all.checked = ticked.length > 0 && ticked.length === shown;
  }, [shown]);

  useEffect(() => {
    const onChange = (e: Event) => {
      const t = e.target as HTMLInputElement;
      if (t.dataset?.bulkAll !== undefined) setAll(t.checked);
      if (t.dataset?.bulkAll !== undefined || t.dataset?.bulkId !== undefined) refresh();
    };
    document.addEventListener('change', onChange);
    refresh();
    return () => document.removeEventListener('change', onChange);
  }, [refresh]);

  const n = allMatching ? total : ids.length;
  const target: Target = allMatching ? { filter } : { postIds: ids };
  const postsWord = (k: number) => `${k.toLocaleString('en-US')} ${k === 1 ? 'post' : 'posts'}`;

  const apply = () => {
    if (!pending) return;
    startTransition(async () => {
      const r =
        pending.kind === 'label'
          ? await labelAction({ ...target, label: pending.value })
          : await decisionAction({ ...target, decision: pending.value });
      setResult(r);
      setPending(null);
      if (r.ok) {
        setAll(false);
        setIds([]);
        setAllMatching(false);
      }
    });
  };

  const undo = () =>
    startTransition(async () => {
      setResult(await undoAction());
    });

  return (
    <section className={styles.bar} aria-label="Bulk actions" data-testid="bulk-bar">
      <div className={styles.row}>
        <span className={styles.count} data-testid="bulk-count">
          {n === 0 ? 'No posts selected' : `${postsWord(n)} selected`}
        </span>
        {n === 0 && <span className="muted small">Tick posts in the table to label or decide many at once.</span>}
        {!allMatching && total > 0 && (
          <button
            type="button"
            className={styles.linkish}
            onClick={() => {
              setAll(true);
              setIds(tickedIds());
              setAllMatching(true);
            }}
          >
            Select all {postsWord(total)} matching {filterText ? `the filter (${filterText})` : 'the list'}
          </button>
        )}
        {allMatching && total > shown && (
          <span className="muted small" data-testid="bulk-other-pages">
            ({(total - shown).toLocaleString('en-US')} of them on other pages)
          </span>
        )}
        {n > 0 && (
          <button
            type="button"
            className={styles.linkish}
            onClick={() => {
              setAll(false);
              setIds([]);
              setAllMatching(false);
            }}
          >
            Clear selection
          </button>
        )}
      </div>
      <div className={styles.row}>
        <label>
          Written by
          <select value={label} onChange={(e) => setLabel(e.target.value)} aria-label="Who wrote the selected posts">
            {LABELS.map(([v, name]) => (
              <option key={v} value={v}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={n === 0 || busy}
          onClick={() =>
            setPending({ kind: 'label', value: label, name: LABELS.find(([v]) => v === label)?.[1] ?? label })
          }
        >
          Label…
        </button>
        <label>
          Keep or cull
          <select
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            aria-label="Keep or cull the selected posts"
          >
            {DECISIONS.map(([v, name]) => (
              <option key={v} value={v}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={n === 0 || busy}
          onClick={() => setPending({ kind: 'decision', value: decision, name: decision })}
        >
          Decide…
        </button>
      </div>
      {pending && (
        <div className={`${styles.row} ${styles.confirm}`} role="alertdialog" aria-label="Confirm bulk change">
          <strong data-testid="bulk-confirm-text">
            {pending.kind === 'label'
              ? `Label ${postsWord(n)} ${pending.name}?`
              : `Set ${postsWord(n)} to ${pending.name}?`}
          </strong>
          <button type="button" onClick={apply} disabled={busy}>
            {busy ? 'Saving…' : `Yes, change ${postsWord(n)}`}
          </button>
          <button type="button" className="secondary" onClick={() => setPending(null)} disabled={busy}>
            Cancel
          </button>
        </div>
      )}
      {(result || lastChange) && (
        <div className={styles.row}>
          {result && (
            <span role="status" aria-live="polite" className={result.ok ? 'ok' : 'error'} data-testid="bulk-status">
              {result.ok ? result.message : result.error}
            </span>
          )}
          {lastChange && (
            <>
              <button type="button" className="secondary" onClick={undo} disabled={busy} data-testid="undo-last">
                Undo last label change
              </button>
              <span className={styles.what}>{lastChange}</span>
            </>
          )}
        </div>
      )}
    </section>
  );
}
