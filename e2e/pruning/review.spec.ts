import { expect, type Page, test } from '@playwright/test';

// The review queue driven by the keyboard only: five decisions, one undo, a reload; then the history and the counts.
// The area's data (e2e/pruning/prepare.ts): the demo blog, decisions made "earlier", so today's count starts at 0.

async function progress(page: Page): Promise<{ decided: number; total: number }> {
  const text = (await page.getByTestId('review-progress').textContent()) ?? '';
  const m = /([\d,]+) of ([\d,]+) decided today/.exec(text);
  if (!m) throw new Error(`no progress line in "${text}"`);
  return { decided: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')) };
}

async function title(page: Page): Promise<string> {
  return ((await page.getByTestId('review-title').textContent()) ?? '').trim();
}

test('a keyboard-only session decides five posts, undoes one, and survives a reload', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
  // Relative counts: other spec files of this area decide posts too (the prepared decisions are from before today).
  const start = await progress(page);
  expect(start.total).toBeGreaterThan(10);

  // `?` shows the shortcuts, Esc hides them.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const decided: { title: string; decision: string; note: string }[] = [];
  const plan: [string, string][] = [
    ['c', ''],
    ['k', 'still useful, says a reader'],
    ['c', ''],
    ['k', ''],
    ['c', 'thin'],
  ];
  for (const [key, note] of plan) {
    const t = await title(page);
    if (note) {
      await page.keyboard.press('n');
      await expect(page.getByTestId('review-note')).toBeFocused();
      await page.keyboard.type(note);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('review-note')).not.toBeFocused();
    }
    await page.keyboard.press(key);
    await expect(page.getByTestId('review-title')).not.toHaveText(t);
    decided.push({ title: t, decision: key === 'k' ? 'keep' : 'cull', note });
  }
  await expect.poll(() => progress(page)).toEqual({ decided: start.decided + 5, total: start.total });

  // `s` skips without deciding; `←` goes back to the post decided last, shown with its decision.
  const skipped = await title(page);
  await page.keyboard.press('s');
  await expect(page.getByTestId('review-title')).not.toHaveText(skipped);
  await expect.poll(() => progress(page)).toEqual({ decided: start.decided + 5, total: start.total });

  // `u` takes back the last decision and opens that post again.
  await page.keyboard.press('u');
  await expect(page.getByTestId('review-title')).toHaveText(decided[4].title);
  await expect(page.getByTestId('review-status')).toContainText('Undone');
  await expect.poll(() => progress(page)).toEqual({ decided: start.decided + 4, total: start.total });

  await page.reload();
  await expect(page.getByTestId('review-title')).toHaveText(decided[4].title);
  expect(await progress(page)).toEqual({ decided: start.decided + 4, total: start.total });

  // The history: the undo on top, then the five decisions, newest first, the undone one marked.
  await page.goto('/history');
  const rows = page.getByTestId('history-row');
  await expect(rows.nth(0)).toContainText(decided[4].title);
  await expect(rows.nth(0)).toContainText('cull → undecided');
  await expect(rows.nth(0)).toContainText(/undo of #\d+/);
  await expect(rows.nth(1)).toContainText(decided[4].title);
  await expect(rows.nth(1)).toContainText(/undone by #\d+/);
  for (let i = 0; i < 4; i++) {
    const row = rows.nth(2 + i);
    const d = decided[3 - i];
    await expect(row).toContainText(d.title);
    await expect(row).toContainText(`undecided → ${d.decision}`);
    // Each decision carries only its own note (a note typed for one post must not stick to the next).
    await expect(row.getByTestId('history-note')).toHaveText(d.note);
  }
});
