import { combineHash, hashString32, mix32 } from './hashing';

/** Words per shingle: five words tell sentences apart while surviving a changed word nearby. */
export const SHINGLE_WORDS = 5;

/**
 * Hashes every run of `size` consecutive words and returns the distinct hashes in ascending order.
 * A text shorter than one shingle gives one shingle of all its words, so short texts still compare.
 */
export function shingleHashes(words: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString32(words[i]!);
  const width = Math.min(size, words.length);
  const count = words.length - width + 1;
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x3c6ef372;
    for (let j = 0; j < width; j++) h = combineHash(h, wordHashes[i + j]!);
    hashes[i] = mix32(h);
  }
  return uniqueSorted(hashes);
}

/** Sorts 32-bit hashes in place and returns the distinct ones (a view on the same memory). */
export function uniqueSorted(hashes: Uint32Array): Uint32Array {
  hashes.sort();
  let kept = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (kept === 0 || hashes[i] !== hashes[kept - 1]) hashes[kept++] = hashes[i]!;
  }
  return hashes.subarray(0, kept);
}

/** The number of values two ascending arrays of distinct values share (a linear merge). */
export function countCommon(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/** The values of ascending array `a` that are not in ascending array `b`, in ascending order. */
export function subtractSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let kept = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) out[kept++] = x;
  }
  return out.slice(0, kept);
}

/**
 * Keeps the hashes whose lowest `level` bits are zero: Broder's MOD-m sample with m = 2^level.
 * Because the choice depends on the hash alone, two documents keep the same shingles of what they
 * share, so resemblance and containment measured on the samples estimate those of the full sets.
 */
export function sampleHashes(hashes: Uint32Array, level: number): Uint32Array {
  if (level <= 0) return hashes;
  const mask = (1 << level) - 1;
  const out = new Uint32Array(hashes.length);
  let kept = 0;
  for (let i = 0; i < hashes.length; i++) {
    if ((hashes[i]! & mask) === 0) out[kept++] = hashes[i]!;
  }
  return out.slice(0, kept);
}
