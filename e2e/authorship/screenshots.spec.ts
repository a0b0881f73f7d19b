import { expect, test } from '@playwright/test';

// Screenshots of the pages this area changed, at desktop and phone width (E2E_OUT/screenshots/authorship-*).
const OUT = process.env.E2E_OUT ?? 'test-results';

for (const [device, width, height] of [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const) {
  test(`posts with the bulk bar at ${device} width`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/posts?q=Key+Findings');
    const rows = page.getByTestId('posts-table').locator('tbody tr');
    await rows.nth(3).getByRole('checkbox').check();
    await rows.nth(4).getByRole('checkbox').check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('button', { name: 'Label…' }).click();
    await expect(bar.getByTestId('bulk-confirm-text')).toHaveText('Label 2 posts AI-generated?');
    await page.screenshot({
      path: `${OUT}/screenshots/authorship-posts-${device}.png`,
      fullPage: device === 'desktop',
    });
  });

  test(`label page at ${device} width`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/label');
    await expect(page.getByTestId('label-title')).toBeVisible();
    await page.screenshot({ path: `${OUT}/screenshots/authorship-label-${device}.png`, fullPage: true });
  });

  test(`post page at ${device} width`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/posts?q=Key+Findings%3A+Pollinator');
    await page.getByRole('link', { name: 'Key Findings: Pollinator-Friendly Borders' }).click();
    await expect(page.getByTestId('authorship-panel')).toBeVisible();
    await page.getByText(/^Post text/).click();
    await page.screenshot({ path: `${OUT}/screenshots/authorship-post-${device}.png`, fullPage: true });
  });
}
