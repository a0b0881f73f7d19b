import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authConfig, authFilePath, checkPassword, sessionKey, sessionSecret, writeAuthFile } from './config';
import type { Env } from './hosts';
import { hashPassword } from './password';

let dir: string;
let env: Env;
const notAServer = ['/usr/bin/node', 'script.ts'];
const nextStart = (host?: string) => [
  '/usr/bin/node',
  '/app/node_modules/next/dist/bin/next',
  'start',
  ...(host ? ['-H', host] : []),
];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-auth-'));
  env = { TEND_DB: path.join(dir, 'tend.db') };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('authConfig', () => {
  it('is open without a password on loopback or outside a server', () => {
    expect(authConfig(env, notAServer)).toMatchObject({ required: false, problem: null, passwordSource: null });
    expect(authConfig(env, nextStart('127.0.0.1'))).toMatchObject({ required: false, problem: null });
    expect(authConfig({ ...env, TEND_HOST: 'localhost' }, notAServer)).toMatchObject({
      required: false,
      problem: null,
    });
  });
  it('refuses to serve beyond loopback without a password (TEND_HOST, -H 0.0.0.0, or next start with no -H)', () => {
    for (const [e, argv] of [
      [{ ...env, TEND_HOST: '0.0.0.0' }, notAServer],
      [env, nextStart('0.0.0.0')],
      [env, nextStart()],
    ] as const) {
      const cfg = authConfig(e, [...argv]);
      expect(cfg.required).toBe(true);
      expect(cfg.problem).toMatch(/no password is set/);
    }
  });
  it('takes the password from TEND_PASSWORD, TEND_PASSWORD_HASH or auth.json, in that order', () => {
    const exposed = { ...env, TEND_HOST: '0.0.0.0' };
    expect(authConfig({ ...exposed, TEND_PASSWORD: 'pw-one-123' }, notAServer)).toMatchObject({
      required: true,
      problem: null,
      passwordSource: 'TEND_PASSWORD',
    });
    const hash = hashPassword('pw-two-456');
    expect(authConfig({ ...exposed, TEND_PASSWORD_HASH: hash }, notAServer).passwordSource).toBe('TEND_PASSWORD_HASH');
    expect(checkPassword('pw-two-456', { ...env, TEND_PASSWORD_HASH: hash })).toBe(true);
    writeAuthFile({ passwordHash: hashPassword('pw-three-789') }, authFilePath(env));
    expect(authConfig(exposed, notAServer)).toMatchObject({ passwordSource: 'auth.json', problem: null });
    expect(checkPassword('pw-three-789', env)).toBe(true);
    expect(checkPassword('pw-two-456', env)).toBe(false);
    // A password on loopback also turns sign-in on.
    expect(authConfig({ ...env, TEND_PASSWORD: 'x' }, notAServer).required).toBe(true);
  });
  it('reports a bad hash or a short session secret as a problem', () => {
    expect(authConfig({ ...env, TEND_PASSWORD_HASH: 'plaintext' }, notAServer).problem).toMatch(/not a hash/);
    expect(authConfig({ ...env, TEND_PASSWORD: 'x', TEND_SESSION_SECRET: 'short' }, notAServer).problem).toMatch(
      /shorter than 32/,
    );
  });
});

describe('session secret', () => {
  it('is generated once into auth.json with mode 0600 and reused', () => {
    const a = sessionSecret(env);
    const file = authFilePath(env);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).sessionSecret).toBe(a);
    expect(sessionSecret(env)).toBe(a);
    expect(a.length).toBeGreaterThanOrEqual(32);
  });
  it('TEND_SESSION_SECRET wins; the signing key changes with the password (signs everybody out)', () => {
    const s = { ...env, TEND_SESSION_SECRET: 'x'.repeat(40) };
    expect(sessionSecret(s)).toBe('x'.repeat(40));
    const k1 = sessionKey({ ...s, TEND_PASSWORD: 'one' });
    expect(sessionKey({ ...s, TEND_PASSWORD: 'one' }).equals(k1)).toBe(true);
    expect(sessionKey({ ...s, TEND_PASSWORD: 'two' }).equals(k1)).toBe(false);
    expect(sessionKey({ ...s, TEND_SESSION_SECRET: 'y'.repeat(40), TEND_PASSWORD: 'one' }).equals(k1)).toBe(false);
  });
});
