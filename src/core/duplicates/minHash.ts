import { createRandom } from './hashing';

/** The length of a MinHash signature: 42 bands of 3 rows use 126 of its 128 values. */
export const SIGNATURE_LENGTH = 128;

/** Seeds of the hash functions that stand in for random permutations, the same on every run. */
const PERMUTATIONS = (() => {
  const random = createRandom(0x5eed1e55);
  const xors = new Int32Array(SIGNATURE_LENGTH);
  const multipliers = new Int32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    xors[i] = Math.floor(random() * 4294967296) | 0;
    // An odd multiplier makes the multiplication a bijection on 32-bit words.
    multipliers[i] = Math.floor(random() * 4294967296) | 1 | 0;
  }
  return { xors, multipliers };
})();

/**
 * The MinHash signature of a set of 32-bit shingle hashes: for each of `SIGNATURE_LENGTH` hash
 * functions, the smallest value over the set. Two signatures agree at a position with probability
 * equal to the Jaccard resemblance of the two sets (Broder 1997). An empty set gives all ones.
 */
export function minHashSignature(hashes: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  const { xors, multipliers } = PERMUTATIONS;
  for (let k = 0; k < hashes.length; k++) {
    const x = hashes[k]! | 0;
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      // Each function is a bijection (xor, odd multiply, xor-shift, odd multiply, xor-shift).
      let h = Math.imul(x ^ xors[i]!, multipliers[i]!);
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d);
      h ^= h >>> 12;
      const value = h >>> 0;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard resemblance. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) equal++;
  return equal / length;
}
