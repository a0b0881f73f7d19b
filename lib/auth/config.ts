/**
 * Tend's access configuration, read from the environment and from `auth.json` in the data folder (beside the
 * database, `data/` by default):
 *
 * - `TEND_PASSWORD` (plain) or `TEND_PASSWORD_HASH` (made by `npm run hash-password`), else `passwordHash` in
 *   auth.json (`npm run hash-password -- --save` writes it there).
 * - `TEND_SESSION_SECRET` (at least 32 characters), else `sessionSecret` in auth.json, generated and saved (mode 0600)
 *   the first time it is needed.
 * - The listen address (see hosts.ts): without a password Tend serves loopback only; listening on any other address
 *   without one is refused (`problem` is set and every request is denied).
 *
 * Used by proxy.ts, the server actions' session check and scripts/start.ts. Never imported by client code.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Env, isLoopbackHost, listenHost } from './hosts';
import { isPasswordHash, verifyPasswordHash, verifyPlainPassword } from './password';

/** Minimum length of TEND_SESSION_SECRET. */
export const MIN_SECRET_CHARS = 32;

/** What auth.json may hold. */
export interface AuthFile {
  passwordHash?: string;
  sessionSecret?: string;
}

export interface AuthConfig {
  /** Where the password comes from, or null when none is configured. */
  passwordSource: 'TEND_PASSWORD' | 'TEND_PASSWORD_HASH' | 'auth.json' | null;
  /** Whether requests need a session: a password is configured, or the server listens beyond loopback. */
  required: boolean;
  /** Set when Tend must refuse every request (exposed without a password, bad secret or hash): the reason. */
  problem: string | null;
  /** Listen address as detected (null: not a server process). */
  listen: string | null;
}

/** Path of auth.json: beside the database (`TEND_DB`, default data/tend.db). */
export function authFilePath(env: Env = process.env): string {
  const db = path.resolve(/*turbopackIgnore: true*/ env.TEND_DB ?? path.join('data', 'tend.db'));
  return path.join(/*turbopackIgnore: true*/ path.dirname(db), 'auth.json');
}

let cached: { file: string; mtimeMs: number; data: AuthFile } | null = null;

/** auth.json's content ({} when absent), re-read when the file changes. @throws Error when it is not valid JSON. */
export function readAuthFile(file = authFilePath()): AuthFile {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(/*turbopackIgnore: true*/ file).mtimeMs;
  } catch {
    return {};
  }
  if (cached && cached.file === file && cached.mtimeMs === mtimeMs) return cached.data;
  let data: AuthFile;
  try {
    data = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as AuthFile;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  cached = { file, mtimeMs, data };
  return data;
}

/** Merge `patch` into auth.json, written atomically with mode 0600 (it holds secrets). */
export function writeAuthFile(patch: AuthFile, file = authFilePath()): void {
  const next = { ...readAuthFile(file), ...patch };
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(/*turbopackIgnore: true*/ tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
}

/** Reads the access configuration (cheap: one stat of auth.json). */
export function authConfig(env: Env = process.env, argv: string[] = process.argv): AuthConfig {
  const listen = listenHost(env, argv);
  let problem: string | null = null;
  let passwordSource: AuthConfig['passwordSource'] = null;
  if (env.TEND_PASSWORD) passwordSource = 'TEND_PASSWORD';
  else if (env.TEND_PASSWORD_HASH) {
    passwordSource = 'TEND_PASSWORD_HASH';
    if (!isPasswordHash(env.TEND_PASSWORD_HASH))
      problem = 'TEND_PASSWORD_HASH is not a hash made by npm run hash-password';
  } else {
    try {
      const stored = readAuthFile(authFilePath(env)).passwordHash;
      if (stored) {
        passwordSource = 'auth.json';
        if (!isPasswordHash(stored))
          problem = `passwordHash in ${authFilePath(env)} is not a hash made by npm run hash-password`;
      }
    } catch (err) {
      problem = (err as Error).message;
    }
  }
  const exposed = listen !== null && !isLoopbackHost(listen);
  if (exposed && !passwordSource)
    problem = `Tend listens on ${listen}, beyond this machine, but no password is set: set TEND_PASSWORD (or run npm run hash-password -- --save), or listen on 127.0.0.1`;
  if (env.TEND_SESSION_SECRET && env.TEND_SESSION_SECRET.length < MIN_SECRET_CHARS)
    problem = `TEND_SESSION_SECRET is shorter than ${MIN_SECRET_CHARS} characters: use a long random value (openssl rand -hex 32)`;
  return { passwordSource, required: passwordSource !== null || exposed, problem, listen };
}

/**
 * Whether `password` is the configured one (constant-time). False when no password is configured.
 * @throws Error when the stored hash is malformed.
 */
export function checkPassword(password: string, env: Env = process.env): boolean {
  if (env.TEND_PASSWORD) return verifyPlainPassword(password, env.TEND_PASSWORD);
  const hash = env.TEND_PASSWORD_HASH || readAuthFile(authFilePath(env)).passwordHash;
  return hash ? verifyPasswordHash(password, hash) : false;
}

/**
 * The secret that signs session cookies: TEND_SESSION_SECRET, else auth.json's `sessionSecret`, generated (32 random
 * bytes) and saved there on first use. Falls back to a per-process secret when the folder is read-only (sessions then
 * end when Tend restarts).
 */
export function sessionSecret(env: Env = process.env): string {
  if (env.TEND_SESSION_SECRET) return env.TEND_SESSION_SECRET;
  const file = authFilePath(env);
  const stored = readAuthFile(file).sessionSecret;
  if (stored && stored.length >= MIN_SECRET_CHARS) return stored;
  try {
    writeAuthFile({ sessionSecret: crypto.randomBytes(32).toString('base64url') }, file);
    // Re-read: if two processes raced, both use whichever file landed last.
    const saved = readAuthFile(file).sessionSecret;
    if (saved) return saved;
  } catch (err) {
    console.warn(`tend: cannot save a session secret in ${file} (${(err as Error).message}); sessions end on restart`);
  }
  const g = globalThis as unknown as { tendEphemeralSecret?: string };
  g.tendEphemeralSecret ??= crypto.randomBytes(32).toString('base64url');
  return g.tendEphemeralSecret;
}

/**
 * Key for the session HMAC: the secret bound to the current password, so changing the password signs everybody
 * out.
 */
export function sessionKey(env: Env = process.env): Buffer {
  const password = env.TEND_PASSWORD
    ? `plain:${crypto.createHash('sha256').update(env.TEND_PASSWORD).digest('hex')}`
    : (env.TEND_PASSWORD_HASH ?? readAuthFile(authFilePath(env)).passwordHash ?? '');
  return crypto.createHmac('sha256', sessionSecret(env)).update(`tend-session\0${password}`).digest();
}
