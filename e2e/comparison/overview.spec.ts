import { expect, type Page, test } from '@playwright/test';
import { fastBootstrapMedianDiffCI } from '../../lib/cohorts-bootstrap';

// Facts of fixtures/comparison (see its README.md), counted by hand. The bootstrap interval is random by nature:
// its bounds come from the seeded function itself, everything else is written out here.
const HUMAN_FIRST30 = [40, 41, 50, 30, 60];
const AI_FIRST30 = [3, 2, 5, 10, 20];

function interval(): string {
  const ci = fastBootstrapMedianDiffCI(AI_FIRST30, HUMAN_FIRST30, { seed: 1 });
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 1 ? 2 : 1 });
  return `${f(ci!.low)} to ${f(ci!.high)}`;
}

for (const [device, width, height] of [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const) {
  test.describe(`at ${device} width`, () => {
    test.beforeEach(async ({ page }) => page.setViewportSize({ width, height }));

    test('compares human-written and AI posts with numbers and a plain sentence', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('total-posts')).toHaveText('12');
      await expect(page.getByTestId('total-views')).toHaveText('275');
      await expect(page.getByTestId('n-human')).toHaveText('6');
      await expect(page.getByTestId('n-ai')).toHaveText('5');
      await expect(page.getByTestId('n-unlabelled')).toHaveText('1');
      await expect(page.getByTestId('views-human')).toHaveText('226');
      await expect(page.getByTestId('views-ai')).toHaveText('42');
      await expect(page.getByTestId('views-unlabelled')).toHaveText('7');
      // h6 is 10 days old: left out of the first-30 numbers, not counted as 0.
      await expect(page.getByTestId('nvalue-human')).toHaveText('5');
      await expect(page.getByTestId('median-human')).toHaveText('41 (40–50)');
      await expect(page.getByTestId('median-ai')).toHaveText('5 (3–10)');
      await expect(page.getByTestId('comparison')).toHaveText(
        `AI posts got a median of 5 page views in their first 30 days against 41 for human-written posts; with 5 against 5 posts (95% interval of the difference: ${interval()}), a difference this large would be unlikely by chance (p = 0.009).`,
      );
      await expect(page.getByTestId('test-ai')).toHaveText('p = 0.009, r = −1.00 (tend to be lower)');
      await expect(page.getByTestId('ci-ai')).toContainText(`-36 (${interval()})`);
      await expect(page.getByTestId('top-posts').locator('li').first()).toContainText(
        'The first asparagus spears: 60 page views',
      );
      await expect(page.getByTestId('annotations')).toContainText('2024-02-14: started AI posts');
    });

    test('the split toggle separates AI-assisted and AI-generated, in the URL, with the back button', async ({
      page,
    }) => {
      await page.goto('/');
      await page.getByTestId('split-toggle').click();
      await expect(page).toHaveURL(/\?split=1$/);
      await expect(page.getByTestId('n-ai-assisted')).toHaveText('2');
      await expect(page.getByTestId('n-ai-generated')).toHaveText('3');
      const sentences = page.getByTestId('comparison').locator('p');
      await expect(sentences).toHaveText([
        'AI-assisted posts got a median of 15 page views in their first 30 days against 41 for human-written posts; with 2 against 5 posts, this is too few to be sure.',
        'AI-generated posts got a median of 3 page views in their first 30 days against 41 for human-written posts; with 3 against 5 posts, this is too few to be sure.',
      ]);
      // Below the minimum n the table says so instead of a p-value.
      await expect(page.getByTestId('too-few-ai-generated')).toBeVisible();
      await expect(page.getByTestId('test-ai-generated')).toHaveCount(0);
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId('n-ai')).toHaveText('5');
    });

    test('a date range and the previous period apply from the URL and survive a reload', async ({ page }) => {
      await page.goto('/');
      const form = page.getByRole('form', { name: 'Date range' });
      await form.getByLabel('From').fill('2024-02-01');
      await form.getByLabel('To').fill('2024-03-31');
      await form.getByLabel('Compare with the previous period').check();
      await form.getByRole('button', { name: 'Apply' }).click();
      await expect(page).toHaveURL(/from=2024-02-01&to=2024-03-31&compare=1/);
      await checkRange(page);
      await page.reload();
      await checkRange(page);
    });

    test('a bad value in a shared link is ignored and named', async ({ page }) => {
      await page.goto('/?from=2024-02-30&split=1');
      await expect(page.getByTestId('range-bar').getByRole('alert')).toContainText(
        'ignored from="2024-02-30": is not a calendar day',
      );
      await expect(page.getByTestId('n-ai-generated')).toHaveText('3');
    });
  });
}

async function checkRange(page: Page) {
  await expect(page.getByTestId('range-summary')).toContainText(
    'Showing posts published 2024-02-01 to 2024-03-31, and page views on those days. Previous period: 2023-12-03 to 2024-01-31.',
  );
  await expect(page.getByTestId('n-human')).toHaveText('3');
  await expect(page.getByTestId('n-ai')).toHaveText('4');
  await expect(page.getByTestId('comparison')).toHaveText(
    'AI posts got a median of 7.5 page views in their first 30 days against 50 for human-written posts; with 4 against 3 posts, this is too few to be sure.',
  );
  await expect(page.getByTestId('comparison-previous')).toContainText(
    'AI posts got a median of 3 page views in their first 30 days against 40.5 for human-written posts; with 1 against 2 posts, this is too few to be sure.',
  );
  await expect(page.getByTestId('prev-human')).toHaveText('40.5 (2)');
  // Views on days in the range: h3 50 + h4 30 + g2 2 + a1 10 + h5 60 + g3 5 + a2 20 = 177; previous: 30+3+10+41 = 84.
  await expect(page.getByTestId('calendar')).toContainText(
    '177 page views (previous period 2023-12-03 to 2024-01-31: 84, +111%)',
  );
}
