import { expect, type Page, test } from '@playwright/test';

async function title(page: Page): Promise<string> {
  return ((await page.getByTestId('review-title').textContent()) ?? '').trim();
}

// Undo of any single event from /history: with later decisions on the same post it says what happens and asks.
test('undoing an older event with later decisions on the same post says what happens and asks first', async ({
  page,
}) => {
  await page.goto('/review?order=least-read');
  const t = await title(page);
  await page.getByRole('button', { name: /^Keep/ }).click();
  await expect(page.getByTestId('review-title')).not.toHaveText(t);
  await page.goto('/history');
  const keepRow = page.getByTestId('history-row').filter({ hasText: t }).first();
  const postId = await keepRow.getAttribute('data-post');
  const keepEvent = await keepRow.getAttribute('data-event');
  await page.goto(`/review?post=${postId}`);
  await page.getByRole('button', { name: /^Cull/ }).click();
  await expect(page.getByTestId('review-title')).not.toHaveText(t);

  await page.goto('/history');
  await page.getByTestId(`undo-${keepEvent}`).click();
  const confirm = page.getByTestId(`undo-confirm-${keepEvent}`);
  await expect(confirm).toContainText('goes back to undecided');
  await expect(confirm).toContainText('replaces 1 later decision');
  await confirm.getByRole('button', { name: `Yes, undo #${keepEvent}` }).click();
  await expect(page.getByTestId('history-row').first()).toContainText('cull → undecided');
  await expect(page.getByTestId('history-row').first()).toContainText(`undo of #${keepEvent}`);
});
