import styles from '@/components/settings/settings.module.css';
import type { CullThresholds } from '@/lib/cull-suggestion';
import { DEFAULT_CULL_THRESHOLDS } from '@/lib/cull-suggestion';
import { ActionForm } from './ActionForm';

type Action = Parameters<typeof ActionForm>[0]['action'];

const AI_CHOICES: { value: CullThresholds['aiCounts']; label: string }[] = [
  { value: 'ai-generated', label: 'AI-generated posts' },
  { value: 'any-ai', label: 'any AI involvement (assisted or generated)' },
  { value: 'never', label: 'never (authorship plays no part)' },
];

/** The cull-suggestion rule in words, the threshold form, and how many posts each verdict gets now. */
export function CullSettings({
  thresholds,
  counts,
  saveAction,
  resetAction,
}: {
  thresholds: CullThresholds;
  counts: Record<string, number>;
  saveAction: Action;
  resetAction: Action;
}) {
  const t = thresholds;
  const d = DEFAULT_CULL_THRESHOLDS;
  return (
    <section className="panel" aria-labelledby="cull-h" id="cull">
      <h2 id="cull-h" style={{ marginTop: 0 }}>
        Cull suggestions
      </h2>
      <p className="small">
        Every post gets a suggested verdict with its reasons (on the post page, in review and in the plan). It is a
        suggestion only: it never changes a decision. The rule:
      </p>
      <ul className="small">
        <li>
          A post younger than the minimum age: <strong>keep</strong> (too new to judge).
        </li>
        <li>
          A post still earning at least the keep share of the last 90 days' traffic: <strong>keep</strong>.
        </li>
        <li>
          Otherwise each weak signal counts one: first-30-day views in the bottom percent; no human page view for the
          set number of days; AI authorship, if you count it. 0 signals: <strong>keep</strong>, 1:{' '}
          <strong>review</strong>, 2 or more: <strong>cull candidate</strong>.
        </li>
        <li>A signal the data cannot decide (the window is not covered yet) never counts against a post.</li>
      </ul>
      <p className="small" data-testid="cull-counts">
        With these thresholds: {counts.keep ?? 0} keep, {counts.review ?? 0} review, {counts['cull-candidate'] ?? 0}{' '}
        cull candidates.
      </p>
      <ActionForm action={saveAction} label="Cull thresholds" submit="Save thresholds">
        <div className={styles.grid}>
          <label>
            Bottom percent of first-30-day views (1–50; default {d.bottomPercent})
            <input
              name="bottomPercent"
              type="number"
              min={1}
              max={50}
              step={1}
              defaultValue={t.bottomPercent}
              required
            />
          </label>
          <label>
            Days without a human page view (7–3650; default {d.staleDays})
            <input name="staleDays" type="number" min={7} max={3650} step={1} defaultValue={t.staleDays} required />
          </label>
          <label>
            Keep share: percent of the last 90 days' traffic (0.1–100; default {d.keepSharePercent})
            <input
              name="keepSharePercent"
              type="number"
              min={0.1}
              max={100}
              step={0.1}
              defaultValue={t.keepSharePercent}
              required
            />
          </label>
          <label>
            Minimum age in days before judging (0–3650; default {d.minAgeDays})
            <input name="minAgeDays" type="number" min={0} max={3650} step={1} defaultValue={t.minAgeDays} required />
          </label>
          <label>
            AI authorship counted as a weak signal
            <select name="aiCounts" defaultValue={t.aiCounts}>
              {AI_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </ActionForm>
      <ActionForm action={resetAction} label="Reset thresholds" submit="Reset to the defaults" secondary />
    </section>
  );
}
