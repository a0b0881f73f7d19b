/**
 * Login attempt limiter: at most LOGIN_MAX_FAILURES failed attempts per client address per LOGIN_WINDOW_MS, and at
 * most LOGIN_MAX_FAILURES_GLOBAL from all addresses together (the client address comes from X-Forwarded-For, which a
 * client talking to Tend directly can forge, so the global cap is what really bounds guessing). A successful login
 * clears its address. In memory: a restart forgets.
 */

/** Failed attempts allowed per address per window. */
export const LOGIN_MAX_FAILURES = 5;
/** Failed attempts allowed from all addresses together per window. */
export const LOGIN_MAX_FAILURES_GLOBAL = 30;
/** The window: one minute. */
export const LOGIN_WINDOW_MS = 60_000;
/** Addresses tracked at most (forged addresses must not grow memory without bound). */
const MAX_KEYS = 10_000;

export interface LimitVerdict {
  allowed: boolean;
  /** Seconds until the next attempt is allowed (0 when allowed). */
  retryAfter: number;
}

/** Sliding-window failure counter, one per process (see {@link loginLimiter}). `now` in ms, injectable for tests. */
export class LoginRateLimiter {
  private readonly byKey = new Map<string, number[]>();
  private global: number[] = [];

  constructor(
    private readonly perKey = LOGIN_MAX_FAILURES,
    private readonly total = LOGIN_MAX_FAILURES_GLOBAL,
    private readonly windowMs = LOGIN_WINDOW_MS,
  ) {}

  /** Whether `key` may try now. */
  check(key: string, now = Date.now()): LimitVerdict {
    const mine = this.recent(this.byKey.get(key) ?? [], now);
    this.global = this.recent(this.global, now);
    const blockers: number[] = [];
    if (mine.length >= this.perKey) blockers.push(mine[mine.length - this.perKey]);
    if (this.global.length >= this.total) blockers.push(this.global[this.global.length - this.total]);
    if (blockers.length === 0) return { allowed: true, retryAfter: 0 };
    const until = Math.max(...blockers) + this.windowMs;
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((until - now) / 1000)) };
  }

  /** Record a failed attempt by `key`. */
  fail(key: string, now = Date.now()): void {
    const list = this.recent(this.byKey.get(key) ?? [], now);
    list.push(now);
    this.byKey.delete(key);
    this.byKey.set(key, list);
    this.global.push(now);
    // Evict the least recently failing addresses past the cap (Map keeps insertion order).
    while (this.byKey.size > MAX_KEYS) this.byKey.delete(this.byKey.keys().next().value as string);
  }

  /** A successful login: forget `key`'s failures. */
  succeed(key: string): void {
    this.byKey.delete(key);
  }

  private recent(list: number[], now: number): number[] {
    return list.filter((t) => now - t < this.windowMs);
  }
}

/** The process-wide limiter. */
export function loginLimiter(): LoginRateLimiter {
  const g = globalThis as unknown as { tendLoginLimiter?: LoginRateLimiter };
  g.tendLoginLimiter ??= new LoginRateLimiter();
  return g.tendLoginLimiter;
}

/** The client address for limiting: the first X-Forwarded-For entry (Next.js sets it to the socket address). */
export function clientKey(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
