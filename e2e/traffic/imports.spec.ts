import { expect, test } from '@playwright/test';

// Facts of fixtures/traffic/e2e/README.md.

test('the imports page shows the last sync with its error', async ({ page }) => {
  await page.goto('/imports');
  const sync = page.getByTestId('sync-last');
  await expect(sync.getByTestId('sync-status')).toHaveText('partial');
  await expect(sync.locator('li[data-source="exports"]')).toContainText('1 read');
  await expect(sync.locator('li[data-source="plausible"]').getByTestId('sync-error')).toContainText(
    'TEND_E2E_UNSET_PLAUSIBLE_KEY (apiKeyEnv) is not set',
  );
});

test('the coverage timeline states each source’s days, gaps and the days it counts', async ({ page }) => {
  await page.goto('/imports');
  const cov = page.getByTestId('coverage');
  const log = cov.locator('li[data-source="access-log"]');
  await expect(log.getByTestId('covered-days')).toHaveText('8');
  await expect(log.getByTestId('winning-days')).toHaveText('8');
  await expect(log).toContainText('2024-03-02 to 2024-03-03');
  const plausible = cov.locator('li[data-source="plausible"]');
  await expect(plausible.getByTestId('covered-days')).toHaveText('10');
  await expect(plausible.getByTestId('winning-days')).toHaveText('8');
  await expect(plausible).toContainText('no gaps');
  await expect(log).toContainText('missing days');
  await expect(cov.locator('li[data-source="ga4 (period)"]')).toContainText('2024-03-01 to 2024-03-31');
  // Two overlapping sources, one counted per day: 5 from the log + 4 from Plausible on 03-01.
  await page.goto('/posts?q=digging');
  await expect(page.getByTestId('posts-table').locator('tbody tr').first().locator('td').nth(3)).toHaveText('9');
});

test('map an unmatched old permalink to its post: it becomes an alias and its views count', async ({ page }) => {
  await page.goto('/imports');
  const row = page.locator('tr[data-path="/2019/05/why-i-stopped-digging.html"]');
  await expect(row.locator('td').nth(1)).toHaveText('3');
  await expect(row.locator('td').nth(2)).toHaveText('1');
  await row.getByRole('button', { name: /Map \/2019\/05\/why-i-stopped-digging\.html to a post/ }).click();
  const form = page.getByRole('form', { name: 'Map /2019/05/why-i-stopped-digging.html to a post' });
  // The post with the same slug is preselected.
  await expect(form.getByLabel('Post')).toHaveValue('1');
  await expect(form.getByLabel('Post').locator('option:checked')).toContainText('Why I stopped digging');
  await form.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByTestId('map-status')).toContainText(
    '/2019/05/why-i-stopped-digging.html now counts for "Why I stopped digging" (2 days of traffic moved)',
  );
  await expect(page.locator('tr[data-path="/2019/05/why-i-stopped-digging.html"]')).toHaveCount(0);
  await page.goto('/posts?q=digging');
  await expect(page.getByTestId('posts-table').locator('tbody tr').first().locator('td').nth(3)).toHaveText('12');
});

test('a mapping without a post chosen is refused with a message', async ({ page }) => {
  await page.goto('/imports');
  const row = page.locator('tr[data-path="/about"]');
  await row.getByRole('button', { name: /Map \/about to a post/ }).click();
  const form = page.getByRole('form', { name: 'Map /about to a post' });
  // Bypass the browser's own "required" check to reach the server-side validation.
  await form.evaluate((f) => f.setAttribute('novalidate', ''));
  await form.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByTestId('map-status')).toHaveText('Choose a post');
  await expect(page.locator('tr[data-path="/about"]')).toHaveCount(1);
});
