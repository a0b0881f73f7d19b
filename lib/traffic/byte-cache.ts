/**
 * A bounded memo keyed by a byte range of a buffer (a user agent, a request target, a referrer as logged), for the
 * byte-level hot loop of ./combined-bytes.ts: a hit costs one pass over the bytes (four at a time) and one probe of
 * an open-addressing table, with no string decoded and nothing allocated. The pass reads aligned 32-bit words, so the
 * same key at another alignment hashes differently and gets an entry of its own (up to four per key, each computed
 * from its own text: the answers are the same). A key is known by its length and two
 * independent 32-bit hashes of its bytes (FNV-1a and a multiplicative one): two different keys of one import taken
 * for each other needs all 64 bits to agree, about 1 in 10^19 per pair, against tens of thousands of keys per cache.
 * (Comparing the bytes instead cost a native call per lookup, 0.2 s per million lines.)
 */

/** One cached key: its decoded text, and the value computed from that text. */
export interface ByteEntry<V> {
  /** The key decoded as UTF-8 (as the string parser would have seen it). */
  text: string;
  /** True when every byte is ASCII (then the text's code units are the bytes). */
  ascii: boolean;
  value: V;
}

/**
 * Bytes -> value memo holding at most `limit` keys; when full it is cleared (hostile logs have endless query-string
 * variants, so it must stay bounded).
 * @param compute the value for a key's decoded text, called once per distinct key while it is cached.
 */
export class ByteCache<V> {
  /** Open addressing, linear probing: slot -> entry index + 1 (0 = empty); twice as many slots as keys, at least. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private hashes2: Int32Array;
  private lengths: Int32Array;
  private entries: ByteEntry<V>[] = [];
  private readonly mask: number;
  /** 32-bit view of the last ArrayBuffer hashed (its whole length, so word i is bytes 4i..4i+3). */
  private words: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private wordsOf: ArrayBufferLike | null = null;

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit: number,
  ) {
    let n = 16;
    while (n < limit * 2) n *= 2;
    this.slots = new Int32Array(n);
    this.hashes = new Int32Array(n);
    this.hashes2 = new Int32Array(n);
    this.lengths = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The entry for buf[start..end), computed and cached on first sight. */
  get(buf: Buffer, start: number, end: number): ByteEntry<V> {
    let h = 0x811c9dc5;
    let h2 = 0x2545f491;
    let high = 0;
    const ab = buf.buffer;
    if (ab !== this.wordsOf) {
      this.words = new Int32Array(ab, 0, ab.byteLength >> 2);
      this.wordsOf = ab;
    }
    const base = buf.byteOffset;
    let i = start;
    // Bytes up to a word boundary, whole words, then the last bytes.
    for (; i < end && ((base + i) & 3) !== 0; i++) {
      const b = buf[i];
      high |= b;
      h = Math.imul(h ^ b, 16777619);
      h2 = Math.imul(h2 + b, 0x9e3779b1) ^ (h2 >>> 13);
    }
    const words = this.words;
    for (; i + 4 <= end; i += 4) {
      const w = words[(base + i) >> 2];
      high |= w;
      h = Math.imul(h ^ w, 16777619);
      h2 = Math.imul(h2 + w, 0x9e3779b1) ^ (h2 >>> 13);
    }
    for (; i < end; i++) {
      const b = buf[i];
      high |= b;
      h = Math.imul(h ^ b, 16777619);
      h2 = Math.imul(h2 + b, 0x9e3779b1) ^ (h2 >>> 13);
    }
    h ^= h >>> 15;
    const len = end - start;
    const { slots, hashes, hashes2, lengths, mask, entries } = this;
    let s = h & mask;
    for (;;) {
      const idx = slots[s];
      if (idx === 0) break;
      if (hashes[s] === h && hashes2[s] === h2 && lengths[s] === len) return entries[idx - 1];
      s = (s + 1) & mask;
    }
    if (entries.length >= this.limit) {
      this.clear();
      s = h & mask;
    }
    const text = buf.toString('utf8', start, end);
    const entry: ByteEntry<V> = { text, ascii: (high & 0x80808080) === 0, value: this.compute(text) };
    this.entries.push(entry);
    this.slots[s] = this.entries.length;
    this.hashes[s] = h;
    this.hashes2[s] = h2;
    this.lengths[s] = len;
    return entry;
  }

  /** Forget every key. */
  clear(): void {
    this.slots.fill(0);
    this.entries = [];
  }
}
