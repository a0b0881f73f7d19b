import { expect, test } from '@playwright/test';

// Facts of fixtures/e2e (see fixtures/e2e/README.md): 4 posts, 9 human page views of posts.

test('overview shows the imported counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('total-posts')).toHaveText('4');
  await expect(page.getByTestId('total-views')).toHaveText('9');
  // Nothing is labelled by the author yet: all four posts are unlabelled, never counted as human.
  await expect(page.getByTestId('n-unlabelled')).toHaveText('4');
  await expect(page.getByTestId('n-human')).toHaveText('0');
  await expect(page.getByTestId('top-posts').locator('li').first()).toContainText(
    'Why I stopped digging: 5 page views',
  );
});

test('posts list shows every post, zero-view ones included, and sorts by views', async ({ page }) => {
  await page.goto('/posts?sort=lifetime&dir=desc');
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Why I stopped digging');
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText('5');
  await expect(rows.nth(1)).toContainText('The onion that ate my weekend');
  await expect(rows.nth(3)).toContainText('A quiet post nobody read');
  await expect(rows.nth(3).locator('td').nth(3)).toHaveText('0');
});

test('mark a post cull with a note; it persists and the decision filter shows it', async ({ page }) => {
  await page.goto('/posts');
  await page.getByRole('link', { name: 'A quiet post nobody read' }).click();
  await expect(page.getByTestId('post-title')).toHaveText('A quiet post nobody read');
  const decision = page.getByRole('form', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Cull' }).check();
  await decision.getByLabel('Note').fill('Nobody read it; redirect to the slug post');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(decision.getByRole('status')).toHaveText('Saved: cull');

  await page.reload();
  await expect(page.getByRole('form', { name: 'Decision' }).getByRole('radio', { name: 'Cull' })).toBeChecked();
  await expect(page.getByRole('form', { name: 'Decision' }).getByLabel('Note')).toHaveValue(
    'Nobody read it; redirect to the slug post',
  );
  await expect(page.getByTestId('decision-history')).toContainText('undecided → cull');

  await page.goto('/posts');
  await page.getByLabel('Decision').selectOption('cull');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/decision=cull/);
  const rows = page.getByTestId('posts-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('A quiet post nobody read');
  await expect(rows.first()).toContainText('cull');
});

test('labelling a post moves it into its cohort on the overview', async ({ page }) => {
  await page.goto('/posts?q=digging');
  await page.getByRole('link', { name: 'Why I stopped digging' }).click();
  const form = page.getByRole('form', { name: 'Authorship label' });
  await form.getByRole('radio', { name: 'Human-written' }).check();
  await form.getByRole('button', { name: 'Save label' }).click();
  await expect(form.getByRole('status')).toHaveText('Labelled human');
  await page.goto('/');
  await expect(page.getByTestId('n-human')).toHaveText('1');
  await expect(page.getByTestId('views-human')).toHaveText('5');
  await expect(page.getByTestId('n-unlabelled')).toHaveText('3');
});

test('imports page lists the runs and the unmatched paths', async ({ page }) => {
  await page.goto('/imports');
  await expect(page.getByTestId('import-runs').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('unmatched')).toContainText('/about');
  await expect(page.getByTestId('unmatched')).toContainText('/2023/12/an-old-deleted-post');
});
