/**
 * Password hashing and checking with scrypt (node:crypto), compared in constant time.
 *
 * Hash format: `scrypt$<N>$<r>$<p>$<salt, base64url>$<key, base64url>` (64-byte key, 16-byte salt). The cost is stored
 * in the hash, so it can be raised later without breaking stored hashes.
 */
import crypto from 'node:crypto';

/** scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB and about 100 ms per check: OWASP's minimum is 2^17 with r = 8 / p = 1
 * for a busy site; one blog owner logging in is not). */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 64;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Buffer {
  // maxmem must exceed 128 * N * r bytes, or Node refuses.
  return crypto.scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r });
}

/** A new scrypt hash of `password` with a random salt, in the format above. */
export function hashPassword(password: string): string {
  if (!password) throw new Error('the password is empty');
  const salt = crypto.randomBytes(16);
  const key = scrypt(password, salt, COST.N, COST.r, COST.p);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `hash` looks like a hash made by {@link hashPassword} (format only). */
export function isPasswordHash(hash: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/.test(hash);
}

/**
 * Whether `password` matches the stored scrypt `hash`. Constant-time comparison of the derived keys.
 * @throws Error when `hash` is not in the format above (a configuration mistake, not a wrong password).
 */
export function verifyPasswordHash(password: string, hash: string): boolean {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) throw new Error('the stored password hash is not an scrypt hash made by npm run hash-password');
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const expected = Buffer.from(m[5], 'base64url');
  const actual = scrypt(password, Buffer.from(m[4], 'base64url'), N, r, p);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/**
 * Whether `password` equals the plain `expected` (from TEND_PASSWORD). Both are hashed to 32 bytes first, so the
 * comparison is constant-time and does not reveal the length.
 */
export function verifyPlainPassword(password: string, expected: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s.normalize('NFC')).digest();
  return crypto.timingSafeEqual(digest(password), digest(expected));
}
