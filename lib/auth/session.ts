/**
 * The session check for server actions and route handlers (proxy.ts guards pages, but a server action can be posted
 * to any page and a route handler can be moved out of the proxy's matcher, so each one checks again):
 *
 *   export async function someAction(...) { await requireSession(); ... }          // in app/**\/actions.ts
 *   export async function GET() { const denied = await sessionDenied(); if (denied) return denied; ... }
 *
 * Without a password, on loopback, both pass. Server-only: reads the request's cookies and headers.
 */
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authConfig, sessionKey } from './config';
import { isLoopbackHost } from './hosts';
import { SESSION_COOKIE, verifySessionToken } from './token';

/** Why a request may not go on, or null when it may. */
async function sessionProblem(): Promise<{ status: 401 | 403 | 503; message: string } | null> {
  const cfg = authConfig();
  if (cfg.problem) return { status: 503, message: `Tend refuses to serve: ${cfg.problem}` };
  if (!cfg.required) {
    // No password: only loopback requests (proxy.ts checks this too). Outside a request (a unit test) there is no Host.
    let host: string | null | undefined;
    try {
      host = (await headers()).get('host');
    } catch {
      return null;
    }
    return host === undefined || isLoopbackHost(host)
      ? null
      : { status: 403, message: 'Tend has no password, so it only answers on 127.0.0.1 or localhost' };
  }
  return (await hasSession()) ? null : { status: 401, message: 'Sign in first: this needs a session (open /login)' };
}

/** Whether the current request carries a valid session cookie (false outside a request). */
export async function hasSession(): Promise<boolean> {
  let token: string | undefined;
  try {
    token = (await cookies()).get(SESSION_COOKIE)?.value;
  } catch {
    return false;
  }
  return verifySessionToken(token, sessionKey()) !== null;
}

/**
 * Call first in every server action. Returns when the request may write; otherwise redirects to /login (the
 * browser then shows the sign-in page) or throws when Tend is misconfigured or the host is not loopback.
 */
export async function requireSession(): Promise<void> {
  const problem = await sessionProblem();
  if (!problem) return;
  if (problem.status === 401) redirect('/login');
  throw new Error(problem.message);
}

/**
 * Call first in every route handler: null when the request may go on, else the response to return (401 without a
 * session, 403 for a non-loopback host without a password, 503 when misconfigured), as JSON `{ error }`.
 */
export async function sessionDenied(): Promise<Response | null> {
  const problem = await sessionProblem();
  return problem ? Response.json({ error: problem.message }, { status: problem.status }) : null;
}
