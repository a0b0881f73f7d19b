/**
 * Chart heights in CSS pixels, shared by the charts and by the sized placeholders that stand in for them until their
 * code has loaded (components/charts/lazy.tsx), so the page does not jump when a chart appears.
 */

/** Height of a chart with the `.chart` class (app/globals.css sets the same). */
export const CHART_HEIGHT = 300;

/** The calendar chart: taller, its annotation labels sit above the plot. */
export const CALENDAR_HEIGHT = 320;

/** The top-posts bar chart: one row per post (taller with a previous-period bar beside each), at least 160. */
export function topPostsHeight(rows: number, withPrevious: boolean): number {
  return Math.max(160, rows * (withPrevious ? 44 : 30) + 40);
}
