/** Shared by the security specs: the area's password (see playwright.config.ts) and signing in. */
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export const PASSWORD = 'e2e-correct-horse-battery';

/** Sign in through the login route with `request` (a page's context.request shares the browser's cookies). */
export async function signIn(request: APIRequestContext, baseURL: string, extraHeaders: Record<string, string> = {}) {
  const res = await request.post('/api/auth/login', {
    form: { password: PASSWORD, next: '/' },
    headers: { origin: baseURL, ...extraHeaders },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toBe('/');
  return res;
}

/** Collects what must never happen on a page: dialogs (alert), CSP violations, script errors. */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
      problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return problems;
}

/** Registers a listener for CSP violations before any page script runs; read them with {@link cspViolations}. */
export async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** Elements or attributes a payload would have created if it had been parsed as HTML. */
export function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'img[src="x"], svg[onload], iframe, script:not([src]):not([nonce]), [onerror], [onload], [onmouseover]',
      ),
    ].map((e) => e.outerHTML.slice(0, 120)),
  );
}
