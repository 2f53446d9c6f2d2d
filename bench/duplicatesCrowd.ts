/**
 * The duplicate index on crowds: N copies of one stub page (a site's "page not found", saved for
 * every missing article) and N near-copies of one story (a long shared body, one changed line).
 * Prints, for each N, the time to add them and to list the clusters, and how many pairs the
 * clusters carry; an index whose work grows with the square of N shows it here.
 *
 *   npx tsx bench/duplicatesCrowd.ts [--sizes 1000,2000,4000,10000]
 */
import { DuplicateIndex } from '../src/core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../src/core/duplicates/fingerprintArticle';
import { STUB_PAGE, nearCopy } from '../test/shared/hostileInputs';

const args = process.argv.slice(2);
const at = args.indexOf('--sizes');
const sizes = (at >= 0 ? args[at + 1]! : '1000,2000,4000,10000').split(',').map(Number);

console.log(`Duplicate index on crowds; Node ${process.version}\n`);
console.log('crowd        | files  | add     | clusters() | clusters | pairs');
console.log('-------------|--------|---------|------------|----------|----------');
for (const size of sizes) {
  for (const crowd of ['stub copies', 'near-copies'] as const) {
    const fingerprints =
      crowd === 'stub copies'
        ? Array.from({ length: size }, () => fingerprintArticle(STUB_PAGE))
        : Array.from({ length: size }, (_, i) => fingerprintArticle(nearCopy(i)));
    const index = new DuplicateIndex();
    let started = performance.now();
    fingerprints.forEach((fingerprint, i) => index.add(`file-${i}`, fingerprint));
    const added = performance.now() - started;
    started = performance.now();
    const clusters = index.clusters();
    const listed = performance.now() - started;
    const pairs = clusters.reduce((sum, cluster) => sum + cluster.pairs.length, 0);
    console.log(
      `${crowd.padEnd(12)} | ${String(size).padStart(6)} | ${(added / 1000).toFixed(2).padStart(5)} s | ` +
        `${(listed / 1000).toFixed(2).padStart(8)} s | ${String(clusters.length).padStart(8)} | ${pairs}`,
    );
  }
}
