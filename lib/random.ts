/**
 * Seeded pseudo-random numbers, so that bootstrap intervals and demo data are reproducible run to run.
 */

/**
 * mulberry32: a tiny 32-bit PRNG (Tommy Ettinger's public-domain generator). Not cryptographic; good enough for
 * resampling and fake data. The same seed always gives the same sequence.
 *
 * @param seed any number; only its low 32 bits are used (`seed >>> 0`), so 1 and 2**32 + 1 give the same stream.
 * @returns a function returning floats uniformly distributed in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
