/**
 * A bounded memo keyed by a byte range of a buffer (a user agent, a request target, a referrer as logged), for the
 * byte-level hot loop of ./combined-bytes.ts: a hit costs one pass over the bytes and one probe of an
 * open-addressing table, with no string decoded and nothing allocated. A key is known by its length and two
 * 32-bit hashes of its bytes, taken two bytes at a time (xor-multiply with FNV-1a's prime and with MurmurHash2's
 * constant): two different keys of one import taken for each other needs all 64 bits to agree, about 1 in 10^19
 * per pair, against tens of thousands of keys per cache.
 * (Comparing the bytes instead cost a native call per lookup, 0.2 s per million lines.)
 */

/** Ints per slot: entry index + 1 (0 = empty), hash, second hash, length; one cache line holds a probe. */
const STRIDE = 4;

/**
 * Bytes -> value memo holding at most `limit` keys; when full it is cleared (hostile logs have endless query-string
 * variants, so it must stay bounded). The table starts small and doubles, so a cache of a few hundred user agents
 * stays in the CPU cache.
 * @param compute the value for a key's decoded text, called once per distinct key while it is cached.
 */
export class ByteCache<V> {
  private table = new Int32Array(64 * STRIDE);
  private mask = 63;
  /** Values by entry index - 1, each computed from its key decoded as UTF-8 (as the string parser sees it). */
  private values: V[] = [];

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit: number,
  ) {}

  /** The value for buf[start..end), computed from its decoded text and cached on first sight. */
  get(buf: Buffer, start: number, end: number): V {
    let h = 0x811c9dc5;
    let h2 = 0x2545f491;
    // Two bytes per step: the multiplications are the loop's critical path, and this halves them (a quarter of the
    // 1M-line import's parse time was this loop with one byte per step).
    let i = start;
    for (; i + 1 < end; i += 2) {
      const w = buf[i] | (buf[i + 1] << 8);
      h = Math.imul(h ^ w, 16777619);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995);
    }
    if (i < end) {
      h = Math.imul(h ^ buf[i], 16777619);
      h2 = Math.imul(h2 ^ buf[i], 0x5bd1e995);
    }
    h ^= h >>> 15;
    const len = end - start;
    const t = this.table;
    let s = h & this.mask;
    for (;;) {
      const o = s * STRIDE;
      const idx = t[o];
      if (idx === 0) break;
      if (t[o + 1] === h && t[o + 2] === h2 && t[o + 3] === len) return this.values[idx - 1];
      s = (s + 1) & this.mask;
    }
    if (this.values.length >= this.limit) this.clear();
    const value = this.compute(buf.toString('utf8', start, end));
    this.values.push(value);
    if (this.values.length * 2 > this.mask + 1) this.grow();
    this.place(this.values.length, h, h2, len);
    return value;
  }

  /** Forget every key. */
  clear(): void {
    this.table = new Int32Array(64 * STRIDE);
    this.mask = 63;
    this.values = [];
  }

  /** Put entry `idx` (1-based) in the first free slot of its probe sequence. */
  private place(idx: number, h: number, h2: number, len: number): void {
    const t = this.table;
    let s = h & this.mask;
    while (t[s * STRIDE] !== 0) s = (s + 1) & this.mask;
    const o = s * STRIDE;
    t[o] = idx;
    t[o + 1] = h;
    t[o + 2] = h2;
    t[o + 3] = len;
  }

  /** Double the table (kept at most half full) and re-place every entry. */
  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array((this.mask + 1) * STRIDE);
    for (let o = 0; o < old.length; o += STRIDE) {
      if (old[o] !== 0) this.place(old[o], old[o + 1], old[o + 2], old[o + 3]);
    }
  }
}
