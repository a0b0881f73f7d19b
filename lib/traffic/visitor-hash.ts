/**
 * Hashes for counting distinct visitors per day and path (rule 5 of ./counting-rules.ts) without keeping an IP:
 * cyrb53 (bryc, public domain) of (daily salt, IP, user agent), over strings or over the raw bytes of a log line.
 */

/**
 * A 32-bit hash of (salt, IP, user agent) for counting distinct visitors per day and path: cyrb53's mixing (bryc,
 * public domain), fed both strings without joining them, cut to 32 bits so a set of them holds small integers (no
 * allocation per visitor; this is the hot loop of a log import). Not cryptographic, and it need not be: the salt is
 * random per day and forgotten with the hashes when the import ends, and nothing derived from it is stored but the
 * count. Collisions undercount: a path-day with n distinct visitors loses about n²/2^33 of them (0.1 visitor at
 * 30,000 visitors a day on one post).
 */
export function visitorHash(salt: number, ip: string, ua: string | null): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ 0, 2654435761);
  if (ua !== null) {
    for (let i = 0; i < ua.length; i++) {
      const c = ua.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return h1 | 0;
}

/**
 * {@link visitorHash} over bytes: the IP at buf[ipStart..ipEnd) and the user agent at buf[uaStart..uaEnd) (uaStart -1:
 * none), the same number as visitorHash on the decoded strings when both are ASCII.
 * @returns the hash, or NaN when the IP holds a non-ASCII byte (the caller hashes the decoded strings then).
 */
export function visitorHashBytes(
  salt: number,
  buf: Buffer,
  ipStart: number,
  ipEnd: number,
  uaStart: number,
  uaEnd: number,
): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = ipStart; i < ipEnd; i++) {
    const c = buf[i];
    if (c >= 0x80) return Number.NaN;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ 0, 2654435761);
  if (uaStart >= 0) {
    for (let i = uaStart; i < uaEnd; i++) {
      const c = buf[i];
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return h1 | 0;
}

/**
 * The visitor salt of one day: derived from a random per-import key and the day, so the threads of one import agree
 * on it without sharing state, and forgotten with the key when the import ends.
 * @param key a random 32-bit integer, one per import.
 * @param day `YYYY-MM-DD`.
 */
export function daySalt(key: number, day: string): number {
  return visitorHash(key, day, null) >>> 0;
}
