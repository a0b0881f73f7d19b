import { expect, test } from '@playwright/test';

// Facts of fixtures/comparison (README.md). Cull suggestion by hand with the default thresholds: 11 posts have
// their first 30 days covered, first-30 views sorted 2,3,5,7,10,20,30,40,41,50,60 -> 20th percentile (R type 7,
// position 0.2 * 10 = 2) = 5. Last 90 days (2024-04-02..06-30): h6 4, g1 2, h1 1 = 7 page views.

async function openPost(page: import('@playwright/test').Page, title: string) {
  await page.goto(`/posts?q=${encodeURIComponent(title)}`);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('post-title')).toHaveText(title);
}

test('the post page shows metrics, windows left out with the reason, and the cull suggestion', async ({ page }) => {
  await openPost(page, 'The ultimate guide to compost');
  await expect(page.getByTestId('metric-first30')).toHaveText('2');
  // 2 page views over the 137 days from 2024-02-15 to 2024-06-30.
  await expect(page.getByTestId('metric-perday')).toHaveText('0.015');
  await expect(page.getByTestId('cull-suggestion')).toContainText('Suggested: Cull candidate');
  await expect(page.getByTestId('cull-suggestion').locator('li')).toHaveText([
    'bottom 20% of first-30-day views (2, cut-off 5)',
    'AI-generated',
  ]);

  await openPost(page, 'Digging a new bed for squash');
  await expect(page.getByTestId('metric-first30')).toHaveText('left out: younger than 30 days');
  await expect(page.getByTestId('metric-first7')).toHaveText('4');
  await expect(page.getByTestId('cull-suggestion')).toContainText('published 10 days ago: too new to judge');

  await openPost(page, 'Pruning the old pear tree');
  // h1: 1 of the last 90 days' 7 page views = 14%. It is 172 days old: its first and last 90 days overlap, no decay.
  await expect(page.getByTestId('cull-suggestion').locator('li')).toHaveText([
    'still earning 14% of traffic (last 90 days)',
  ]);
  await expect(page.getByTestId('metric-decay')).toHaveText('needs 180 days of life and views in the first 90');
  await expect(page.getByTestId('metric-peak')).toHaveText('30 on 2024-01-10');
});

test('thresholds and notes are edited on /settings; a suggestion follows them, a decision never moves', async ({
  page,
}) => {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Cull thresholds' });
  await form.getByLabel(/AI authorship counted as a weak signal/).selectOption('never');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(form.getByRole('status')).toHaveText('Thresholds saved');

  await openPost(page, 'The ultimate guide to compost');
  await expect(page.getByTestId('cull-suggestion')).toContainText('Suggested: Review');
  await expect(page.getByRole('form', { name: 'Decision' }).getByRole('radio', { name: 'Undecided' })).toBeChecked();

  await page.goto('/settings');
  await page.getByRole('form', { name: 'Reset thresholds' }).getByRole('button').click();
  await expect(page.getByRole('form', { name: 'Reset thresholds' }).getByRole('status')).toHaveText(
    'Back to the defaults',
  );

  const add = page.getByRole('form', { name: 'Add a note' });
  await add.getByLabel('Day').fill('2024-03-05');
  await add.getByLabel(/Note/).fill('moved to a new host');
  await add.getByRole('button', { name: 'Add note' }).click();
  await expect(add.getByRole('status')).toHaveText('Note added');
  await page.goto('/');
  await expect(page.getByTestId('annotations')).toContainText('2024-03-05: moved to a new host');

  await page.goto('/settings');
  await page.getByRole('form', { name: 'Delete the note of 2024-03-05' }).getByRole('button').click();
  // The note disappears from the list (with its form).
  await expect(page.getByRole('form', { name: 'Delete the note of 2024-03-05' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Note of 2024-02-14' }).getByLabel('Note')).toHaveValue(
    'started AI posts',
  );
  await page.goto('/');
  await expect(page.getByTestId('annotations')).not.toContainText('moved to a new host');
});
