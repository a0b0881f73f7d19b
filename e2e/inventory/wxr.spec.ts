import { expect, test } from '@playwright/test';

// Facts of fixtures/inventory (see its README): a WXR export of 4 posts (a draft included), re-imported after post
// 103 was renamed; its views under the old and the new path are one post's.

test('the imported WXR posts are all in /posts, the draft and same-title posts included', async ({ page }) => {
  await page.goto('/posts?sort=title&dir=asc');
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('posts-table')).toContainText('Draft idea');
  await expect(page.getByTestId('posts-table').getByRole('link', { name: 'Same title' })).toHaveCount(2);
  await expect(page.getByTestId('posts-table')).not.toContainText('shed-photo.jpg');
  await expect(page.getByTestId('posts-table')).not.toContainText('About');
});

test('a renamed post keeps its traffic under its new title', async ({ page }) => {
  await page.goto('/posts?q=New+name');
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('/2023/03/new-name');
  await rows.first().getByRole('link', { name: 'New name' }).click();
  await expect(page.getByTestId('lifetime')).toHaveText('3');
});
