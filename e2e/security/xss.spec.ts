import { expect, type Page, test } from '@playwright/test';
import { drawCharts } from '../charts';
import { cspViolations, injectedElements, recordCspViolations, signIn, watch } from './helpers';

// fixtures/security/hostile-feed.xml: titles, bodies, authors, tags and paths that are XSS payloads.
const IMG_TITLE = '<img src=x onerror=alert(1)>';
const SCRIPT_TITLE = '"><script>alert(2)</script>';
const PAGES = ['/', '/posts', '/imports', '/review', '/label', '/plan', '/history', '/settings'];

test.beforeEach(async ({ page, context, baseURL }) => {
  await recordCspViolations(page);
  await signIn(context.request, baseURL as string);
});

/** Hover every bar and dot of every chart on the page (tooltips render titles), at most 40. */
async function hoverCharts(page: Page): Promise<number> {
  await drawCharts(page); // they load when scrolled into view
  const marks = page.locator('.recharts-bar-rectangle, .recharts-scatter-symbol, .recharts-rectangle');
  const n = Math.min(await marks.count(), 40);
  for (let i = 0; i < n; i++)
    await marks
      .nth(i)
      .hover({ force: true, timeout: 2000 })
      .catch(() => {});
  return n;
}

async function postId(page: Page, title: string): Promise<string> {
  await page.goto('/posts');
  const href = await page.getByRole('link', { name: title, exact: true }).first().getAttribute('href');
  const id = /\/posts\/(\d+)/.exec(href ?? '')?.[1];
  expect(id, `link to ${title}`).toBeTruthy();
  return id as string;
}

test('hostile titles show as text on the post list, and nothing runs on any page', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/posts');
  await expect(page.getByText(IMG_TITLE, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(SCRIPT_TITLE, { exact: true }).first()).toBeVisible();
  for (const url of PAGES) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await page.waitForLoadState('networkidle');
    await hoverCharts(page);
    expect(await injectedElements(page), url).toEqual([]);
    expect(await cspViolations(page), url).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test('the hostile post page: title, body, author, tag and tooltips stay text', async ({ page }) => {
  const problems = watch(page);
  const id = await postId(page, IMG_TITLE);
  await page.goto(`/posts/${id}`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IMG_TITLE);
  // The body's escaped markup is shown as the words it is; its real <script> and <img> were dropped as HTML.
  await expect(page.getByRole('main')).toContainText(
    'markup as text: <script>alert(3)</script> and <img src=x onerror=alert(5)>',
  );
  expect(await hoverCharts(page)).toBeGreaterThan(0);
  expect(await injectedElements(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('a post whose path is a payload: shown as text', async ({ page }) => {
  const problems = watch(page);
  const id = await postId(page, 'A post with a strange address');
  await page.goto(`/posts/${id}`);
  await expect(page.getByRole('main')).toContainText('/2024/06/<img src=x onerror=alert(6)>');
  expect(await injectedElements(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('chart tooltips show a hostile title as text', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await drawCharts(page);
  const tooltip = page.locator('.recharts-tooltip-wrapper');
  let seen = false;
  const bars = page.locator('.recharts-bar-rectangle');
  const n = await bars.count();
  for (let i = 0; i < n && !seen; i++) {
    await bars.nth(i).hover({ force: true });
    seen = (await tooltip.allTextContents()).join(' ').includes(IMG_TITLE);
  }
  expect(seen, 'a tooltip showing the <img> title literally').toBe(true);
  expect(await injectedElements(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
