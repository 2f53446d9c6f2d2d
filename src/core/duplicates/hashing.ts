/**
 * Small, fast 32-bit hash functions for fingerprinting. They work on UTF-16 code units, so a
 * string hashes the same in every JavaScript host, and they never allocate.
 */

/** Finalises a 32-bit hash (MurmurHash3's fmix32) so every output bit depends on every input bit. */
export function mix32(hash: number): number {
  let h = hash | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text[start, end)`, finalised with `mix32`. */
export function hashString32(
  text: string,
  seed = 0x811c9dc5,
  start = 0,
  end = text.length,
): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * A 64-bit hash of a string as 16 hexadecimal digits, for recognising identical texts; two
 * independent 32-bit halves make an accidental collision in a workspace practically impossible.
 */
export function hashString64(text: string): string {
  const high = hashString32(text, 0x811c9dc5);
  const low = hashString32(text, 0x2f1c8a37 ^ text.length);
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** Combines a running hash with one more 32-bit value, order-sensitively. */
export function combineHash(hash: number, value: number): number {
  let h = Math.imul(hash ^ value, 0x5bd1e995);
  h ^= h >>> 15;
  return Math.imul(h, 0x27d4eb2d) | 0;
}

/**
 * A deterministic pseudo-random generator (mulberry32), so that the MinHash permutations and the
 * synthetic corpus are the same on every run and every machine.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
