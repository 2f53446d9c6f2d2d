/**
 * Recall and precision of duplicate pairs on the synthetic corpus, by threshold, for the index
 * (LSH candidates then sample scores), with the kind each pair was given against the truth.
 *
 *   npx tsx bench/duplicatesAccuracy.ts [--stories 3000] [--seed 7] [--grammar]
 *
 * `--grammar` writes the stories with the built-in phrase grammar instead of the dev-data chain.
 */
import { parseArticle } from '../src/core/article/parseArticle';
import {
  compareFingerprints,
  DEFAULT_DUPLICATE_THRESHOLD,
  type DuplicateKind,
} from '../src/core/duplicates/compareFingerprints';
import { DuplicateIndex } from '../src/core/duplicates/duplicateIndex';
import {
  fingerprintArticle,
  type ArticleFingerprint,
} from '../src/core/duplicates/fingerprintArticle';
import { normalizeForComparison } from '../src/core/duplicates/normalizeForComparison';
import {
  defaultSource,
  generateCorpus,
  grammarSource,
  truePairs,
  type CorpusFile,
} from './duplicatesCorpus';

const args = process.argv.slice(2);
const option = (flag: string, fallback: number): number => {
  const at = args.indexOf(flag);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const stories = option('--stories', 3000);
const seed = option('--seed', 7);
const source = args.includes('--grammar') ? grammarSource : defaultSource();

const files: CorpusFile[] = [...generateCorpus({ stories, seed, source })];
const byId = new Map(files.map((file) => [file.id, file]));
const fingerprints = new Map<string, ArticleFingerprint>();
const index = new DuplicateIndex();
for (const file of files) {
  const fingerprint = fingerprintArticle(file.text, parseArticle(file.text).zones);
  fingerprints.set(file.id, fingerprint);
  index.add(file.id, fingerprint);
}
const truth = truePairs(files);
const lowest = 0.2;
const found = index.pairs(lowest);
const megabytes = files.reduce((sum, file) => sum + file.text.length, 0) / 1e6;

console.log(
  `Synthetic corpus: ${files.length} files (${megabytes.toFixed(1)} M characters) of ${stories} stories, seed ${seed}`,
);
console.log(`Sentences: ${source.name}`);
console.log(`True duplicate pairs: ${truth.size}\n`);

console.log('threshold | pairs found | precision | recall | F1     | recall lost to LSH');
console.log('----------|-------------|-----------|--------|--------|-------------------');
const truthScores = [...truth].map((key) => {
  const [a, b] = key.split(' ');
  return compareFingerprints(fingerprints.get(a!)!, fingerprints.get(b!)!, lowest).score;
});
for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9]) {
  const predicted = found.filter((pair) => pair.score >= threshold);
  const correct = predicted.filter((pair) => truth.has(`${pair.a} ${pair.b}`)).length;
  const precision = predicted.length ? correct / predicted.length : 1;
  const recall = correct / truth.size;
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  // True pairs that score over the threshold when compared directly but were not LSH candidates.
  const reachable = truthScores.filter((score) => score >= threshold).length;
  const mark = threshold === DEFAULT_DUPLICATE_THRESHOLD ? ' (default)' : '';
  console.log(
    `${threshold.toFixed(2).padEnd(9)} | ${String(predicted.length).padEnd(11)} | ${precision.toFixed(4).padEnd(9)} | ${recall.toFixed(4)} | ${f1.toFixed(4)} | ${(((reachable - correct) / truth.size) * 100).toFixed(2)} %${mark}`,
  );
}

// Pairs implied by the clusters (every two files of a cluster), which single linkage can chain.
const clusterPairs = new Set<string>();
for (const cluster of index.clusters()) {
  for (let i = 0; i < cluster.files.length; i++) {
    for (let j = i + 1; j < cluster.files.length; j++)
      clusterPairs.add(`${cluster.files[i]} ${cluster.files[j]}`);
  }
}
const clusterCorrect = [...clusterPairs].filter((key) => truth.has(key)).length;
console.log(
  `\nClusters at the default threshold: ${clusterPairs.size} implied pairs, precision ${(clusterCorrect / clusterPairs.size).toFixed(4)}, recall ${(clusterCorrect / truth.size).toFixed(4)}`,
);

// Where the errors are: the lowest-scoring true pairs and the highest-scoring false ones.
const sortedTruth = [...truth]
  .map((key, i) => ({ key, score: truthScores[i]! }))
  .sort((x, y) => x.score - y.score);
console.log('\nLowest-scoring true pairs (score, revisions, renderings):');
for (const { key, score } of sortedTruth.slice(0, 5)) {
  const [a, b] = key.split(' ').map((id) => byId.get(id)!);
  console.log(
    `  ${score.toFixed(3)}  ${a!.id} r${a!.revision} ${a!.rendering} / ${b!.id} r${b!.revision} ${b!.rendering}`,
  );
}
const falsePairs = found
  .filter((pair) => !truth.has(`${pair.a} ${pair.b}`))
  .sort((x, y) => y.score - x.score);
const sameTopic = (pair: { a: string; b: string }) =>
  Math.abs(byId.get(pair.a)!.story - byId.get(pair.b)!.story) < 7 ? 'near story' : 'far story';
console.log('Highest-scoring different-story pairs (score, similarity, containment):');
for (const pair of falsePairs.slice(0, 5)) {
  console.log(
    `  ${pair.score.toFixed(3)}  ${pair.similarity.toFixed(3)} ${pair.containment.toFixed(3)}  ${pair.a} / ${pair.b} (${sameTopic(pair)})`,
  );
}

// The kinds given at the default threshold against the truth.
const expectedKind = (a: CorpusFile, b: CorpusFile): DuplicateKind => {
  if (normalizeForComparison(a.text) === normalizeForComparison(b.text)) return 'exact';
  return a.revision === b.revision ? 'same-body' : 'revised';
};
const kinds: DuplicateKind[] = ['exact', 'same-body', 'revised'];
const confusion = new Map<string, number>();
for (const pair of found) {
  if (pair.score < DEFAULT_DUPLICATE_THRESHOLD || !truth.has(`${pair.a} ${pair.b}`)) continue;
  const key = `${expectedKind(byId.get(pair.a)!, byId.get(pair.b)!)} ${pair.kind}`;
  confusion.set(key, (confusion.get(key) ?? 0) + 1);
}
console.log(
  '\nKinds of the true pairs found at the default threshold (rows: truth, columns: given):',
);
console.log(`${''.padEnd(10)} ${kinds.map((kind) => kind.padStart(10)).join(' ')}`);
let agree = 0;
let total = 0;
for (const truthKind of kinds) {
  const row = kinds.map((given) => confusion.get(`${truthKind} ${given}`) ?? 0);
  agree += row[kinds.indexOf(truthKind)]!;
  total += row.reduce((sum, n) => sum + n, 0);
  console.log(`${truthKind.padEnd(10)} ${row.map((n) => String(n).padStart(10)).join(' ')}`);
}
console.log(`Kind accuracy: ${(agree / total).toFixed(4)}`);
