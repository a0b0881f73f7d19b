import { expect, test } from '@playwright/test';

// The imports page at desktop and phone width (written to $E2E_OUT/screenshots/traffic-*), no browser errors.
const OUT = process.env.E2E_OUT ?? 'test-results';

for (const [device, width, height] of [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const) {
  test(`imports at ${device} width`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewportSize({ width, height });
    await page.goto('/imports');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imports');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${OUT}/screenshots/traffic-imports-${device}.png`, fullPage: true });
    // The mapping form open, as the author sees it.
    const row = page.getByTestId('unmatched').locator('tbody tr').first();
    await row.getByRole('button', { name: /to a post/ }).click();
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/screenshots/traffic-map-form-${device}.png` });
    expect(errors).toEqual([]);
  });
}
