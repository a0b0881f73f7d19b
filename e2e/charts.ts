import { expect, type Page } from '@playwright/test';

/** Chart boxes still waiting to be scrolled into view, or whose code is still downloading (components/charts/lazy.tsx). */
const NOT_DRAWN = '[data-chart-state="waiting"], [data-chart-state] [aria-busy]';

/**
 * Scroll every lazily loaded chart on the page into view, as a reader scrolling down would, and wait until each is
 * drawn; then back to the top. Charts load their code only when shown, so a test (or a full-page screenshot) that
 * never scrolls sees sized empty boxes where they will be.
 * @returns how many charts were drawn.
 */
export async function drawCharts(page: Page): Promise<number> {
  const boxes = page.locator('[data-chart-state]');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) await boxes.nth(i).scrollIntoViewIfNeeded();
  await expect(page.locator(NOT_DRAWN)).toHaveCount(0);
  // One recharts wrapper per box: a box that gave up ("could not be loaded") has none.
  await expect(page.locator('[data-chart-state] .recharts-wrapper')).toHaveCount(n);
  await page.evaluate(() => window.scrollTo(0, 0));
  return n;
}
