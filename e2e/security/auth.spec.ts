import { expect, test } from '@playwright/test';
import { PASSWORD, signIn } from './helpers';

// The security area's server runs with TEND_PASSWORD (playwright.config.ts): sign-in is on.

test('pages redirect to /login without a session; the health check stays public', async ({ request }) => {
  for (const [url, next] of [
    ['/', null],
    ['/posts?sort=views', '/posts?sort=views'],
    ['/plan', '/plan'],
  ] as const) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(307);
    expect(res.headers().location).toBe(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  }
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true });
  // Route handlers answer 401 instead of a redirect.
  const api = await request.get('/api/export/decisions-csv', { maxRedirects: 0 });
  expect(api.status()).toBe(401);
});

test('sign in: a wrong password is refused, the right one opens the page asked for', async ({ page, context }) => {
  await page.goto('/posts');
  await expect(page).toHaveURL(/\/login\?next=%2Fposts$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong password. Try again.');
  expect(await context.cookies()).toEqual([]);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/posts$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts');
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'tend_session', httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(cookie.value).not.toContain(PASSWORD);
  // Not readable from page scripts.
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a forged or tampered cookie is no session', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const url = new URL(baseURL as string);
  await context.addCookies([
    {
      name: 'tend_session',
      value: `v1.${(Date.now() + 1e9).toString(36)}.forged.AAAA`,
      domain: url.hostname,
      path: '/',
    },
  ]);
  const page = await context.newPage();
  await page.goto('/posts');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('sign out ends the session, also for a copy of the cookie', async ({ page, context, browser, baseURL }) => {
  await signIn(context.request, baseURL as string);
  await page.goto('/');
  const stolen = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?signed-out=1$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('You are signed out.');
  expect(await context.cookies()).toEqual([]);
  const other = await browser.newContext();
  await other.addCookies(stolen);
  const res = await other.request.get('/posts', { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  await other.close();
});

test('login attempts are rate-limited per client address: 5 wrong, then even the right one waits', async ({
  browser,
  baseURL,
}) => {
  // A made-up client address (Next.js keeps a client's X-Forwarded-For), so other tests from 127.0.0.1 go on.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });
  const page = await context.newPage();
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong password. Try again.');
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    /^Too many wrong passwords\. Wait \d+ seconds, then try again\.$/,
  );
  expect(await context.cookies()).toEqual([]);
  // Another address is not affected.
  await signIn(context.request, baseURL as string, { 'x-forwarded-for': '203.0.113.78' });
  await context.close();
});
