import { expect, type Page, test } from '@playwright/test';

// Data: e2e/authorship/prepare.ts (the seeded demo blog, 76 posts, none labelled). Tests share one database and
// run in order, so each reads the counts before it acts and asserts on the difference.

/**
 * A cohort's post count from the overview's cohort table (cell data-testid n-<cohort>). The table lists only cohorts
 * that have posts, so a missing row is 0.
 */
async function cohortCount(page: Page, cohort: string): Promise<number> {
  await page.goto('/');
  await expect(page.getByTestId('cohort-table')).toBeVisible();
  const cell = page.getByTestId(`n-${cohort}`);
  if ((await cell.count()) === 0) return 0;
  return Number((await cell.innerText()).replace(/,/g, ''));
}

test('label every post matching a filter in bulk; the overview cohorts change; undo puts them back', async ({
  page,
}) => {
  const human0 = await cohortCount(page, 'human');
  const unlabelled0 = await cohortCount(page, 'unlabelled');

  await page.goto('/posts?q=Giving+Up');
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  const n = await rows.count();
  expect(n).toBe(6); // the demo blog's six "Giving Up on ..." essays
  const bar = page.getByTestId('bulk-bar');
  await bar.getByRole('button', { name: /Select all 6 posts matching the filter/ }).click();
  await expect(bar.getByTestId('bulk-count')).toHaveText('6 posts selected');
  await bar.getByLabel('Who wrote the selected posts').selectOption('human');
  await bar.getByRole('button', { name: 'Label…' }).click();
  await expect(bar.getByTestId('bulk-confirm-text')).toHaveText('Label 6 posts Human-written?');
  await bar.getByRole('button', { name: 'Yes, change 6 posts' }).click();
  await expect(bar.getByTestId('bulk-status')).toHaveText('Labelled 6 posts human-written.');

  expect(await cohortCount(page, 'human')).toBe(human0 + 6);
  expect(await cohortCount(page, 'unlabelled')).toBe(unlabelled0 - 6);

  await page.goto('/posts');
  await page.getByTestId('undo-last').click();
  await expect(page.getByTestId('bulk-status')).toHaveText('Undid the label change of 6 posts.');
  expect(await cohortCount(page, 'human')).toBe(human0);
  expect(await cohortCount(page, 'unlabelled')).toBe(unlabelled0);
});

/**
 * Posts labelled AI on the overview: the cohort table may show AI-assisted and AI-generated apart or as one "AI"
 * row (when a cohort is small), so this sums every row whose cohort starts with "ai".
 */
async function aiCount(page: Page): Promise<number> {
  await page.goto('/');
  await expect(page.getByTestId('cohort-table')).toBeVisible();
  const rows = page.getByTestId('cohort-table').locator('tbody tr[data-cohort^="ai"]');
  let sum = 0;
  for (const row of await rows.all()) sum += Number((await row.locator('td').nth(1).innerText()).replace(/,/g, ''));
  return sum;
}

test('tick rows, label them AI-generated, then set them to cull in one go', async ({ page }) => {
  const ai0 = await aiCount(page);
  const unlabelled0 = await cohortCount(page, 'unlabelled');
  await page.goto('/posts?q=Key+Findings');
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  for (const i of [0, 1, 2]) await rows.nth(i).getByRole('checkbox').check();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar.getByTestId('bulk-count')).toHaveText('3 posts selected');
  await bar.getByLabel('Who wrote the selected posts').selectOption('ai-generated');
  await bar.getByRole('button', { name: 'Label…' }).click();
  await expect(bar.getByTestId('bulk-confirm-text')).toHaveText('Label 3 posts AI-generated?');
  await bar.getByRole('button', { name: 'Yes, change 3 posts' }).click();
  await expect(bar.getByTestId('bulk-status')).toHaveText('Labelled 3 posts AI-generated.');
  await expect(bar.getByTestId('bulk-count')).toHaveText('No posts selected');
  expect(await aiCount(page)).toBe(ai0 + 3);
  expect(await cohortCount(page, 'unlabelled')).toBe(unlabelled0 - 3);

  // The same three (the list is sorted newest first, so the order is stable) go to cull.
  await page.goto('/posts?q=Key+Findings');
  for (const i of [0, 1, 2]) await rows.nth(i).getByRole('checkbox').check();
  await bar.getByLabel('Keep or cull the selected posts').selectOption('cull');
  await bar.getByRole('button', { name: 'Decide…' }).click();
  await expect(bar.getByTestId('bulk-confirm-text')).toHaveText('Set 3 posts to cull?');
  await bar.getByRole('button', { name: 'Yes, change 3 posts' }).click();
  await expect(bar.getByTestId('bulk-status')).toHaveText('Set 3 posts to cull.');
  await page.goto('/posts?q=Key+Findings&decision=cull');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('post-count')).toHaveText('3 posts');
});

test('cancel leaves everything as it was', async ({ page }) => {
  const unlabelled0 = await cohortCount(page, 'unlabelled');
  await page.goto('/posts?q=Lessons+from+My+Notes');
  const bar = page.getByTestId('bulk-bar');
  await bar.getByRole('button', { name: /Select all 5 posts matching/ }).click();
  await bar.getByRole('button', { name: 'Label…' }).click();
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar.getByTestId('bulk-confirm-text')).toHaveCount(0);
  expect(await cohortCount(page, 'unlabelled')).toBe(unlabelled0);
});
