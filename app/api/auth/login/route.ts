import { type NextRequest, NextResponse } from 'next/server';
import { authConfig, checkPassword, sessionKey } from '@/lib/auth/config';
import { isSameOrigin, safeNextPath } from '@/lib/auth/gate';
import { clientKey, loginLimiter } from '@/lib/auth/rate-limit';
import { createSessionToken, SESSION_COOKIE, SESSION_SECONDS } from '@/lib/auth/token';

/** Longest password accepted (scrypt of a megabyte would be a cheap way to burn CPU). */
const MAX_PASSWORD_CHARS = 1024;

/**
 * A 303 to a local path. The Location stays relative: request.url names the host as Next.js sees it (`localhost`),
 * which may not be the name the browser used, and the session cookie belongs to the name the browser used.
 */
function seeOther(pathWithQuery: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: pathWithQuery, 'cache-control': 'no-store' } });
}

/** 303 back to the login page with an error code (and the retry delay), keeping where the user wanted to go. */
function back(params: Record<string, string>): NextResponse {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && v !== '/') q.set(k, v);
  return seeOther(`/login?${q}`);
}

/**
 * Sign in: form fields `password` and `next` (a local path). Public (it is how a session starts), same-origin only,
 * rate-limited per client address and overall (lib/auth/rate-limit.ts). On success sets the signed session cookie
 * (httpOnly, SameSite=Lax, Secure over HTTPS) and answers 303 to `next`; otherwise 303 to /login?error=….
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return new NextResponse('Cross-origin request refused.\n', { status: 403 });
  const form = await request.formData().catch(() => null);
  const next = safeNextPath(String(form?.get('next') ?? '/'));
  const cfg = authConfig();
  if (cfg.problem) return new NextResponse(`Tend refuses to serve: ${cfg.problem}\n`, { status: 503 });
  if (!cfg.required) return seeOther(next);

  const key = clientKey(request.headers);
  const limiter = loginLimiter();
  const verdict = limiter.check(key);
  if (!verdict.allowed) return back({ error: 'too-many', retry: String(verdict.retryAfter), next });

  const password = form?.get('password');
  const ok =
    typeof password === 'string' &&
    password.length > 0 &&
    password.length <= MAX_PASSWORD_CHARS &&
    checkPassword(password);
  if (!ok) {
    limiter.fail(key);
    return back({ error: 'wrong', next });
  }
  limiter.succeed(key);
  const response = seeOther(next);
  response.cookies.set(SESSION_COOKIE, createSessionToken(sessionKey()), {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:',
    path: '/',
    maxAge: SESSION_SECONDS,
  });
  return response;
}
