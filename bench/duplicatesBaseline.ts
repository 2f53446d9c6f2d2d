/**
 * The all-pairs baseline: exact Jaccard resemblance and containment over every pair of files, on
 * full shingle sets (no MinHash, no LSH, no sampling), side by side with the DuplicateIndex on the
 * same files. The baseline's cost grows with the square of the corpus, so it runs on subsets and
 * its time for 10,000 and 100,000 files is extrapolated from the largest one.
 *
 *   npx tsx bench/duplicatesBaseline.ts [--sizes 500,1000,2000,4000]
 */
import { parseArticle } from '../src/core/article/parseArticle';
import { splitArticleParts } from '../src/core/duplicates/articleParts';
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  MIN_CONTAINED_SHINGLES,
} from '../src/core/duplicates/compareFingerprints';
import { DuplicateIndex } from '../src/core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../src/core/duplicates/fingerprintArticle';
import {
  normalizeForComparison,
  tokenizeWords,
} from '../src/core/duplicates/normalizeForComparison';
import {
  countCommon,
  shingleHashes,
  subtractSorted,
  uniqueSorted,
} from '../src/core/duplicates/shingles';
import { generateCorpus, truePairs, type CorpusFile } from './duplicatesCorpus';

const args = process.argv.slice(2);
const at = args.indexOf('--sizes');
const sizes = (at >= 0 ? args[at + 1]! : '500,1000,2000,4000').split(',').map(Number);
const largest = Math.max(...sizes);
const all: CorpusFile[] = [];
for (const file of generateCorpus({ stories: largest, seed: 42 })) {
  if (all.length >= largest) break;
  all.push(file);
}

interface ExactSets {
  body: Uint32Array;
  furniture: Uint32Array;
}

function exactSets(text: string): ExactSets {
  const parts = splitArticleParts(text, parseArticle(text).zones);
  const shingles = (piece: string) => shingleHashes(tokenizeWords(normalizeForComparison(piece)));
  const body = shingles(parts.paragraphs.join('\n'));
  const pieces = parts.furniture.map(shingles);
  const merged = new Uint32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    merged.set(piece, offset);
    offset += piece.length;
  }
  return { body, furniture: subtractSorted(uniqueSorted(merged), body) };
}

/** The same score as compareFingerprints, computed exactly on the full sets. */
function exactScore(a: ExactSets, b: ExactSets): number {
  const common = countCommon(a.body, b.body);
  const union = a.body.length + b.body.length - common;
  const similarity = union === 0 ? 0 : common / union;
  const inOther = (x: ExactSets, y: ExactSets) =>
    x.body.length === 0 ? 0 : (common + countCommon(x.body, y.furniture)) / x.body.length;
  const aInB = inOther(a, b);
  const bInA = inOther(b, a);
  const containment =
    a.body.length < b.body.length
      ? aInB
      : b.body.length < a.body.length
        ? bInA
        : Math.max(aInB, bInA);
  const smaller = Math.min(a.body.length, b.body.length);
  return Math.max(similarity, smaller >= MIN_CONTAINED_SHINGLES ? containment : 0);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const threshold = DEFAULT_DUPLICATE_THRESHOLD;
console.log(`All-pairs exact baseline against the DuplicateIndex, threshold ${threshold}\n`);
console.log(
  'files | pairs compared | baseline: sets + all pairs   | P / R          | index: build + clusters | P / R          | agreement',
);
console.log(
  '------|----------------|------------------------------|----------------|-------------------------|----------------|----------',
);
let lastRate = 0;
let lastSetsPerFile = 0;
let lastIndexPerFile = 0;
for (const size of sizes) {
  const files = all.slice(0, size);
  const truth = truePairs(files);

  const s0 = performance.now();
  const sets = files.map((file) => exactSets(file.text));
  const s1 = performance.now();
  const baseline = new Set<string>();
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      if (exactScore(sets[i]!, sets[j]!) >= threshold)
        baseline.add(`${files[i]!.id} ${files[j]!.id}`);
    }
  }
  const s2 = performance.now();

  const i0 = performance.now();
  const index = new DuplicateIndex();
  for (const file of files)
    index.add(file.id, fingerprintArticle(file.text, parseArticle(file.text).zones));
  const i1 = performance.now();
  const found = new Set(index.pairs(threshold).map((pair) => `${pair.a} ${pair.b}`));
  const i2 = performance.now();

  const pr = (predicted: Set<string>) => {
    const correct = [...predicted].filter((key) => truth.has(key)).length;
    return `${(predicted.size ? correct / predicted.size : 1).toFixed(4)} / ${(correct / truth.size).toFixed(4)}`;
  };
  const both = [...found].filter((key) => baseline.has(key)).length;
  const agreement = both / (found.size + baseline.size - both || 1);
  const pairCount = (size * (size - 1)) / 2;
  lastRate = pairCount / (s2 - s1);
  lastSetsPerFile = (s1 - s0) / size;
  lastIndexPerFile = (i2 - i0) / size;
  console.log(
    `${String(size).padEnd(5)} | ${String(pairCount).padEnd(14)} | ${seconds(s1 - s0).padStart(7)} + ${seconds(s2 - s1).padStart(9)} = ${seconds(s2 - s0).padStart(8)} | ${pr(baseline)} | ${seconds(i1 - i0).padStart(8)} + ${seconds(i2 - i1).padStart(7)} = ${seconds(i2 - i0).padStart(7)} | ${pr(found)} | ${agreement.toFixed(4)}`,
  );
}
console.log(
  `\nBaseline rate at ${largest} files: ${(lastRate * 1000).toFixed(0)} pair comparisons a second.`,
);
for (const n of [10000, 100000]) {
  const pairs = (n * (n - 1)) / 2;
  const baselineMs = n * lastSetsPerFile + pairs / lastRate;
  console.log(
    `Extrapolated to ${n} files: baseline ${seconds(baselineMs)} (${(baselineMs / 3600000).toFixed(2)} h) for ${pairs.toExponential(2)} pairs; index about ${seconds(n * lastIndexPerFile)} if linear (measure with duplicatesSpeed.ts).`,
  );
}
