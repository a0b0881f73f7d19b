import { type NextRequest, NextResponse } from 'next/server';
import { isSameOrigin } from '@/lib/auth/gate';
import { revokeSessionToken, SESSION_COOKIE } from '@/lib/auth/token';

/**
 * Sign out: revokes the session token (in this process) and clears the cookie, then 303 to /login. POST only and
 * same-origin, so another site cannot sign the author out.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return new NextResponse('Cross-origin request refused.\n', { status: 403 });
  revokeSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
  const response = new NextResponse(null, {
    status: 303,
    headers: { location: '/login?signed-out=1', 'cache-control': 'no-store' },
  });
  response.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
  return response;
}
