import { DecisionBadge } from '@/components/Badges';
import { DecisionForm } from '@/components/DecisionForm';
import type { DecisionEvent } from '@/db/queries/posts';

type Result = { ok: true; message: string } | { ok: false; error: string } | null;

/** Keep / cull / undecided control with a note, and the post's decision history (newest first). */
export function DecisionPanel({
  postId,
  decision,
  note,
  events,
  action,
}: {
  postId: number;
  decision: string;
  note: string;
  events: DecisionEvent[];
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  return (
    <section className="panel" aria-labelledby="decision-h">
      <h2 id="decision-h" style={{ marginTop: 0 }}>
        Keep or cull? <DecisionBadge decision={decision} />
      </h2>
      <DecisionForm postId={postId} decision={decision} note={note} action={action} />
      <h3 className="small muted" style={{ marginBottom: 0 }}>
        History
      </h3>
      {events.length === 0 ? (
        <p className="muted small">No decision yet.</p>
      ) : (
        <ul className="small" data-testid="decision-history">
          {events.map((e) => (
            <li key={e.id}>
              {e.at.replace('T', ' ').slice(0, 16)} UTC: {e.oldDecision} → <strong>{e.newDecision}</strong>
              {e.note && <> — “{e.note}”</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
