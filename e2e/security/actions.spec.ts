import { type APIRequestContext, expect, type Request, test } from '@playwright/test';
import { signIn } from './helpers';

/**
 * Server actions check the session and the origin: a decision-form POST captured from the real page (Next-Action
 * header, multipart body) is replayed without the cookie and with a foreign Origin; both are refused and change
 * nothing, while the same replay with the cookie and this origin works (so the replay itself is valid).
 */
test('a replayed server action is refused without a session or from another origin', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await signIn(context.request, baseURL as string);
  await page.goto('/posts/1');
  const form = page.getByRole('form', { name: 'Decision' });

  const captured = new Promise<Request>((resolve) =>
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['next-action']) resolve(r);
    }),
  );
  await form.getByRole('radio', { name: 'Keep', exact: true }).check();
  await form.locator('textarea[name="note"]').fill('first');
  await form.getByRole('button', { name: 'Save decision' }).click();
  await expect(form.getByRole('status')).toHaveText(/Saved/);
  const action = await captured;
  const headers = {
    'next-action': action.headers()['next-action'],
    'content-type': action.headers()['content-type'],
    accept: 'text/x-component',
  };
  const body = action.postDataBuffer() as Buffer;
  expect(body.toString()).toContain('first');

  // Now the decision is cull / "second"; the replays would set keep / "first".
  await form.getByRole('radio', { name: 'Cull', exact: true }).check();
  await form.locator('textarea[name="note"]').fill('second');
  await form.getByRole('button', { name: 'Save decision' }).click();
  await expect(form.getByRole('status')).toHaveText(/Saved/);

  const current = async () => {
    await page.reload();
    return {
      cull: await form.getByRole('radio', { name: 'Cull', exact: true }).isChecked(),
      note: await form.locator('textarea[name="note"]').inputValue(),
    };
  };
  const replay = (request: APIRequestContext, origin: string) =>
    request.post('/posts/1', { headers: { ...headers, origin }, data: body, maxRedirects: 0 });

  const anonymous = await browser.newContext();
  const noSession = await replay(anonymous.request, baseURL as string);
  expect(noSession.status()).toBe(401);
  await anonymous.close();
  expect(await current()).toEqual({ cull: true, note: 'second' });

  const crossOrigin = await replay(context.request, 'http://evil.example');
  expect(crossOrigin.status()).toBe(403);
  expect(await current()).toEqual({ cull: true, note: 'second' });

  const control = await replay(context.request, baseURL as string);
  expect(control.status()).toBe(200);
  expect(await current()).toEqual({ cull: false, note: 'first' });
});

test('cross-origin form posts to the sign-in and sign-out routes are refused', async ({ request }) => {
  const login = await request.post('/api/auth/login', {
    form: { password: 'x' },
    headers: { origin: 'http://evil.example' },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(403);
  const logout = await request.post('/api/auth/logout', {
    headers: { origin: 'http://evil.example' },
    maxRedirects: 0,
  });
  expect(logout.status()).toBe(403);
});
