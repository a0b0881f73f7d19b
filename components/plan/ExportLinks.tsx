import { PLAN_FORMATS, type PlanFormat } from '@/lib/plan-export';
import styles from './plan.module.css';

/** Download links of every cull-plan export (route handlers under /api/export/<format>), with a line each. */
export function ExportLinks() {
  return (
    <ul className={styles.exports} data-testid="plan-exports">
      {(Object.keys(PLAN_FORMATS) as PlanFormat[]).map((f) => (
        <li key={f}>
          <a href={`/api/export/${f}`} download={PLAN_FORMATS[f].filename} data-testid={`export-${f}`}>
            {PLAN_FORMATS[f].label}
          </a>
          <div className="small muted">
            <code>{PLAN_FORMATS[f].filename}</code>: {PLAN_FORMATS[f].description}
          </div>
        </li>
      ))}
    </ul>
  );
}
