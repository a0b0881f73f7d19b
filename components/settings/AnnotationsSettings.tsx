import styles from '@/components/settings/settings.module.css';
import { ActionForm } from './ActionForm';

type Action = Parameters<typeof ActionForm>[0]['action'];

/** Timeline notes: add one, edit or delete the others. They appear on the overview's views-over-time chart. */
export function AnnotationsSettings({
  annotations,
  addAction,
  updateAction,
  deleteAction,
}: {
  annotations: { id: number; day: string; text: string }[];
  addAction: Action;
  updateAction: Action;
  deleteAction: Action;
}) {
  return (
    <section className="panel" aria-labelledby="annotations-h" id="annotations">
      <h2 id="annotations-h" style={{ marginTop: 0 }}>
        Timeline notes
      </h2>
      <p className="small muted">
        Notes such as “started AI posts” or “moved host” are drawn as labelled lines on the overview's page-views chart,
        so a change in traffic can be read against what you did.
      </p>
      <ActionForm action={addAction} label="Add a note" submit="Add note" className="inline">
        <label>
          Day
          <input type="date" name="day" required />
        </label>
        <label style={{ flex: 1, minWidth: '12rem' }}>
          Note (up to 80 characters)
          <input type="text" name="text" maxLength={80} required placeholder="started AI posts" />
        </label>
      </ActionForm>
      {annotations.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul className={styles.list} data-testid="annotation-list">
          {annotations.map((a) => (
            <li key={a.id}>
              <ActionForm action={updateAction} label={`Note of ${a.day}`} submit="Save" className="inline" secondary>
                <input type="hidden" name="id" value={a.id} />
                <label>
                  Day
                  <input type="date" name="day" defaultValue={a.day} required />
                </label>
                <label style={{ flex: 1, minWidth: '12rem' }}>
                  Note
                  <input type="text" name="text" defaultValue={a.text} maxLength={80} required />
                </label>
              </ActionForm>
              <ActionForm action={deleteAction} label={`Delete the note of ${a.day}`} submit="Delete" secondary>
                <input type="hidden" name="id" value={a.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
