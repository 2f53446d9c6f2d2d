/**
 * What the shipped bundles cost to load, for two builds side by side: the CPU time V8 takes to
 * compile dist/extension.js (as Node's loader wraps it), and the CPU time of a cold analysis worker
 * from its start to the analysis of one seed (which loads compromise and chrono). Each sample runs
 * in a fresh process, the two builds alternate, and the medians are printed; CPU time, unlike wall
 * time, hardly moves when other processes share the machine.
 *
 *   npx tsx bench/bundleLoad.ts <baseline dist dir> [<dist dir>] [--runs 12]
 *
 * A baseline is another commit's build, for example:
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules &&
 *   (cd /tmp/base && node esbuild.mjs) && npx tsx bench/bundleLoad.ts /tmp/base/dist
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 12;
const dirs = args.filter((arg, i) => !arg.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
if (dirs.length < 1) {
  console.error('usage: npx tsx bench/bundleLoad.ts <baseline dist dir> [<dist dir>] [--runs n]');
  process.exit(2);
}
const builds = [path.resolve(dirs[0]!), path.resolve(dirs[1] ?? 'dist')];
const seed = path.resolve('seeds', '001_2e408fe495f00e99.txt');

/** Compiles a bundle wrapped as Node's CommonJS loader wraps it, without running it. */
const compileProgram = `
const fs = require('fs'); const vm = require('vm');
const source = fs.readFileSync(process.argv[1], 'utf8');
const cpu = process.cpuUsage();
new vm.Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})');
const used = process.cpuUsage(cpu); console.log((used.user + used.system) / 1000);`;

/** Starts the analysis worker, has it analyse the seed, and reports the process's CPU time. */
const workerProgram = `
const { Worker } = require('worker_threads'); const fs = require('fs');
const text = fs.readFileSync(process.argv[2], 'utf8');
const cpu = process.cpuUsage();
const worker = new Worker(process.argv[1]);
worker.on('message', (message) => {
  if (message.kind !== 'result') throw new Error('the worker answered ' + message.kind);
  const used = process.cpuUsage(cpu); console.log((used.user + used.system) / 1000);
  void worker.terminate();
});
worker.postMessage({ kind: 'analyze', id: 1, key: 'bench', text });`;

function sample(program: string, ...programArgs: string[]): number {
  return Number(
    execFileSync(process.execPath, ['-e', program, ...programArgs], { encoding: 'utf8' }).trim(),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const measures = [
  {
    label: 'compile dist/extension.js, CPU ms',
    run: (dir: string) => sample(compileProgram, path.join(dir, 'extension.js')),
  },
  {
    label: 'cold worker: start + first analysis of seed 001, CPU ms',
    run: (dir: string) => sample(workerProgram, path.join(dir, 'worker.js'), seed),
  },
];

const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(1)} KB`;
for (const [index, dir] of builds.entries()) {
  console.log(
    `${index === 0 ? 'baseline' : 'current '}  ${dir}: extension.js ${kb(path.join(dir, 'extension.js'))}, worker.js ${kb(path.join(dir, 'worker.js'))}`,
  );
}
for (const measure of measures) {
  const results: number[][] = [[], []];
  let currentLower = 0;
  for (let run = 0; run < runs; run++) {
    const [baseline, current] = builds.map((dir) => measure.run(dir)) as [number, number];
    results[0]!.push(baseline);
    results[1]!.push(current);
    if (current < baseline) currentLower++;
  }
  const [baseline, current] = results.map(median) as [number, number];
  console.log(
    `${measure.label}: baseline ${baseline.toFixed(1)}, current ${current.toFixed(1)} ` +
      `(${((100 * (current - baseline)) / baseline).toFixed(0)} %; current lower in ${currentLower} of ${runs} pairs)`,
  );
}
