import { expect, test } from '@playwright/test';

// Screenshots of the pages this area adds or changes, at desktop and phone width, for people to look at
// (${E2E_OUT}/screenshots/comparison-*.png). Each also checks the heading and that the browser logs no errors.
const OUT = process.env.E2E_OUT ?? 'test-results';
const PAGES = [
  ['overview', '/', 'Overview'],
  ['overview-split', '/?split=1', 'Overview'],
  ['overview-range', '/?from=2024-02-01&to=2024-03-31&compare=1', 'Overview'],
  ['settings', '/settings', 'Settings'],
  ['post', '/posts?q=compost', 'The ultimate guide to compost'],
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
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      await page.setViewportSize({ width, height });
      await page.goto(url);
      if (name === 'post') await page.getByRole('link', { name: heading }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${OUT}/screenshots/comparison-${name}-${device}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }
}
