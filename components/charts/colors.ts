/** Cohort colours shared by charts and badges (same values as the CSS variables in app/globals.css). */
export const COHORT_COLORS: Record<string, string> = {
  human: '#2f6f4f',
  ai: '#c0612f',
  'ai-assisted': '#d08c2c',
  'ai-generated': '#b5473a',
  unlabelled: '#8a8f98',
};
