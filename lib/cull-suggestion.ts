/**
 * The suggested keep/cull verdict of a post, with the reasons that produced it. Pure: the numbers come from
 * db/queries/cull-suggestions.ts, the thresholds from the settings page. A suggestion never changes a decision.
 *
 * Rule (documented in the README and on /settings):
 * - a post younger than `minAgeDays` is `keep` ("too new to judge");
 * - a post earning at least `keepSharePercent` % of the last 90 days' human page views is `keep`;
 * - otherwise each weak signal is one point: first-30-day views in the bottom `bottomPercent` % of comparable posts,
 *   no human page view in `staleDays` days, and (when `aiCounts` says so) AI authorship.
 *   0 points → `keep`, 1 point → `review`, 2 or more → `cull-candidate`.
 * A signal the data cannot decide (window not covered, data too short) is left out, never counted against a post.
 */
import { z } from 'zod';
import { type Coverage, daysBetween, firstWindowCovered } from './metrics';
import { quantile } from './stats';
import type { AuthorshipLabel } from './types';

export type CullVerdict = 'keep' | 'review' | 'cull-candidate';

/** What other pages show: the verdict and the reasons in plain words, most important first. */
export interface CullSuggestion {
  verdict: CullVerdict;
  reasons: string[];
}

/** Thresholds the author can change on /settings (stored in `settings` under {@link CULL_SETTINGS_KEY}). */
export const cullThresholdsSchema = z.object({
  /** A post whose first-30-day page views are at or below this percentile of comparable posts is weak. */
  bottomPercent: z.coerce.number().int().min(1).max(50).default(20),
  /** A post without a human page view for this many days is weak. */
  staleDays: z.coerce.number().int().min(7).max(3650).default(180),
  /** A post earning at least this share (percent) of the last 90 days' human page views is kept. */
  keepSharePercent: z.coerce.number().min(0.1).max(100).default(5),
  /** A post published fewer than this many days before the newest traffic day is too new to judge. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).default(90),
  /** Which authorship counts as a weak signal: AI-generated only, any AI involvement, or never. */
  aiCounts: z.enum(['ai-generated', 'any-ai', 'never']).default('ai-generated'),
});
export type CullThresholds = z.infer<typeof cullThresholdsSchema>;

/** Key of the JSON-encoded thresholds in the `settings` table. */
export const CULL_SETTINGS_KEY = 'cullThresholds';

/** The defaults (bottom 20 %, 180 days, 5 % of traffic, 90 days, AI-generated). */
export const DEFAULT_CULL_THRESHOLDS: CullThresholds = cullThresholdsSchema.parse({});

/** Below this many comparable posts, "bottom N %" is not computed (a percentile of 3 posts means little). */
export const MIN_POSTS_FOR_PERCENTILE = 5;

/** The numbers one verdict needs; null means "the data cannot say", never zero. */
export interface CullInput {
  label: AuthorshipLabel | null;
  /** Days from the publish day to the newest traffic day (0 = published that day), or null when unknown. */
  ageDays: number | null;
  /** Page views in the first 30 days, or null when the data does not cover them. */
  first30Views: number | null;
  /** The bottom-percentile cut-off of first-30-day views over comparable posts, or null when too few. */
  first30Cutoff: number | null;
  /** Days since the last human page view (or since the start of coverage), or null when the data is too short. */
  daysWithoutViews: number | null;
  /** Share (0..1) of all human page views of posts in the last 90 days of data, or null when there were none. */
  recentShare: number | null;
}

const AI_NAMES: Record<AuthorshipLabel, string> = {
  human: 'human-written',
  'ai-assisted': 'AI-assisted',
  'ai-generated': 'AI-generated',
};

function pct(share: number): string {
  const p = share * 100;
  return p >= 10 || Number.isInteger(p) ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
}

/** Suggested verdict and its reasons for one post (see the rule at the top of this file). */
export function suggestCull(input: CullInput, t: CullThresholds = DEFAULT_CULL_THRESHOLDS): CullSuggestion {
  if (input.ageDays !== null && input.ageDays < t.minAgeDays) {
    return {
      verdict: 'keep',
      reasons: [`published ${input.ageDays} days ago: too new to judge (under ${t.minAgeDays} days)`],
    };
  }
  if (input.recentShare !== null && input.recentShare * 100 >= t.keepSharePercent) {
    return { verdict: 'keep', reasons: [`still earning ${pct(input.recentShare)} of traffic (last 90 days)`] };
  }
  const reasons: string[] = [];
  if (input.first30Views !== null && input.first30Cutoff !== null && input.first30Views <= input.first30Cutoff) {
    reasons.push(
      `bottom ${t.bottomPercent}% of first-30-day views (${input.first30Views}, cut-off ${fmtCutoff(input.first30Cutoff)})`,
    );
  }
  if (input.daysWithoutViews !== null && input.daysWithoutViews >= t.staleDays) {
    reasons.push(`no human page views in ${input.daysWithoutViews} days`);
  }
  const ai =
    input.label !== null &&
    ((t.aiCounts === 'ai-generated' && input.label === 'ai-generated') ||
      (t.aiCounts === 'any-ai' && input.label !== 'human'));
  if (ai && input.label) reasons.push(AI_NAMES[input.label]);
  if (reasons.length >= 2) return { verdict: 'cull-candidate', reasons };
  if (reasons.length === 1) return { verdict: 'review', reasons };
  const fine: string[] = [];
  if (input.first30Views !== null && input.first30Cutoff !== null)
    fine.push(`first-30-day views above the bottom ${t.bottomPercent}%`);
  if (input.daysWithoutViews !== null) fine.push(`a human page view in the last ${t.staleDays} days`);
  return {
    verdict: 'keep',
    reasons: fine.length > 0 ? [`no weak signal: ${fine.join(', ')}`] : ['not enough traffic data to judge'],
  };
}

function fmtCutoff(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** One post's raw numbers, as db/queries/cull-suggestions.ts reads them. Days are `YYYY-MM-DD`, site time zone. */
export interface CullPostRow {
  id: number;
  label: AuthorshipLabel | null;
  publishedDay: string | null;
  first30Views: number;
  lastViewDay: string | null;
  last90Views: number;
}

/**
 * Builds every post's {@link CullInput} from raw rows: the first-30 window counts only when the data covers it
 * (publish day on or after the first data day, day 29 on or before the last), the bottom-percentile cut-off is
 * taken over those posts (R type 7 quantile), and "days without views" needs the data to cover `staleDays`.
 */
export function cullInputs(rows: CullPostRow[], cov: Coverage, t: CullThresholds): Map<number, CullInput> {
  const out = new Map<number, CullInput>();
  const { firstDay, lastDay } = cov;
  const covered = (r: CullPostRow) => firstWindowCovered(r.publishedDay, 30, cov);
  const comparable = rows.filter(covered).map((r) => r.first30Views);
  const cutoff = comparable.length >= MIN_POSTS_FOR_PERCENTILE ? quantile(comparable, t.bottomPercent / 100) : null;
  const total90 = rows.reduce((a, r) => a + r.last90Views, 0);
  for (const r of rows) {
    let daysWithoutViews: number | null = null;
    if (firstDay !== null && lastDay !== null) {
      if (r.lastViewDay !== null) daysWithoutViews = Math.max(0, daysBetween(r.lastViewDay, lastDay));
      else {
        // Never viewed: silent since the later of publishing and the start of the data; a shorter span than
        // staleDays proves nothing either way, so it is left out.
        const from = r.publishedDay && r.publishedDay > firstDay ? r.publishedDay : firstDay;
        const days = daysBetween(from, lastDay) + 1;
        daysWithoutViews = days >= t.staleDays ? days : null;
      }
    }
    out.set(r.id, {
      label: r.label,
      ageDays: r.publishedDay && lastDay ? daysBetween(r.publishedDay, lastDay) : null,
      first30Views: covered(r) ? r.first30Views : null,
      first30Cutoff: cutoff,
      daysWithoutViews,
      recentShare: total90 > 0 ? r.last90Views / total90 : null,
    });
  }
  return out;
}
