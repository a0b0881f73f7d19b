import { expect, test } from '@playwright/test';

// Facts of fixtures/e2e (see fixtures/e2e/README.md): 4 posts; by lifetime views "Why I stopped digging" (5) first,
// "A quiet post nobody read" (0) last. `per=2` splits them over two pages. Nothing here writes to the database.

test('the posts list pages through every post, keeping the sort and the page size', async ({ page }) => {
  await page.goto('/posts?sort=lifetime&dir=desc&per=2');
  await expect(page.getByTestId('post-count')).toHaveText('4 posts');
  await expect(page.getByTestId('post-range')).toHaveText(', showing 1–2');
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Why I stopped digging');
  await expect(rows.nth(1)).toContainText('The onion that ate my weekend');

  const top = page.getByRole('navigation', { name: 'Pages, top' });
  await expect(top).toContainText('page 1 of 2');
  await expect(top.getByRole('link', { name: '← Previous' })).toHaveCount(0);
  await top.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/sort=lifetime/);
  await expect(page).toHaveURL(/per=2/);
  await expect(page.getByTestId('post-range')).toHaveText(', showing 3–4');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('A quiet post nobody read');
  await expect(rows.nth(1).locator('td').nth(3)).toHaveText('0');
  await expect(
    page.getByRole('navigation', { name: 'Pages, bottom' }).getByRole('link', { name: 'Next →' }),
  ).toHaveCount(0);

  // A new sort starts again from page 1, with the page size kept.
  await page.getByTestId('posts-table').getByRole('link', { name: 'Title' }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page).toHaveURL(/per=2/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(page.getByTestId('post-range')).toHaveText(', showing 1–2');
});

test('a page past the end shows the last page; one page needs no pager', async ({ page }) => {
  await page.goto('/posts?per=3&page=9');
  await expect(page.getByTestId('post-range')).toHaveText(', showing 4–4');
  await expect(page.getByTestId('posts-table').locator('tbody tr')).toHaveCount(1);
  await page.goto('/posts');
  await expect(page.getByTestId('post-count')).toHaveText('4 posts');
  await expect(page.getByTestId('post-range')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages, top' })).toHaveCount(0);
});

test('"select all" on page 2 selects every matching post, not only the rows shown', async ({ page }) => {
  await page.goto('/posts?per=2&page=2');
  const bar = page.getByTestId('bulk-bar');
  // Ticking the header box selects this page's rows only.
  await page.getByLabel('Select every post on this page').check();
  await expect(bar.getByTestId('bulk-count')).toHaveText('2 posts selected');
  await bar.getByRole('button', { name: /Select all 4 posts matching the list/ }).click();
  await expect(bar.getByTestId('bulk-count')).toHaveText('4 posts selected');
  await expect(bar.getByTestId('bulk-other-pages')).toHaveText('(2 of them on other pages)');
  await bar.getByLabel('Keep or cull the selected posts').selectOption('keep');
  await bar.getByRole('button', { name: 'Decide…' }).click();
  await expect(bar.getByTestId('bulk-confirm-text')).toHaveText('Set 4 posts to keep?');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  // Unticking a row drops back to the rows ticked on this page.
  await page.getByTestId('posts-table').locator('tbody tr').first().locator('input[type=checkbox]').uncheck();
  await expect(bar.getByTestId('bulk-count')).toHaveText('1 post selected');
});
