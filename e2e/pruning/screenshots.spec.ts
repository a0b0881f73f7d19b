import { expect, test } from '@playwright/test';

// Screenshots of the pruning pages at desktop and phone width, for people to look at
// (${E2E_OUT}/screenshots/pruning-*.png). Each also checks the heading and that the browser logs no error.
const OUT = process.env.E2E_OUT ?? 'test-results';
const PAGES = [
  ['review', '/review', 'Review'],
  ['history', '/history', 'History'],
  ['plan', '/plan', 'Cull plan'],
] as const;

for (const [name, url, heading] of PAGES) {
  for (const [device, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ] as const) {
    test(`${name} at ${device} width`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.setViewportSize({ width, height });
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${OUT}/screenshots/pruning-${name}-${device}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }
}
