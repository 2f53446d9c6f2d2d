/**
 * The editor benchmark (issue 5), run inside the extension host by
 * scripts/vscodeHost/runEditorBench.mjs (`npm run bench:editor`). It prints its figures; nothing
 * here is a test, and nothing fails on a slow machine.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { benchArticles } from './articles';
import { measureCorpus, writeCorpus } from './corpusIndex';
import {
  attribute,
  measureArticle,
  type BenchRuns,
  type ScenarioResult,
  type TimedSection,
} from './editorLatency';
import type { LoopReport } from './eventLoop';

const BLOCK_MS = 50;

function readRuns(): BenchRuns {
  const [opens, hovers, edits] = (process.env.NEWS_ANNOTATOR_BENCH_RUNS ?? '')
    .split(',')
    .map((value) => Number.parseInt(value, 10));
  return { opens: opens || 5, hovers: hovers || 20, edits: edits || 10 };
}

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);
const median = (values: readonly number[]): number => {
  const order = sorted(values);
  return order.length === 0 ? Number.NaN : order[Math.floor(order.length / 2)]!;
};
const max = (values: readonly number[]): number =>
  values.length ? Math.max(...values) : Number.NaN;
const ms = (value: number): string =>
  Number.isNaN(value) ? '-' : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const summary = (values: readonly number[]): string =>
  `median ${ms(median(values))}, max ${ms(max(values))} (${values.length} runs)`;

function report(result: ScenarioResult): void {
  const { article } = result;
  const size = Buffer.byteLength(article.text, 'utf8');
  console.log(
    `\n== ${article.label} article: ${size} bytes, ${article.text.split('\n').length} lines, ${result.tokens} tokens (${article.source})`,
  );
  console.log(`  open -> semantic tokens, first time      ${ms(result.firstOpenMs)}`);
  console.log(`  open -> semantic tokens (new file)       ${summary(result.openMs)}`);
  console.log(`  visible-range tokens, analysed           ${summary(result.rangeTokensMs)}`);
  console.log(`  hover, first time a name is hovered      ${summary(result.firstHoverMs)}`);
  console.log(`  hover once analysed (same name again)    ${summary(result.hoverMs)}`);
  console.log(`  one-character edit -> tokens (incl. 150 ms debounce) ${summary(result.editMs)}`);
  console.log(`  token requests after an edit that got none: ${result.emptyAfterEdit}`);
  console.log(`  Show Article Analysis (JSON built and opened) ${summary(result.showAnalysisMs)}`);
  reportBlocking(result.loop, result.sections);
}

/** The event loop's figures, each block over 50 ms with the sections in it, and every section. */
function reportBlocking(loop: LoopReport, sections: readonly TimedSection[]): void {
  console.log(
    `  event loop: delay p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}; ${loop.blocks.length} blocks over ${BLOCK_MS} ms`,
  );
  for (const block of loop.blocks) {
    const ours = attribute(block, sections);
    const covered = ours.reduce((sum, section) => sum + section.ms, 0);
    const names = ours.map((section) => `${section.name} ${ms(section.ms)}`).join(', ');
    const verdict = covered >= block.ms / 2 ? 'OURS' : 'not ours';
    const cpu = block.cpuMs === undefined ? '' : `, thread CPU ${ms(block.cpuMs)}`;
    console.log(`    block ${ms(block.ms)}${cpu}: ${verdict}${names ? ` (${names})` : ''}`);
  }
  const byName = new Map<string, TimedSection[]>();
  for (const section of sections) {
    byName.set(section.name, [...(byName.get(section.name) ?? []), section]);
  }
  console.log(
    '  our synchronous sections on the extension host thread (wall time; thread CPU time):',
  );
  const rows = [...byName].map(([name, runs]) => ({
    name,
    wall: runs.map((run) => run.ms),
    cpu: runs.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs])),
  }));
  for (const row of rows.sort((a, b) => max(b.wall) - max(a.wall))) {
    const total = row.wall.reduce((sum, value) => sum + value, 0);
    const cpu = row.cpu.length
      ? `; CPU median ${ms(median(row.cpu))}, max ${ms(max(row.cpu))}`
      : '';
    console.log(
      `    ${row.name.padEnd(24)} ${String(row.wall.length).padStart(5)}x  median ${ms(median(row.wall)).padStart(8)}  max ${ms(max(row.wall)).padStart(8)}  total ${ms(total).padStart(8)}${cpu}`,
    );
  }
}

/**
 * The corpus phases, one session each on one workspace: write N articles, then index them and save
 * the index, then load it and check every file. Writing gets a session of its own, so that the
 * folder is the same (change time included) for the two sessions that measure.
 */
async function runCorpusPhase(folder: vscode.Uri, phase: string): Promise<void> {
  if (phase === 'corpus-write') {
    const size = Number.parseInt(process.env.NEWS_ANNOTATOR_BENCH_CORPUS ?? '', 10) || 3000;
    const started = performance.now();
    const written = writeCorpus(folder, size);
    console.log(`corpus: ${written} articles written in ${ms(performance.now() - started)}`);
    return;
  }
  const result = await measureCorpus(folder, phase);
  console.log(
    `\n== duplicate index, ${phase === 'corpus-index' ? 'index and save' : 'load the saved index and check every file'} (${result.files} corpus files)`,
  );
  console.log(
    `  open an article -> Find Duplicates answers   ${ms(result.buildMs)}; ${result.clusters} clusters`,
  );
  reportBlocking(result.loop, result.sections);
}

/** Runs the benchmark; the host turns a rejection into exit code 1. */
export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the runner must open a workspace folder');
  const extension = vscode.extensions.all.find((candidate) =>
    candidate.id.endsWith('.news-annotator'),
  );
  const seed = new TextDecoder().decode(
    await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '000_bfa63e976a24a0e6.txt')),
  );
  const phase = process.env.NEWS_ANNOTATOR_BENCH_PHASE ?? 'editor';
  if (phase !== 'editor') {
    console.log(`editor benchmark, ${phase}: VS Code ${vscode.version}, Node ${process.version}`);
    await runCorpusPhase(folder, phase);
    return;
  }
  const runs = readRuns();
  const started = performance.now();
  console.log(
    `editor benchmark: VS Code ${vscode.version}, Node ${process.version}, extension ${extension?.packageJSON.version ?? '?'}; ${runs.opens} opens, ${runs.hovers} hovers, ${runs.edits} edits per article`,
  );
  for (const article of benchArticles(process.env.NEWS_ANNOTATOR_DEV_DATA, seed)) {
    report(await measureArticle(folder, article, runs));
  }
  console.log(`\neditor benchmark done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
