/**
 * Signed session tokens for the session cookie: `v1.<expiry, ms since epoch, base 36>.<random id>.<HMAC-SHA256>`,
 * base64url parts. Stateless: the signature proves Tend issued the token; logout revokes the id in memory until the
 * token would have expired anyway.
 */
import crypto from 'node:crypto';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'tend_session';

/** How long a session lasts: 30 days, in seconds (the cookie's Max-Age). */
export const SESSION_SECONDS = 30 * 24 * 60 * 60;

function sign(key: Buffer, payload: string): Buffer {
  return crypto.createHmac('sha256', key).update(payload).digest();
}

/** A new token valid until `now + SESSION_SECONDS` (ms since epoch). */
export function createSessionToken(key: Buffer, now = Date.now()): string {
  const payload = `v1.${(now + SESSION_SECONDS * 1000).toString(36)}.${crypto.randomBytes(16).toString('base64url')}`;
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

/** The token's id when it is well-formed, signed with `key` and not expired at `now`; otherwise null. */
export function verifySessionToken(token: string | null | undefined, key: Buffer, now = Date.now()): string | null {
  if (!token || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const payload = parts.slice(0, 3).join('.');
  const given = Buffer.from(parts[3], 'base64url');
  const expected = sign(key, payload);
  // Compare in constant time; lengths differ only for garbage, which reveals nothing.
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const expires = Number.parseInt(parts[1], 36);
  if (!Number.isFinite(expires) || expires <= now) return null;
  if (revoked().has(parts[2])) return null;
  return parts[2];
}

/** Ids of tokens signed out in this process (shared by proxy and route handlers through globalThis). */
function revoked(): Map<string, number> {
  const g = globalThis as unknown as { tendRevokedSessions?: Map<string, number> };
  g.tendRevokedSessions ??= new Map();
  return g.tendRevokedSessions;
}

/** Sign a token out for the rest of its life (in this process; a restart forgets, the cookie is cleared anyway). */
export function revokeSessionToken(token: string | null | undefined, now = Date.now()): void {
  if (!token) return;
  const parts = token.split('.');
  if (parts.length !== 4) return;
  const map = revoked();
  // Forget ids whose tokens have expired, so the map stays small.
  for (const [id, exp] of map) if (exp <= now) map.delete(id);
  const expires = Number.parseInt(parts[1], 36);
  if (Number.isFinite(expires) && map.size < 100_000) map.set(parts[2], expires);
}
