/**
 * The access decision for one request, as a pure function so it can be tested without a server. proxy.ts feeds it the
 * request and turns the verdict into a response. Order of checks:
 *
 * 1. A configuration problem (exposed without a password, bad secret): refuse everything but the health check.
 * 2. No password: only requests addressed to a loopback host name (defeats DNS rebinding; a reverse proxy that
 *    forwards a public host name needs a password).
 * 3. Writes (any method but GET/HEAD/OPTIONS, server actions included) must come from this origin: Origin (or, when a
 *    browser sends none, Sec-Fetch-Site: same-origin) must match Host or X-Forwarded-Host.
 * 4. With a password: public paths pass; without a valid session, pages redirect to /login and everything else
 *    (server actions, route handlers, writes) gets 401.
 */
import { isLoopbackHost } from './hosts';

/** Paths anybody may open (the login page and form, signing out, the health check, the browser's icon request). */
export const PUBLIC_PATHS = new Set(['/login', '/api/auth/login', '/api/auth/logout', '/api/health', '/favicon.ico']);

export interface GateRequest {
  method: string;
  pathname: string;
  /** Path plus query, for the redirect back after login. */
  pathWithQuery: string;
  headers: Headers;
  /** Whether the request carries a valid session cookie. */
  hasSession: boolean;
}

export interface GateConfig {
  required: boolean;
  problem: string | null;
}

export type Verdict =
  | { kind: 'pass' }
  | { kind: 'redirect'; location: string }
  | { kind: 'deny'; status: 401 | 403 | 503; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a write request comes from a page of this origin (see point 3 above). */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')?.split(',')[0]?.trim()].filter(Boolean);
  if (origin && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return false;
    }
    return hosts.includes(originHost);
  }
  return headers.get('sec-fetch-site') === 'same-origin';
}

/** A redirect target from `?next=` that stays on this site: a path, not `//host` or `/\host`. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/';
  return next.length > 2000 ? '/' : next;
}

/** Decide what happens to a request. */
export function decide(req: GateRequest, cfg: GateConfig): Verdict {
  const isAction = req.headers.has('next-action');
  if (cfg.problem && req.pathname !== '/api/health')
    return { kind: 'deny', status: 503, message: `Tend refuses to serve: ${cfg.problem}.` };
  if (!cfg.required && !isLoopbackHost(req.headers.get('host')))
    return {
      kind: 'deny',
      status: 403,
      message:
        'Tend has no password, so it only answers requests addressed to 127.0.0.1 or localhost. To reach it from ' +
        'another name or machine, set TEND_PASSWORD (see the README, "Running Tend on a server").',
    };
  const write = !SAFE_METHODS.has(req.method.toUpperCase()) || isAction;
  if (write && !isSameOrigin(req.headers))
    return {
      kind: 'deny',
      status: 403,
      message: 'Cross-origin request refused: writes must come from Tend’s own pages.',
    };
  if (!cfg.required) return { kind: 'pass' };
  if (PUBLIC_PATHS.has(req.pathname) && !isAction) {
    if (req.pathname === '/login' && req.hasSession) return { kind: 'redirect', location: '/' };
    return { kind: 'pass' };
  }
  if (req.hasSession) return { kind: 'pass' };
  if (write || req.pathname.startsWith('/api/'))
    return { kind: 'deny', status: 401, message: 'Sign in first: this request needs a session (open /login).' };
  const next = safeNextPath(req.pathWithQuery);
  return { kind: 'redirect', location: next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}` };
}

/**
 * The Content-Security-Policy for a page rendered with `nonce`. Scripts: only Next's own, which carry the nonce
 * ('strict-dynamic' lets them load their chunks). Styles: files from this origin and nonced style elements; style
 * attributes are allowed because React and recharts set positions and colors through them (an attribute cannot
 * run script). Nothing may frame Tend, and forms only post back to it.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // In development Next injects styles without the nonce; a nonce would disable 'unsafe-inline'.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
