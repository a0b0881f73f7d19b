import { DecisionBadge } from '@/components/Badges';
import { DecisionForm } from '@/components/DecisionForm';
import { UndoEventButton } from '@/components/history/UndoEventButton';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;
type UndoResult = { ok: true; message: string; postId?: number } | { ok: false; error: string; needsConfirm?: boolean };

/** One decision event as the panel lists it; the undo fields come from db/queries/history.ts when the page has them. */
export interface PanelEvent {
  id: number;
  oldDecision: string;
  newDecision: string;
  note: string;
  at: string;
  rereviewOn?: string | null;
  undoes?: number | null;
  undoneBy?: number | null;
  laterInForce?: number;
}

/**
 * Keep / cull / undecided control with a note (and a re-review date for a kept post), and the post's decision history
 * (newest first), each entry with an Undo button when the page hands in `undoAction`.
 */
export function DecisionPanel({
  postId,
  decision,
  note,
  rereviewOn = null,
  events,
  action,
  undoAction,
}: {
  postId: number;
  decision: string;
  note: string;
  rereviewOn?: string | null;
  events: PanelEvent[];
  action: (prev: Result, form: FormData) => Promise<Result>;
  undoAction?: (input: { eventId: number; confirm?: boolean }) => Promise<UndoResult>;
}) {
  return (
    <section className="panel" aria-labelledby="decision-h">
      <h2 id="decision-h" style={{ marginTop: 0 }}>
        Keep or cull? <DecisionBadge decision={decision} />
      </h2>
      {decision === 'keep' && rereviewOn && (
        <p className="small muted" data-testid="rereview-note">
          Comes back to the review queue on {rereviewOn}.
        </p>
      )}
      <DecisionForm postId={postId} decision={decision} note={note} rereviewOn={rereviewOn} action={action} />
      <h3 className="small muted" style={{ marginBottom: 0 }}>
        History
      </h3>
      {events.length === 0 ? (
        <p className="muted small">No decision yet.</p>
      ) : (
        <ul className="small" data-testid="decision-history">
          {events.map((e, i) => (
            <li key={e.id} style={{ marginBottom: '0.3rem' }}>
              {e.at.replace('T', ' ').slice(0, 16)} UTC: {e.oldDecision} → <strong>{e.newDecision}</strong>
              {e.rereviewOn && <> (re-review on {e.rereviewOn})</>}
              {e.note && <> — “{e.note}”</>}
              {e.undoes ? <span className="muted"> · undo of #{e.undoes}</span> : null}
              {e.undoneBy ? (
                <span className="muted"> · undone by #{e.undoneBy}</span>
              ) : (
                undoAction && (
                  <>
                    {' '}
                    <UndoEventButton eventId={e.id} laterInForce={e.laterInForce ?? i} action={undoAction} />
                  </>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
