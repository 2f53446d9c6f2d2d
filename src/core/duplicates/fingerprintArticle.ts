import { parseArticle } from '../article/parseArticle';
import type { Zone } from '../types';
import { splitArticleParts } from './articleParts';
import { decodeWords, encodeWords } from './base64';
import { hashString64 } from './hashing';
import { minHashSignature, SIGNATURE_LENGTH } from './minHash';
import { normalizeForComparison, tokenizeWords } from './normalizeForComparison';
import {
  sampleHashes,
  SHINGLE_WORDS,
  shingleHashes,
  subtractSorted,
  uniqueSorted,
} from './shingles';

/**
 * Names the fingerprinting scheme and its parameters. Fingerprints made under another scheme are
 * not comparable, so caches keyed on it are rebuilt when it changes.
 */
export const FINGERPRINT_SCHEME = `news-dup/1;w${SHINGLE_WORDS};k${SIGNATURE_LENGTH};s256`;

/** Fewest shingles a sample keeps: below twice this, a body keeps every shingle (exact scores). */
const MIN_SAMPLE = 256;
/** The coarsest sampling level, one shingle in 2^16, reached only by books, not by articles. */
const MAX_SAMPLE_LEVEL = 16;

/**
 * What duplicate detection remembers about one file: small, computed once per file version, and
 * serialisable with `fingerprintToJSON` so that it can be cached. All shingle hashes are of
 * five-word shingles of the text normalised by `normalizeForComparison`.
 */
export interface ArticleFingerprint {
  /** The scheme it was made under (`FINGERPRINT_SCHEME`). */
  scheme: string;
  /** A 64-bit hash (hex) of the whole normalised text: equal for exact copies. */
  textHash: string;
  /** A 64-bit hash (hex) of the body's words: equal when two scrapes have the same body. */
  bodyHash: string;
  /** How many words the body has. */
  bodyWords: number;
  /** How many distinct shingles the body has (the exact count, not the sample's). */
  bodyShingles: number;
  /** The samples keep the shingle hashes whose lowest `sampleLevel` bits are zero. */
  sampleLevel: number;
  /** The body's sampled shingle hashes, ascending. */
  bodySample: Uint32Array;
  /** The sampled hashes of the page furniture's shingles that are not in the body, ascending. */
  furnitureSample: Uint32Array;
  /** The MinHash signature of all the body's shingles, for locality-sensitive hashing. */
  signature: Uint32Array;
}

/**
 * Fingerprints an article for duplicate detection. Only the body counts as the story: headline,
 * captions, bylines, date header and boilerplate are kept apart (they can still show that a clean
 * body is contained in a full page) and reader comments are ignored, so that none of them hides a
 * duplicate or makes two different stories look alike. `zones` are those of `parseArticle(text)`.
 */
export function fingerprintArticle(
  text: string,
  zones: readonly Zone[] = parseArticle(text).zones,
): ArticleFingerprint {
  const parts = splitArticleParts(text, zones);
  const words = tokenizeWords(normalizeForComparison(parts.paragraphs.join('\n')));
  const body = shingleHashes(words);
  const furniture = uniqueSorted(
    concatWords(
      parts.furniture.map((piece) => shingleHashes(tokenizeWords(normalizeForComparison(piece)))),
    ),
  );
  const sampleLevel = chooseSampleLevel(body.length);
  return {
    scheme: FINGERPRINT_SCHEME,
    textHash: hashString64(normalizeForComparison(text)),
    bodyHash: hashString64(words.join(' ')),
    bodyWords: words.length,
    bodyShingles: body.length,
    sampleLevel,
    bodySample: sampleHashes(body, sampleLevel).slice(),
    furnitureSample: sampleHashes(subtractSorted(furniture, body), sampleLevel).slice(),
    signature: minHashSignature(body),
  };
}

/** The sampling level that keeps between `MIN_SAMPLE` and twice as many of `count` shingles. */
function chooseSampleLevel(count: number): number {
  if (count < 2 * MIN_SAMPLE) return 0;
  return Math.min(MAX_SAMPLE_LEVEL, Math.floor(Math.log2(count / MIN_SAMPLE)));
}

function concatWords(arrays: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    out.set(array, at);
    at += array.length;
  }
  return out;
}

/** A fingerprint as plain JSON: its word arrays as base64 strings. */
export interface FingerprintJSON {
  scheme: string;
  textHash: string;
  bodyHash: string;
  bodyWords: number;
  bodyShingles: number;
  sampleLevel: number;
  bodySample: string;
  furnitureSample: string;
  signature: string;
}

/** Turns a fingerprint into plain JSON for a cache file. */
export function fingerprintToJSON(fingerprint: ArticleFingerprint): FingerprintJSON {
  return {
    scheme: fingerprint.scheme,
    textHash: fingerprint.textHash,
    bodyHash: fingerprint.bodyHash,
    bodyWords: fingerprint.bodyWords,
    bodyShingles: fingerprint.bodyShingles,
    sampleLevel: fingerprint.sampleLevel,
    bodySample: encodeWords(fingerprint.bodySample),
    furnitureSample: encodeWords(fingerprint.furnitureSample),
    signature: encodeWords(fingerprint.signature),
  };
}

/**
 * Reads a fingerprint written by `fingerprintToJSON`. Returns undefined, never throws, when the
 * value is malformed or was made under another scheme: the caller then fingerprints the file again.
 */
export function fingerprintFromJSON(value: unknown): ArticleFingerprint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const json = value as Partial<Record<keyof FingerprintJSON, unknown>>;
  if (json.scheme !== FINGERPRINT_SCHEME) return undefined;
  if (typeof json.textHash !== 'string' || typeof json.bodyHash !== 'string') return undefined;
  const counts = [json.bodyWords, json.bodyShingles, json.sampleLevel];
  if (!counts.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0))
    return undefined;
  const bodySample = decodeWords(json.bodySample);
  const furnitureSample = decodeWords(json.furnitureSample);
  const signature = decodeWords(json.signature);
  if (!bodySample || !furnitureSample || signature?.length !== SIGNATURE_LENGTH) return undefined;
  return {
    scheme: FINGERPRINT_SCHEME,
    textHash: json.textHash,
    bodyHash: json.bodyHash,
    bodyWords: json.bodyWords as number,
    bodyShingles: json.bodyShingles as number,
    sampleLevel: json.sampleLevel as number,
    bodySample,
    furnitureSample,
    signature,
  };
}
