import { expect, test } from '@playwright/test';
import { drawCharts } from '../charts';
import { cspViolations, recordCspViolations, signIn, watch } from './helpers';

test('every response carries the security headers; pages a fresh CSP nonce', async ({ request, context, baseURL }) => {
  const nonces = new Set<string>();
  for (const url of ['/login', '/api/health']) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['referrer-policy'], url).toBe('same-origin');
    expect(h['x-frame-options'], url).toBe('DENY');
    const csp = h['content-security-policy'];
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? '');
  }
  expect(nonces.size).toBe(2);
  // Redirects and refusals carry them too.
  const redirect = await request.get('/posts', { maxRedirects: 0 });
  expect(redirect.headers()['x-content-type-options']).toBe('nosniff');
  expect(redirect.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await signIn(context.request, baseURL as string);
  const page = await context.request.get('/');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('pages render and charts draw under the CSP, with no violations', async ({ page, context, baseURL }) => {
  await recordCspViolations(page);
  await signIn(context.request, baseURL as string);
  const problems = watch(page);
  for (const [url, charts] of [
    ['/', 1],
    ['/posts/1', 1],
    ['/posts', 0],
    ['/login', 0],
  ] as const) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // Scripts ran (React hydrated): Next's inline scripts carry the nonce.
    expect(await page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next)), url).toBe(true);
    // Charts load their code when scrolled into view: that code must run under the CSP too.
    if (charts) expect(await drawCharts(page), url).toBeGreaterThanOrEqual(charts);
    if (charts) expect(await page.locator('svg.recharts-surface').count(), url).toBeGreaterThanOrEqual(charts);
    expect(await cspViolations(page), url).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test('markup that slipped into the page could not run: event handlers and javascript: links are blocked', async ({
  page,
  context,
  baseURL,
}) => {
  await recordCspViolations(page);
  await signIn(context.request, baseURL as string);
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __ran?: string[] };
    w.__ran = [];
    // What an escaping bug would produce: HTML parsed from data, with a handler and a javascript: link.
    const div = document.createElement('div');
    div.innerHTML =
      '<img src="data:," onload="window.__ran.push(\'onload\')" onerror="window.__ran.push(\'onerror\')">' +
      '<a id="xss-link" href="javascript:window.__ran.push(\'href\')">x</a>';
    document.body.append(div);
    (document.getElementById('xss-link') as HTMLAnchorElement).click();
    await new Promise((r) => setTimeout(r, 300));
    return w.__ran;
  });
  expect(ran).toEqual([]);
  expect((await cspViolations(page)).join(' ')).toMatch(/script-src/);
});

test('Tend cannot be framed', async ({ page, context, baseURL }) => {
  await signIn(context.request, baseURL as string);
  const problems: string[] = [];
  page.on('console', (m) => problems.push(m.text()));
  await page.setContent(`<iframe id="f" src="${baseURL}/"></iframe>`);
  await page.waitForTimeout(1000);
  const frame = page.frame({ url: /127\.0\.0\.1/ });
  const framedHeading = frame
    ? await frame
        .locator('h1')
        .count()
        .catch(() => 0)
    : 0;
  expect(framedHeading).toBe(0);
});
