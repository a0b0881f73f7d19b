import { expect, test } from '@playwright/test';
import { drawCharts } from './charts';

/** Desktop and phone viewports every page is photographed at. */
export const VIEWPORTS = [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const;

/** Where screenshots go: `${E2E_OUT}/screenshots/` (default test-results). */
export const SHOTS = `${process.env.E2E_OUT ?? 'test-results'}/screenshots`;

export interface PageShot {
  name: string;
  url: string;
  /** The page's h1. */
  heading: string;
  /** A link to click on `url` first (e.g. a post in the list), by its accessible name. */
  open?: string;
}

/**
 * One test per page and viewport: load it, check its h1, scroll its charts into view (they load when shown), wait for
 * the network to settle, save a full-page screenshot as `<area>-<name>-<device>.png` for people to look at, and fail
 * on any browser error or failed (4xx/5xx) response.
 */
export function screenshotPages(area: string, pages: readonly PageShot[]): void {
  for (const p of pages) {
    for (const [device, width, height] of VIEWPORTS) {
      test(`${p.name} at ${device} width`, async ({ page }) => {
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
        await page.setViewportSize({ width, height });
        await page.goto(p.url);
        if (p.open) await page.getByRole('link', { name: p.open }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.heading);
        await drawCharts(page);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${SHOTS}/${area}-${p.name}-${device}.png`, fullPage: true });
        expect(errors).toEqual([]);
      });
    }
  }
}
