import type { ReactNode } from 'react';

const COHORT_NAMES: Record<string, string> = {
  human: 'Human-written',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
  unlabelled: 'Unlabelled',
};

/** Display name of an authorship cohort key. */
export function cohortName(key: string): string {
  return COHORT_NAMES[key] ?? key;
}

/** Coloured pill for an authorship label; `suggested` draws it dashed with a "suggested" prefix. */
export function CohortBadge({ cohort, suggested = false }: { cohort: string; suggested?: boolean }): ReactNode {
  if (suggested) return <span className="badge suggested">suggested: {cohortName(cohort)}</span>;
  return <span className={`badge ${cohort}`}>{cohortName(cohort)}</span>;
}

/** Pill for a keep/cull/undecided decision. */
export function DecisionBadge({ decision }: { decision: string }): ReactNode {
  return <span className={`badge ${decision}`}>{decision}</span>;
}

/** Thousands-separated integer, en-US. */
export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US');
}

/** Median-style number: integers as is, others to one decimal; null as a dash. */
export function fmtNum(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
