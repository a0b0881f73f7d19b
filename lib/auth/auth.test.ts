import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, decide, type GateRequest, isSameOrigin, safeNextPath } from './gate';
import { hostOnly, isLoopbackHost, listenHost } from './hosts';
import { hashPassword, isPasswordHash, verifyPasswordHash, verifyPlainPassword } from './password';
import { LoginRateLimiter } from './rate-limit';
import { createSessionToken, revokeSessionToken, SESSION_SECONDS, verifySessionToken } from './token';

describe('hosts', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.1:3000', true],
    ['127.8.9.10', true],
    ['localhost:3000', true],
    ['tend.localhost', true],
    ['[::1]:3000', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.5:3000', false],
    ['tend.example.com', false],
    ['127.0.0.1.evil.example', false],
    ['', false],
  ])('%s loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
  it('takes the host out of host:port and [v6]:port', () => {
    expect(hostOnly('example.com:80')).toBe('example.com');
    expect(hostOnly('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(hostOnly('2001:db8::1')).toBe('2001:db8::1');
  });
  it('reads the listen address from TEND_HOST, then next start -H, else every address for a Next server', () => {
    const next = ['/usr/bin/node', '/app/node_modules/next/dist/bin/next', 'start'];
    expect(listenHost({ TEND_HOST: '10.0.0.2' }, next)).toBe('10.0.0.2');
    expect(listenHost({}, [...next, '-H', '127.0.0.1', '-p', '3000'])).toBe('127.0.0.1');
    expect(listenHost({}, [...next, '--hostname=::1'])).toBe('::1');
    expect(listenHost({}, next)).toBe('0.0.0.0');
    expect(listenHost({}, ['/usr/bin/node', '/app/node_modules/vitest/vitest.mjs', 'run'])).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with scrypt and verifies only the same password', () => {
    const hash = hashPassword('correct horse battery staple');
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash).not.toContain('correct');
    expect(verifyPasswordHash('correct horse battery staple', hash)).toBe(true);
    expect(verifyPasswordHash('correct horse battery stapl', hash)).toBe(false);
    expect(hashPassword('same')).not.toBe(hashPassword('same')); // salted
  });
  it('refuses a malformed stored hash instead of treating it as a wrong password', () => {
    expect(() => verifyPasswordHash('x', 'md5$abc')).toThrow(/not an scrypt hash/);
  });
  it('compares plain passwords of any length', () => {
    expect(verifyPlainPassword('secret', 'secret')).toBe(true);
    expect(verifyPlainPassword('secret', 'secret2')).toBe(false);
    expect(verifyPlainPassword('', 'secret')).toBe(false);
  });
});

describe('session tokens', () => {
  const key = Buffer.alloc(32, 7);
  const other = Buffer.alloc(32, 8);
  it('verifies a token signed with the key until it expires', () => {
    const now = 1_700_000_000_000;
    const token = createSessionToken(key, now);
    expect(verifySessionToken(token, key, now + 1000)).toMatch(/^[\w-]+$/);
    expect(verifySessionToken(token, key, now + SESSION_SECONDS * 1000 + 1)).toBeNull();
    expect(verifySessionToken(token, other, now)).toBeNull();
  });
  it('rejects tampered and malformed tokens', () => {
    const now = Date.now();
    const token = createSessionToken(key, now);
    const [v, exp, id, sig] = token.split('.');
    const later = (Number.parseInt(exp, 36) + 1e9).toString(36);
    expect(verifySessionToken([v, later, id, sig].join('.'), key, now)).toBeNull();
    expect(verifySessionToken(`${token}x`, key, now)).toBeNull();
    for (const bad of ['', 'v1', 'v1.a.b', 'v2.a.b.c', token.replace(/.$/, ''), 'x'.repeat(500)])
      expect(verifySessionToken(bad, key, now)).toBeNull();
  });
  it('a signed-out token stops working', () => {
    const token = createSessionToken(key);
    expect(verifySessionToken(token, key)).not.toBeNull();
    revokeSessionToken(token);
    expect(verifySessionToken(token, key)).toBeNull();
  });
});

describe('login rate limit', () => {
  it('allows 5 failures per address per minute, then blocks that address only', () => {
    const rl = new LoginRateLimiter(5, 30, 60_000);
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(rl.check('a', t + i).allowed).toBe(true);
      rl.fail('a', t + i);
    }
    const v = rl.check('a', t + 10);
    expect(v.allowed).toBe(false);
    expect(v.retryAfter).toBe(60);
    expect(rl.check('b', t + 10).allowed).toBe(true);
    expect(rl.check('a', t + 60_001).allowed).toBe(true); // the first failure left the window
  });
  it('caps failures from all addresses together (forged X-Forwarded-For)', () => {
    const rl = new LoginRateLimiter(5, 30, 60_000);
    for (let i = 0; i < 30; i++) rl.fail(`forged-${i}`, 1000 + i);
    expect(rl.check('brand-new', 2000).allowed).toBe(false);
  });
  it('a successful login clears the address', () => {
    const rl = new LoginRateLimiter(5, 30, 60_000);
    for (let i = 0; i < 5; i++) rl.fail('a', 1000);
    rl.succeed('a');
    expect(rl.check('a', 1001).allowed).toBe(true);
  });
});

const req = (over: Partial<GateRequest> & { h?: Record<string, string> } = {}): GateRequest => ({
  method: 'GET',
  pathname: '/',
  pathWithQuery: '/',
  hasSession: false,
  ...over,
  headers: new Headers({ host: '127.0.0.1:3000', ...over.h }),
});
const open = { required: false, problem: null };
const locked = { required: true, problem: null };

describe('access gate', () => {
  it('without a password serves loopback requests and refuses other host names (DNS rebinding)', () => {
    expect(decide(req(), open).kind).toBe('pass');
    expect(decide(req({ h: { host: 'localhost:3000' } }), open).kind).toBe('pass');
    const v = decide(req({ h: { host: 'attacker.example' } }), open);
    expect(v).toMatchObject({ kind: 'deny', status: 403 });
  });
  it('refuses cross-origin writes and server actions, with or without a session', () => {
    const action = { method: 'POST', h: { 'next-action': 'abc', origin: 'http://evil.example' } };
    expect(decide(req(action), open)).toMatchObject({ kind: 'deny', status: 403 });
    expect(decide(req({ ...action, hasSession: true }), locked)).toMatchObject({ kind: 'deny', status: 403 });
    expect(decide(req({ method: 'POST', h: {} }), open)).toMatchObject({ kind: 'deny', status: 403 }); // no Origin
    expect(decide(req({ method: 'POST', h: { origin: 'http://127.0.0.1:3000' } }), open).kind).toBe('pass');
    expect(decide(req({ method: 'POST', h: { 'sec-fetch-site': 'same-origin' } }), open).kind).toBe('pass');
  });
  it('with a password: pages redirect to /login, actions and API calls get 401, public paths pass', () => {
    expect(decide(req({ pathname: '/posts', pathWithQuery: '/posts?sort=views' }), locked)).toEqual({
      kind: 'redirect',
      location: '/login?next=%2Fposts%3Fsort%3Dviews',
    });
    const same = { origin: 'http://127.0.0.1:3000' };
    expect(
      decide(req({ method: 'POST', pathname: '/posts/1', h: { ...same, 'next-action': 'x' } }), locked),
    ).toMatchObject({
      kind: 'deny',
      status: 401,
    });
    // A server action posted to the public login page still needs a session.
    expect(
      decide(req({ method: 'POST', pathname: '/login', h: { ...same, 'next-action': 'x' } }), locked),
    ).toMatchObject({
      status: 401,
    });
    expect(decide(req({ pathname: '/api/export' }), locked)).toMatchObject({ status: 401 });
    expect(decide(req({ pathname: '/login' }), locked).kind).toBe('pass');
    expect(decide(req({ pathname: '/api/health' }), locked).kind).toBe('pass');
    expect(decide(req({ method: 'POST', pathname: '/api/auth/login', h: same }), locked).kind).toBe('pass');
    expect(decide(req({ pathname: '/posts', hasSession: true }), locked).kind).toBe('pass');
    expect(decide(req({ pathname: '/login', hasSession: true }), locked)).toEqual({ kind: 'redirect', location: '/' });
    // With a password any host name is fine (behind a reverse proxy).
    expect(decide(req({ hasSession: true, h: { host: 'tend.example.com' } }), locked).kind).toBe('pass');
  });
  it('refuses everything but the health check when misconfigured', () => {
    const bad = { required: true, problem: 'exposed' };
    expect(decide(req({ hasSession: true }), bad)).toMatchObject({ kind: 'deny', status: 503 });
    expect(decide(req({ pathname: '/api/health' }), bad).kind).toBe('pass');
  });
  it('keeps redirects after login on this site', () => {
    expect(safeNextPath('/posts/3?x=1')).toBe('/posts/3?x=1');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      null,
      '/a\r\nb',
    ])
      expect(safeNextPath(bad)).toBe('/');
  });
  it('matches Origin against Host or X-Forwarded-Host', () => {
    expect(isSameOrigin(new Headers({ host: 'a:1', origin: 'http://a:1' }))).toBe(true);
    expect(
      isSameOrigin(
        new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'tend.example', origin: 'https://tend.example' }),
      ),
    ).toBe(true);
    expect(isSameOrigin(new Headers({ host: 'a:1', origin: 'null' }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: 'a:1', origin: 'http://a:2' }))).toBe(false);
  });
  it('CSP: nonce scripts only, no framing, no plugins', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
