import type { ArticleFingerprint } from './fingerprintArticle';
import { countCommon, sampleHashes } from './shingles';
import { hashString64 } from './hashing';

/**
 * How two versions of a story relate: `exact` copies (the same text once case, quotes, dashes and
 * white space are normalised), the `same-body` in another scrape (the body of each is contained in
 * the other's page, whatever headline, captions, date header or boilerplate surround it), or a
 * `revised` version (a paragraph or sentence changed, added or removed).
 */
export type DuplicateKind = 'exact' | 'same-body' | 'revised';

/**
 * The default score from which two files are versions of one story, tuned on the synthetic corpus
 * of bench/duplicatesCorpus.ts (see docs/benchmarks-duplicates.md).
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.45;

/** Each body must be this much inside the other's page for the pair to count as the same body. */
export const SAME_BODY_CONTAINMENT = 0.995;

/**
 * A body must have this many shingles for its containment in another page to count towards the
 * score; a two-line brief found inside a long story is a quotation, not a version.
 */
export const MIN_CONTAINED_SHINGLES = 20;

/** How alike two fingerprinted files are. */
export interface FingerprintComparison {
  /** The Jaccard resemblance of the two bodies' shingle sets (exact for short bodies). */
  similarity: number;
  /** The share of the smaller body's shingles found in the other file's page (body or furniture). */
  containment: number;
  /** The duplicate score: the larger of similarity and (for a body of some length) containment. */
  score: number;
  /** What kind of duplicate the pair is, or null when the score is under the threshold. */
  kind: DuplicateKind | null;
}

/** The text hash of a file that is empty, or white space only, once normalised. */
const EMPTY_TEXT_HASH = hashString64('');

/**
 * Compares two fingerprints. Samples made at different levels are compared at the coarser level,
 * where both keep the same subset of shingles, so the figures stay unbiased. Symmetric in a and b.
 */
export function compareFingerprints(
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  threshold = DEFAULT_DUPLICATE_THRESHOLD,
): FingerprintComparison {
  // A file with no text at all (a failed scrape) is a version of no story, even of another one.
  if (a.textHash === EMPTY_TEXT_HASH || b.textHash === EMPTY_TEXT_HASH) {
    return { similarity: 0, containment: 0, score: 0, kind: null };
  }
  if (a.textHash === b.textHash) return { similarity: 1, containment: 1, score: 1, kind: 'exact' };
  const level = Math.max(a.sampleLevel, b.sampleLevel);
  const bodyA = atLevel(a.bodySample, a.sampleLevel, level);
  const bodyB = atLevel(b.bodySample, b.sampleLevel, level);
  const sameBody = a.bodyHash === b.bodyHash && a.bodyWords > 0;
  const common = countCommon(bodyA, bodyB);
  const union = bodyA.length + bodyB.length - common;
  const similarity = sameBody ? 1 : union === 0 ? 0 : common / union;

  const aInB = containmentIn(bodyA, common, b, level);
  const bInA = containmentIn(bodyB, common, a, level);
  // The containment reported is that of the smaller body, the clean one inside the full page.
  const containment =
    a.bodyShingles < b.bodyShingles
      ? aInB
      : b.bodyShingles < a.bodyShingles
        ? bInA
        : Math.max(aInB, bInA);
  const smaller = Math.min(a.bodyShingles, b.bodyShingles);
  const score = Math.max(similarity, smaller >= MIN_CONTAINED_SHINGLES ? containment : 0);
  if (score < threshold || score === 0) return { similarity, containment, score, kind: null };
  const kind = sameBody || Math.min(aInB, bInA) >= SAME_BODY_CONTAINMENT ? 'same-body' : 'revised';
  return { similarity, containment, score, kind };
}

/** The share of `body` (already sampled at `level`) found in the body or furniture of `other`. */
function containmentIn(
  body: Uint32Array,
  commonWithOtherBody: number,
  other: ArticleFingerprint,
  level: number,
): number {
  if (body.length === 0) return 0;
  const furniture = atLevel(other.furnitureSample, other.sampleLevel, level);
  return (commonWithOtherBody + countCommon(body, furniture)) / body.length;
}

/** A sample made at `ownLevel`, thinned to the coarser `level` (a no-op at its own level). */
function atLevel(sample: Uint32Array, ownLevel: number, level: number): Uint32Array {
  return level === ownLevel ? sample : sampleHashes(sample, level);
}
