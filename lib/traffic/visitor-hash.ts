/**
 * Hashes for counting distinct visitors per day and path (rule 5 of ./counting-rules.ts) without keeping an IP:
 * a visitor is hash(daily salt, IP, user agent). The user agent enters as its own 32-bit key ({@link userAgentKey}),
 * computed once per distinct user agent, so the hot loop of a log import hashes only the IP's bytes per page view.
 */

/**
 * A 32-bit key of a user agent (FNV-1a over its UTF-16 code units; 0 for a format that logs none). Two user agents
 * with one key from one IP on one day count as one visitor: about 1 in 4 billion per pair.
 */
export function userAgentKey(ua: string | null): number {
  if (ua === null) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < ua.length; i++) h = Math.imul(h ^ ua.charCodeAt(i), 16777619);
  return h | 1;
}

/**
 * A 32-bit hash of (salt, IP, user agent key) for counting distinct visitors per day and path: cyrb53's mixing
 * (bryc, public domain) cut to 32 bits, so a set of them holds small integers (no allocation per visitor; this is the
 * hot loop of a log import). Not cryptographic, and it need not be: the salt is random per day and forgotten with
 * the hashes when the import ends, and nothing derived from it is stored but the count. Collisions undercount: a
 * path-day with n distinct visitors loses about n²/2^33 of them (0.1 visitor at 30,000 visitors a day on one post).
 * @param uaKey {@link userAgentKey} of the user agent.
 */
export function visitorHash(salt: number, ip: string, uaKey: number): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return finish(h1, h2, uaKey);
}

/**
 * {@link visitorHash} with the IP given as bytes buf[ipStart..ipEnd): the same number when the IP is ASCII.
 * @returns the hash, or NaN when the IP holds a non-ASCII byte (the caller hashes the decoded IP then).
 */
export function visitorHashBytes(salt: number, buf: Buffer, ipStart: number, ipEnd: number, uaKey: number): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = ipStart; i < ipEnd; i++) {
    const c = buf[i];
    if (c >= 0x80) return Number.NaN;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return finish(h1, h2, uaKey);
}

function finish(h1: number, h2: number, uaKey: number): number {
  h1 = Math.imul(h1 ^ uaKey, 2654435761);
  h2 = Math.imul(h2 ^ uaKey, 1597334677);
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
  return visitorHash(key, day, 0x5bd1e995) >>> 0;
}
