'use client';

import { useActionState, useEffect, useState } from 'react';
import styles from './imports.module.css';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;
type Action = (prev: Result, form: FormData) => Promise<Result>;

/** A post an unmatched path can be mapped to. */
export interface PostOption {
  id: number;
  title: string;
  path: string;
}

/** One unmatched path as listed, with the post it most likely meant (or null). */
export interface UnmatchedPathRow {
  path: string;
  pageViews: number;
  botHits: number;
  days: number;
  sources: string;
  suggested: number | null;
}

const int = (n: number) => n.toLocaleString('en-US');

/**
 * The unmatched page paths, each with "Map to a post": a select of posts (the likely one preselected) saved as an
 * alias through the server action it is given (fields path, postId). The result message stays above the table after
 * the mapped row disappears.
 */
export function UnmatchedTable({
  rows,
  posts,
  action,
}: {
  rows: UnmatchedPathRow[];
  posts: PostOption[];
  action: Action;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    if (state?.ok) setOpen(null);
  }, [state]);
  return (
    <>
      <p role="status" aria-live="polite" className={state && !state.ok ? 'error' : 'ok'} data-testid="map-status">
        {state ? (state.ok ? state.message : state.error) : ''}
      </p>
      <div className="table-wrap">
        <table data-testid="unmatched" className={styles.unmatchedTable}>
          <thead>
            <tr>
              <th>Path (pages only)</th>
              <th className="num">Page views</th>
              <th className="num">Bot hits</th>
              <th className="num">Days</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.path} data-path={u.path}>
                <td className={styles.path}>
                  <code>{u.path}</code>
                  <div className="muted small">{u.sources}</div>
                  {open === u.path ? (
                    <form action={formAction} className={styles.mapForm} aria-label={`Map ${u.path} to a post`}>
                      <input type="hidden" name="path" value={u.path} />
                      <select name="postId" defaultValue={u.suggested ?? ''} aria-label="Post" required>
                        <option value="" disabled>
                          Choose the post…
                        </option>
                        {posts.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.title} ({p.path})
                          </option>
                        ))}
                      </select>
                      <span className={styles.mapButtons}>
                        <button type="submit" disabled={pending}>
                          Save mapping
                        </button>
                        <button type="button" className="secondary" onClick={() => setOpen(null)} disabled={pending}>
                          Cancel
                        </button>
                      </span>
                    </form>
                  ) : (
                    <button
                      type="button"
                      className={`secondary ${styles.mapButton}`}
                      onClick={() => setOpen(u.path)}
                      aria-label={`Map ${u.path} to a post`}
                    >
                      Map to a post{u.suggested !== null ? ' (suggested)' : ''}
                    </button>
                  )}
                </td>
                <td className="num">{int(u.pageViews)}</td>
                <td className="num">{int(u.botHits)}</td>
                <td className="num">
                  {u.days > 0 ? int(u.days) : <abbr title="only totals over a period, no days">–</abbr>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
