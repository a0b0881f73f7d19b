import { COHORT_COLORS } from '@/components/charts/colors';
import { COHORT_LABELS, type CohortKey } from '@/lib/cohorts';

/** Coloured pill naming a comparison cohort (including the broad "AI" cohort, which has no label of its own). */
export function CohortChip({ cohort }: { cohort: CohortKey }) {
  return (
    <span className="badge" style={{ background: COHORT_COLORS[cohort] }}>
      {COHORT_LABELS[cohort]}
    </span>
  );
}
