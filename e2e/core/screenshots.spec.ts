import { expect, test } from '@playwright/test';

// Screenshots of every page at desktop and phone width, for people to look at (test-results/screenshots/core-).
// Each also checks the page renders its heading and logs no browser errors.
const PAGES = [
  ['overview', '/', 'Overview'],
  ['posts', '/posts', 'Posts'],
  ['post', '/posts/1', 'Why I stopped digging'],
  ['imports', '/imports', 'Imports'],
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
      await page.screenshot({ path: `test-results/screenshots/core-${name}-${device}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }
}
