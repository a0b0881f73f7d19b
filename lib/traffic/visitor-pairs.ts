/**
 * The distinct (row, visitor) pairs of one access-log aggregation (./traffic-aggregator.ts), in one open-addressing
 * table of two Int32Arrays: unique visitors per (day, path) row are counted without a Set per row. A 1M-line log has
 * about 250k rows with page views; their Sets were most of the import's garbage-collection work and much of its
 * memory (`npm run bench`).
 *
 * Tables start at 256 slots (2 KiB) and double when half full: an aggregator keeps one per day.
 *
 * A row is a small non-negative integer (the aggregator numbers its rows); a visitor is a 32-bit hash
 * (./visitor-hash.ts), already well mixed, so it picks the slot with the row's number mixed in.
 */
export class VisitorPairs {
  /** Row number + 1 per slot (0 = empty), and the visitor hash in the same slot. */
  private rows = new Int32Array(1 << 8);
  private hashes = new Int32Array(1 << 8);
  private mask = (1 << 8) - 1;
  /** Pairs held. */
  size = 0;

  /** Add the pair (row, visitor hash): true when it is new, false when it was already there. */
  add(row: number, hash: number): boolean {
    const r = row + 1;
    const rows = this.rows;
    const mask = this.mask;
    let s = (hash ^ Math.imul(r, 0x9e3779b1)) & mask;
    for (;;) {
      const x = rows[s];
      if (x === 0) break;
      if (x === r && this.hashes[s] === hash) return false;
      s = (s + 1) & mask;
    }
    rows[s] = r;
    this.hashes[s] = hash;
    this.size++;
    if (this.size * 2 > mask) this.grow();
    return true;
  }

  /** Call `fn(row, hash)` for every pair, in no particular order. */
  forEach(fn: (row: number, hash: number) => void): void {
    const rows = this.rows;
    for (let s = 0; s < rows.length; s++) if (rows[s] !== 0) fn(rows[s] - 1, this.hashes[s]);
  }

  /** Forget every pair (and the memory they took). */
  clear(): void {
    this.rows = new Int32Array(1 << 8);
    this.hashes = new Int32Array(1 << 8);
    this.mask = (1 << 8) - 1;
    this.size = 0;
  }

  /** Double the table (kept at most half full) and put every pair in again. */
  private grow(): void {
    const oldRows = this.rows;
    const oldHashes = this.hashes;
    this.mask = this.mask * 2 + 1;
    this.rows = new Int32Array(this.mask + 1);
    this.hashes = new Int32Array(this.mask + 1);
    const rows = this.rows;
    for (let o = 0; o < oldRows.length; o++) {
      const r = oldRows[o];
      if (r === 0) continue;
      const hash = oldHashes[o];
      let s = (hash ^ Math.imul(r, 0x9e3779b1)) & this.mask;
      while (rows[s] !== 0) s = (s + 1) & this.mask;
      rows[s] = r;
      this.hashes[s] = hash;
    }
  }
}
