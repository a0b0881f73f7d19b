import { expect, type Page, test } from '@playwright/test';

async function progress(page: Page): Promise<{ decided: number; total: number }> {
  const text = (await page.getByTestId('review-progress').textContent()) ?? '';
  const m = /([\d,]+) of ([\d,]+) decided today/.exec(text);
  if (!m) throw new Error(`no progress line in "${text}"`);
  return { decided: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')) };
}

// Re-review dates: a kept post comes back to the queue on its day (e2e/pruning/prepare.ts keeps one due).
test('a kept post whose re-review date has come is back in the queue; a new date sends it away again', async ({
  page,
}) => {
  await page.goto('/history?page=1');
  // prepare.ts kept one post with a re-review date of 2026-01-01 (in the past): find it in the history.
  let row = page.getByTestId('history-row').filter({ hasText: 're-review on 2026-01-01' });
  for (let p = 2; (await row.count()) === 0 && p < 20; p++) {
    await page.goto(`/history?page=${p}`);
    row = page.getByTestId('history-row').filter({ hasText: 're-review on 2026-01-01' });
  }
  const postId = await row.first().getAttribute('data-post');
  await page.goto(`/review?post=${postId}`);
  await expect(page.getByTestId('rereview-due')).toContainText('2026-01-01');
  const before = await progress(page);
  await page.getByTestId('review-rereview').fill('2099-06-01');
  await page.getByRole('button', { name: /^Keep/ }).click();
  await expect(page.getByTestId('review-status')).toContainText('re-review on 2099-06-01');
  await expect.poll(() => progress(page)).toEqual({ decided: before.decided + 1, total: before.total });
  await page.goto(`/posts/${postId}`);
  await expect(page.getByTestId('rereview-note')).toContainText('2099-06-01');
});
