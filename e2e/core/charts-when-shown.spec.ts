import { expect, type Page, test } from '@playwright/test';
import { drawCharts } from '../charts';

// The overview's charts load their code only when they scroll into view (components/charts/lazy.tsx), in boxes of
// their own height; their n and numbers are in the server's HTML either way. Facts of fixtures/e2e: see its README.

/** Whether any script fetched so far is chart code (recharts' class names survive minification). */
function watchChartCode(page: Page): () => Promise<boolean> {
  const bodies: Promise<boolean>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      bodies.push(
        r.body().then(
          (b) => b.includes('recharts-'),
          () => false,
        ),
      );
  });
  return async () => (await Promise.all(bodies)).some(Boolean);
}

/** Heights of the chart boxes, in page order. */
function boxHeights(page: Page): Promise<number[]> {
  return page.locator('[data-chart-state]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
}

test('on a phone, no chart code is fetched until a chart scrolls into view, and nothing moves when it draws', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const chartCode = watchChartCode(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const boxes = page.locator('[data-chart-state]');
  // Curve, calendar, published and top posts. The distribution and the scatter say in words that no post has a
  // first-30-days value yet (the fixture's traffic covers no post's whole first 30 days): no chart, no box.
  await expect(boxes).toHaveCount(4);
  await expect(page.locator('[data-chart-state="waiting"]')).toHaveCount(4);
  expect(await chartCode()).toBe(false);
  const before = await boxHeights(page);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  // Each box holds its chart's height while it waits: 300 px, the calendar 320, the top posts' 3 rows the least, 160.
  expect(before).toEqual([300, 320, 300, 160]);

  expect(await drawCharts(page)).toBe(4);
  expect(await chartCode()).toBe(true);
  expect(await boxHeights(page)).toEqual(before);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(pageHeight);
});

test('a chart scrolled into view is drawn with its tooltip; the others still wait', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const top = page.getByTestId('top');
  await top.scrollIntoViewIfNeeded();
  await expect(top.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // The top chart's bars are the fixture's three viewed posts: 5, 3 and 1 page views, the first is the largest.
  await top.locator('.recharts-bar-rectangle').first().hover();
  await expect(top.locator('.recharts-tooltip-wrapper')).toContainText('5 page views');
  // The curve panel sits far above: it was never in view.
  await expect(page.getByTestId('curve').locator('[data-chart-state="waiting"]')).toHaveCount(1);
});

test('without JavaScript every chart says where its numbers are, and the numbers are there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  // Playwright's text matchers skip <noscript>, whose content a browser without JavaScript shows: read the DOM.
  const said = await page.locator('[data-chart-state]').evaluateAll((els) => els.map((e) => e.textContent?.trim()));
  expect(said).toEqual(Array(4).fill('The chart needs JavaScript; its numbers are listed under “The numbers” below.'));
  await expect(page.getByTestId('top')).toContainText('n = 3 of 4 published posts');
  await page.getByTestId('top').getByText('The numbers').click();
  await expect(page.getByTestId('top-posts').locator('li').first()).toContainText(
    'Why I stopped digging: 5 page views',
  );
  await context.close();
});
