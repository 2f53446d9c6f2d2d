/**
 * Indexing and query speed of duplicate detection, with peak memory, on the synthetic corpus.
 *
 *   npx tsx bench/duplicatesSpeed.ts --files 10000            # texts generated first, then timed
 *   npx tsx bench/duplicatesSpeed.ts --files 100000 --stream  # texts generated on the fly
 *
 * Indexing a file = parseArticle (zones) + fingerprintArticle + DuplicateIndex.add. With --stream
 * the generation of each text is timed apart and left out. Run each size in its own process, so
 * that the peak resident memory (maxRSS) is that of one size.
 */
import { parseArticle } from '../src/core/article/parseArticle';
import { DuplicateIndex } from '../src/core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../src/core/duplicates/fingerprintArticle';
import { createRandom } from '../src/core/duplicates/hashing';
import { generateCorpus, type CorpusFile } from './duplicatesCorpus';

const args = process.argv.slice(2);
const at = args.indexOf('--files');
const total = at >= 0 ? Number(args[at + 1]) : 10000;
const stream = args.includes('--stream');
const checkpoint = Math.max(1000, Math.round(total / 10));

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function* corpus(): Generator<CorpusFile> {
  let count = 0;
  for (const file of generateCorpus({ stories: total, seed: 42 })) {
    if (count++ >= total) return;
    yield file;
  }
}

const index = new DuplicateIndex();
const ids: string[] = [];
let characters = 0;
let parseMs = 0;
let fingerprintMs = 0;
let addMs = 0;
let generateMs = 0;

function indexFile(file: CorpusFile): void {
  const t0 = performance.now();
  const zones = parseArticle(file.text).zones;
  const t1 = performance.now();
  const fingerprint = fingerprintArticle(file.text, zones);
  const t2 = performance.now();
  index.add(file.id, fingerprint);
  const t3 = performance.now();
  parseMs += t1 - t0;
  fingerprintMs += t2 - t1;
  addMs += t3 - t2;
  characters += file.text.length;
  ids.push(file.id);
}

console.log(
  `Duplicate index speed: ${total} files, ${stream ? 'generated on the fly' : 'generated before timing'}`,
);
console.log(`Node ${process.version}, ${process.arch}\n`);
console.log(
  'files   | characters | index time (cumulative) | per 1,000 files (this step) | heap used',
);
console.log(
  '--------|------------|-------------------------|-----------------------------|----------',
);
let lastIndexMs = 0;
let lastCount = 0;
const report = (): void => {
  const indexMs = parseMs + fingerprintMs + addMs;
  const step = ((indexMs - lastIndexMs) / (ids.length - lastCount)) * 1000;
  console.log(
    `${String(ids.length).padEnd(7)} | ${(characters / 1e6).toFixed(1).padStart(6)} M   | ${seconds(indexMs).padStart(23)} | ${seconds(step).padStart(27)} | ${megabytes(process.memoryUsage().heapUsed)}`,
  );
  lastIndexMs = indexMs;
  lastCount = ids.length;
};
if (stream) {
  const files = corpus();
  for (;;) {
    const g0 = performance.now();
    const next = files.next();
    generateMs += performance.now() - g0;
    if (next.done) break;
    indexFile(next.value);
    if (ids.length % checkpoint === 0) report();
  }
} else {
  const g0 = performance.now();
  const files = [...corpus()];
  generateMs = performance.now() - g0;
  for (const file of files) {
    indexFile(file);
    if (ids.length % checkpoint === 0) report();
  }
  files.length = 0;
}
if (ids.length % checkpoint !== 0) report();
const indexMs = parseMs + fingerprintMs + addMs;
console.log(
  `\nIndexed ${ids.length} files (${(characters / 1e6).toFixed(1)} M characters) in ${seconds(indexMs)}: parseArticle ${seconds(parseMs)}, fingerprintArticle ${seconds(fingerprintMs)}, DuplicateIndex.add ${seconds(addMs)} (generating the texts took ${seconds(generateMs)}, not counted)`,
);

// One article's duplicates: query random files of the index.
const random = createRandom(7);
const times: number[] = [];
let matches = 0;
for (let i = 0; i < 2000; i++) {
  const id = ids[Math.floor(random() * ids.length)]!;
  const t0 = performance.now();
  matches += index.query(id).length;
  times.push(performance.now() - t0);
}
times.sort((x, y) => x - y);
const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
console.log(
  `query(id), 2,000 random files: median ${quantile(0.5).toFixed(3)} ms, p99 ${quantile(0.99).toFixed(3)} ms, max ${quantile(1).toFixed(3)} ms (${(matches / times.length).toFixed(2)} matches a query)`,
);

const c0 = performance.now();
const clusters = index.clusters();
const clustersMs = performance.now() - c0;
const pairs = clusters.reduce((sum, cluster) => sum + cluster.pairs.length, 0);
console.log(`clusters(): ${clusters.length} clusters, ${pairs} pairs, in ${seconds(clustersMs)}`);

const indexed = process.memoryUsage();
console.log(
  `Memory with the index built: heap used ${megabytes(indexed.heapUsed)}, array buffers (fingerprints, LSH tables) ${megabytes(indexed.arrayBuffers)}, RSS ${megabytes(indexed.rss)}`,
);

const s0 = performance.now();
const json = JSON.stringify(index);
const saveMs = performance.now() - s0;
const l0 = performance.now();
const restored = DuplicateIndex.fromJSON(JSON.parse(json));
const loadMs = performance.now() - l0;
console.log(
  `toJSON: ${megabytes(json.length)} of JSON in ${seconds(saveMs)}; fromJSON: ${restored?.size} files in ${seconds(loadMs)}`,
);

const memory = process.memoryUsage();
console.log(
  `Memory at the end: heap used ${megabytes(memory.heapUsed)}, array buffers ${megabytes(memory.arrayBuffers)}, RSS ${megabytes(memory.rss)}; peak RSS (maxRSS) ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
);
