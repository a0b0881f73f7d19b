/**
 * Runs before every request except static files: decides access (lib/auth/gate.ts: password, session, same-origin
 * writes, loopback-only without a password) and sets a fresh Content-Security-Policy nonce that Next.js puts on its
 * own scripts. Server actions and route handlers check the session again themselves (lib/auth/session.ts).
 */
import crypto from 'node:crypto';
import { type NextRequest, NextResponse } from 'next/server';
import { authConfig, sessionKey } from './lib/auth/config';
import { contentSecurityPolicy, decide } from './lib/auth/gate';
import { SESSION_COOKIE, verifySessionToken } from './lib/auth/token';

export function proxy(request: NextRequest) {
  const cfg = authConfig();
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  let hasSession = false;
  if (cfg.required && !cfg.problem && token) hasSession = verifySessionToken(token, sessionKey()) !== null;
  const verdict = decide(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      pathWithQuery: request.nextUrl.pathname + request.nextUrl.search,
      headers: request.headers,
      hasSession,
    },
    cfg,
  );

  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  let response: NextResponse;
  if (verdict.kind === 'deny') {
    response = new NextResponse(`${verdict.message}\n`, {
      status: verdict.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  } else if (verdict.kind === 'redirect') {
    response = NextResponse.redirect(new URL(verdict.location, request.url), 307);
  } else {
    // Next.js reads the nonce from the request's CSP header while rendering.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Everything but build output and the icon: pages, server actions (POSTs to pages) and route handlers.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
