/**
 * The incremental figure of `analysisSpeed.ts` for two copies of the engine in one process, so that
 * load from elsewhere hits both alike: blocks of ten (fresh analysis, then re-analysis after a
 * one-character edit in the middle paragraph), alternating between the two copies. Then the
 * throughput of each copy: full passes over the PolNeAR texts, a fresh analysis per text,
 * alternating between the copies and their order (`--passes N`, default 20; 0 skips it).
 * Usage: npx tsx bench/compareAnalyzers.ts <srcA> <srcB> [blocks] [--passes N]
 * where each is a `src` folder, e.g. an earlier commit's:
 *   mkdir -p test-results/before && git archive <commit> src | tar -x -C test-results/before
 *   npx tsx bench/compareAnalyzers.ts test-results/before/src src
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

interface Engine {
  ArticleAnalyzer: new () => { analyze(text: string): unknown };
  analyzeArticle(text: string): unknown;
}

const [sourceA, sourceB] = process.argv.slice(2);
const blocks = /^\d+$/.test(process.argv[4] ?? '') ? Number(process.argv[4]) : 40;
const passesAt = process.argv.indexOf('--passes');
const passes = passesAt > 0 ? Number(process.argv[passesAt + 1]) : 20;
const devData =
  process.env.NEWS_ANNOTATOR_DEV_DATA ?? join(__dirname, '..', '..', 'shared', 'dev-data');
const corpus = join(devData, 'polnear-dev.jsonl');

function main(): void {
  if (!sourceA || !sourceB) {
    console.log('usage: npx tsx bench/compareAnalyzers.ts <srcA> <srcB> [blocks]');
    return;
  }
  if (!existsSync(corpus)) {
    console.log(`skipped: no ${corpus}`);
    return;
  }
  const texts = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  // The same article and edits as the incremental section of analysisSpeed.ts.
  const article = [...texts]
    .filter((text) => text.split(/\n\s*\n/).length >= 5)
    .sort((a, b) => Math.abs(a.length - 5000) - Math.abs(b.length - 5000))[0]!;
  const paragraphs = article.split(/\n\s*\n/);
  const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
  const from = article.indexOf(middle);
  const edited = (run: number): string => {
    const at = from + (run % middle.length);
    const pass = Math.floor(run / middle.length);
    let replacement = String.fromCharCode(97 + (pass % 26));
    if (replacement === article[at]) replacement = String.fromCharCode(97 + ((pass + 13) % 26));
    return article.slice(0, at) + replacement + article.slice(at + 1);
  };
  const engines = [sourceA, sourceB].map(
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (source) => require(resolve(source, 'core', 'analysis', 'articleAnalyzer')) as Engine,
  );
  const analyzers = engines.map((engine) => {
    const analyzer = new engine.ArticleAnalyzer();
    analyzer.analyze(article);
    return analyzer;
  });
  const full: number[][] = [[], []];
  const again: number[][] = [[], []];
  let run = 0;
  for (let block = 0; block < blocks; block++) {
    for (const k of [0, 1]) {
      for (let i = 0; i < 10; i++, run++) {
        let started = performance.now();
        engines[k]!.analyzeArticle(edited(run + 5000));
        const fresh = performance.now() - started;
        started = performance.now();
        analyzers[k]!.analyze(edited(run + 1000));
        // The first two runs of a block warm up after the other copy ran.
        if (i >= 2) {
          full[k]!.push(fresh);
          again[k]!.push(performance.now() - started);
        }
      }
    }
  }
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  [sourceA, sourceB].forEach((source, k) => {
    const f = median(full[k]!);
    const r = median(again[k]!);
    console.log(
      `${source}: full ${f.toFixed(2)} ms, re-analysis ${r.toFixed(2)} ms, ratio ${(r / f).toFixed(3)} (medians of ${full[k]!.length})`,
    );
  });
  if (passes <= 0) return;
  const kilobytes = texts.reduce((sum, text) => sum + text.length, 0) / 1024;
  const passTimes: number[][] = [[], []];
  // Two warm-up passes each, then passes in alternating order: A B, B A, A B...
  for (let pass = -2; pass < passes; pass++) {
    for (const k of pass % 2 === 0 ? [0, 1] : [1, 0]) {
      const started = performance.now();
      for (const text of texts) engines[k]!.analyzeArticle(text);
      if (pass >= 0) passTimes[k]!.push(performance.now() - started);
    }
  }
  [sourceA, sourceB].forEach((source, k) => {
    const speed = kilobytes / (median(passTimes[k]!) / 1000);
    console.log(
      `${source}: throughput ${speed.toFixed(0)} KB/s (median of ${passes} passes over the ${texts.length} texts, ${kilobytes.toFixed(0)} KB)`,
    );
  });
}

main();
