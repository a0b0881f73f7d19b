import { expect, test } from '@playwright/test';

// The sign-in page at desktop and phone width, plain and with an error (under `${E2E_OUT}/screenshots/`).
const OUT = `${process.env.E2E_OUT ?? 'test-results'}/screenshots`;

for (const [device, width, height] of [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const) {
  test(`sign-in page at ${device} width`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewportSize({ width, height });
    await page.goto('/posts');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${OUT}/security-login-${device}.png`, fullPage: true });
    await page.goto('/login?error=wrong&next=%2Fposts');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong password. Try again.');
    await page.screenshot({ path: `${OUT}/security-login-error-${device}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}
