/**
 * Throughput of the built CLI, `node dist/cli.js annotate --jsonl`, on the PolNeAR dev texts: in
 * process (`--jobs 1`) against worker threads (`--jobs 2`), beside the machine's own ceiling for
 * this work measured in the same run: two separate `--jobs 1` processes at once, and a busy loop
 * on 1 and 2 threads. `--jobs 1` pinned to one core (taskset) shows what the second core already
 * gives a single analysis (V8 compiles and collects garbage on helper threads).
 *
 *   npm run build && npx tsx bench/cliThroughput.ts [--repeat 12,24] [--rounds 3] [--no-wait]
 *       [--cli dist/cli.js] [--baseline OTHER/dist/cli.js]
 *
 * The corpus is the 84 texts repeated N times for each N of `--repeat`; each repeat gets its own
 * trailing spaces on every line, so no paragraph cache can replay an answer from an earlier
 * repeat. Two sizes give the steady state: the extra texts of the larger corpus divided by the
 * extra time, free of start-up and of V8's warm-up (each isolate compiles the hot code once). A
 * start-up run on two short texts is timed apart. The two-process ceiling is measured twice: each
 * process on the whole corpus (twice the work), and each on one half (the same work and the same
 * two warm-ups as two worker threads: the like-for-like limit). When one size is twice another,
 * `--jobs 2` on the larger is set beside two processes on the smaller: the same work per isolate. Every configuration runs once per
 * round, in a rotated order, so load from elsewhere falls on all of them alike. Before each
 * measurement the script waits (up to 5 minutes, unless `--no-wait`) until the machine has been
 * idle for 3 s, and it prints the most cores other processes used during any measurement of a
 * round (from /proc/stat), so a loaded round can be told from a quiet one. `--cli` names the build to measure (this worktree's dist/ by
 * default); `--baseline` adds `--jobs 2` of another build (for example the previous commit's) to
 * the same rounds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const root = join(__dirname, '..');
const devData = process.env.NEWS_ANNOTATOR_DEV_DATA ?? join(root, '..', 'shared', 'dev-data');

const args = process.argv.slice(2);
const valueOf = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const repeats = (valueOf('--repeat') ?? '12,24').split(',').map(Number);
const rounds = Number(valueOf('--rounds') ?? 3);
const waitForQuiet = !args.includes('--no-wait');
const cli = resolve(valueOf('--cli') ?? join(root, 'dist', 'cli.js'));
const baselineCli = valueOf('--baseline') && resolve(valueOf('--baseline')!);

/**
 * Loaded into every child with `--require`. The main thread samples the CPU time of each of the
 * process's threads from /proc/self/task (every 100 ms and at exit) and writes, at exit, the
 * process's rusage and the split: main thread, analysis workers (each worker appends its thread
 * id to a side file), and the rest (V8's garbage-collector and compiler threads, libuv's pool).
 */
const REPORTER = String.raw`
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const file = process.env.CLI_THROUGHPUT_REPORT;
const threadId = () => Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
if (file && !isMainThread) {
  try { fs.appendFileSync(file + '.workers', threadId() + '\n'); } catch {}
} else if (file) {
  const cpuOf = new Map();
  const sample = () => {
    let tasks = [];
    try { tasks = fs.readdirSync('/proc/self/task'); } catch { return; }
    for (const tid of tasks) {
      try {
        const stat = fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuOf.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {}
    }
  };
  setInterval(sample, 100).unref();
  process.on('exit', () => {
    sample();
    let workerIds = [];
    try { workerIds = fs.readFileSync(file + '.workers', 'utf8').split('\n').filter(Boolean).map(Number); } catch {}
    const split = { main: 0, workers: 0, other: 0 };
    for (const [tid, cpu] of cpuOf) {
      if (tid === process.pid) split.main += cpu;
      else if (workerIds.includes(tid)) split.workers += cpu;
      else split.other += cpu;
    }
    const usage = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({
      user: usage.userCPUTime / 1e6, system: usage.systemCPUTime / 1e6, maxRss: usage.maxRSS / 1024,
      threads: cpuOf.size > 0 ? split : undefined,
    }));
  });
}
`;

interface ThreadSplit {
  main: number;
  workers: number;
  other: number;
}

/** One child process: its wall time as seen from here, and what its reporter wrote. */
interface ChildRun {
  wall: number;
  user: number;
  system: number;
  maxRss: number;
  threads: ThreadSplit | undefined;
  outputHash: string;
}

/** One configuration in one round: one child, or two at once for the two-process ceiling. */
interface Measurement {
  wall: number;
  cpu: number;
  threads: ThreadSplit | undefined;
  maxRss: number;
  outputHash: string;
}

/** Busy CPU seconds of the whole machine so far (all cores; idle and I/O wait left out). */
function machineBusySeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / 100;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Waits until the machine has spent 3 s with under 0.15 cores busy; gives up after 5 minutes. */
async function untilQuiet(): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 300_000) {
    const before = machineBusySeconds();
    if (before === undefined) break;
    await sleep(3000);
    if ((machineBusySeconds()! - before) / 3 < 0.15) break;
  }
  return (performance.now() - started) / 1000;
}

/**
 * Measures after waiting for an idle machine (unless `--no-wait`), and says how many cores other
 * processes kept busy meanwhile: the machine's busy time less our own processes' CPU time.
 */
async function measureAlone(
  measure: () => Promise<Measurement>,
): Promise<{ measurement: Measurement; waited: number; others: number }> {
  const waited = waitForQuiet ? await untilQuiet() : 0;
  const busyBefore = machineBusySeconds();
  const measurement = await measure();
  const busy = busyBefore === undefined ? NaN : machineBusySeconds()! - busyBefore;
  return { measurement, waited, others: Math.max(0, busy - measurement.cpu) / measurement.wall };
}

interface ChildOptions {
  cliPath: string;
  input: string;
  jobs: number;
  pinToOneCore: boolean;
}

let childCount = 0;

function runChild(work: string, options: ChildOptions): Promise<ChildRun> {
  const index = childCount++;
  const report = join(work, `report-${index}.json`);
  const output = join(work, `output-${index}.jsonl`);
  const outputFd = openSync(output, 'w');
  const nodeArgs = ['--require', join(work, 'reporter.cjs'), options.cliPath, 'annotate'];
  nodeArgs.push('--jsonl', options.input, '--jobs', String(options.jobs));
  const [command, commandArgs] = options.pinToOneCore
    ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    stdio: ['ignore', outputFd, 'pipe'],
    env: { ...process.env, CLI_THROUGHPUT_REPORT: report },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (status) => {
      const wall = (performance.now() - started) / 1000;
      closeSync(outputFd);
      if (status !== 0) {
        fail(new Error(`${command} ${commandArgs.join(' ')} exited with ${status}:\n${stderr}`));
        return;
      }
      const usage = JSON.parse(readFileSync(report, 'utf8')) as Omit<
        ChildRun,
        'wall' | 'outputHash'
      >;
      const outputHash = createHash('sha256').update(readFileSync(output)).digest('hex');
      rmSync(output);
      done({ ...usage, wall, outputHash });
    });
  });
}

/** Runs one child per options at once and sums their CPU; wall is until the last one ends. */
async function measureCli(work: string, children: ChildOptions[]): Promise<Measurement> {
  const started = performance.now();
  const runs = await Promise.all(children.map((options) => runChild(work, options)));
  const wall = (performance.now() - started) / 1000;
  const sum = (value: (run: ChildRun) => number): number =>
    runs.reduce((total, run) => total + value(run), 0);
  return {
    wall,
    cpu: sum((run) => run.user + run.system),
    threads: runs.every((run) => run.threads)
      ? {
          main: sum((run) => run.threads!.main),
          workers: sum((run) => run.threads!.workers),
          other: sum((run) => run.threads!.other),
        }
      : undefined,
    maxRss: Math.max(...runs.map((run) => run.maxRss)),
    outputHash: runs[0]!.outputHash,
  };
}

/** A fixed busy loop on `threads` threads at once, each with the same work. */
async function busyLoop(threads: number): Promise<Measurement> {
  const loop = `let x = 0; for (let i = 0; i < 1.5e9; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((done) => {
          const worker = new Worker(loop, { eval: true });
          worker.on('message', () => void worker.terminate().then(() => done()));
        }),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpuBefore);
  return {
    wall,
    cpu: (used.user + used.system) / 1e6,
    threads: undefined,
    maxRss: 0,
    outputHash: '',
  };
}

interface PolnearRecord {
  id: string;
  text: string;
  dct?: string;
}

interface Corpus {
  repeat: number;
  path: string;
  /** The same records split in two, alternately, as a process pool of two would share them. */
  halves: [string, string];
  kilobytes: number;
}

function writeCorpus(work: string, records: PolnearRecord[], repeat: number): Corpus {
  const lines: string[] = [];
  let characters = 0;
  for (let copy = 0; copy < repeat; copy++) {
    for (const record of records) {
      // Trailing spaces make every paragraph of this copy new to the analyser's caches.
      const text = record.text.replace(/\n/g, `${' '.repeat(copy)}\n`);
      characters += text.length;
      lines.push(
        JSON.stringify({ id: `${record.id}#${copy}`, text, date: record.dct?.slice(0, 10) }),
      );
    }
  }
  const path = join(work, `corpus-${repeat}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const halves: [string, string] = [
    join(work, `corpus-${repeat}-a.jsonl`),
    join(work, `corpus-${repeat}-b.jsonl`),
  ];
  halves.forEach((half, parity) => {
    const share = lines.filter((_, index) => index % 2 === parity);
    writeFileSync(half, `${share.join('\n')}\n`);
  });
  return { repeat, path, halves, kilobytes: characters / 1024 };
}

/** Start-up input: the two shortest articles, one per worker, so each loads compromise once. */
function writeStartupInput(work: string, records: PolnearRecord[]): Corpus {
  const shortest = [...records].sort((a, b) => a.text.length - b.text.length).slice(0, 2);
  const path = join(work, 'startup.jsonl');
  const lines = shortest.map((record) => JSON.stringify({ id: record.id, text: record.text }));
  writeFileSync(path, `${lines.join('\n')}\n`);
  const kilobytes = shortest.reduce((sum, record) => sum + record.text.length, 0) / 1024;
  return { repeat: 0, path, halves: [path, path], kilobytes };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const fixed = (value: number, digits = 2): string => value.toFixed(digits);

/** A configuration: how to measure it on one corpus, and how many corpora it gets through. */
interface Configuration {
  name: string;
  label: string;
  copies: number;
  /** Whether it runs on the start-up input too (the single-process configurations do). */
  startup: boolean;
  measure: (work: string, corpus: Corpus) => Promise<Measurement>;
}

function configurations(canPin: boolean): Configuration[] {
  const one = (jobs: number, pinToOneCore = false, cliPath = cli) => ({
    cliPath,
    jobs,
    pinToOneCore,
  });
  const list: Configuration[] = [
    {
      name: 'jobs-1',
      label: 'annotate --jobs 1 (in process)',
      copies: 1,
      startup: true,
      measure: (work, corpus) => measureCli(work, [{ ...one(1), input: corpus.path }]),
    },
    {
      name: 'jobs-2',
      label: 'annotate --jobs 2 (2 worker threads)',
      copies: 1,
      startup: true,
      measure: (work, corpus) => measureCli(work, [{ ...one(2), input: corpus.path }]),
    },
    {
      name: 'two-processes',
      label: 'two --jobs 1 processes, whole corpus each',
      copies: 2,
      startup: false,
      measure: (work, corpus) =>
        measureCli(work, [
          { ...one(1), input: corpus.path },
          { ...one(1), input: corpus.path },
        ]),
    },
    {
      name: 'two-halves',
      label: 'two --jobs 1 processes, one half each',
      copies: 1,
      startup: false,
      measure: (work, corpus) =>
        measureCli(
          work,
          corpus.halves.map((input) => ({ ...one(1), input })),
        ),
    },
  ];
  if (canPin) {
    list.push({
      name: 'one-core',
      label: 'annotate --jobs 1 pinned to one core',
      copies: 1,
      startup: true,
      measure: (work, corpus) => measureCli(work, [{ ...one(1, true), input: corpus.path }]),
    });
  }
  if (baselineCli) {
    list.push({
      name: 'baseline-jobs-2',
      label: 'baseline build, --jobs 2',
      copies: 1,
      startup: true,
      measure: (work, corpus) =>
        measureCli(work, [{ ...one(2, false, baselineCli), input: corpus.path }]),
    });
  }
  return list;
}

async function main(): Promise<void> {
  const corpusFile = join(devData, 'polnear-dev.jsonl');
  if (!existsSync(corpusFile)) {
    console.log(`skipped: no ${corpusFile}`);
    return;
  }
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const records = readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PolnearRecord);
  const work = mkdtempSync(join(tmpdir(), 'cli-throughput-'));
  try {
    writeFileSync(join(work, 'reporter.cjs'), REPORTER);
    const corpora = repeats.map((repeat) => writeCorpus(work, records, repeat));
    const startup = writeStartupInput(work, records);
    const list = configurations(existsSync('/usr/bin/taskset') || existsSync('/bin/taskset'));
    console.log(
      `CLI throughput: ${records.length} PolNeAR texts repeated ${repeats.join(' and ')} times ` +
        `(${corpora.map((corpus) => `${fixed(corpus.kilobytes / 1024, 1)} MB`).join(', ')}), ` +
        `${rounds} rounds, Node ${process.version}, ${availableParallelism()} cores`,
    );
    /** Measurements by configuration name, then by corpus (repeat count; 0 is the start-up input). */
    const results = new Map<string, Map<number, Measurement[]>>();
    const record = (name: string, repeat: number, measurement: Measurement): void => {
      if (!results.has(name)) results.set(name, new Map());
      const byCorpus = results.get(name)!;
      if (!byCorpus.has(repeat)) byCorpus.set(repeat, []);
      byCorpus.get(repeat)!.push(measurement);
    };
    const roundLines: string[] = [];
    let identical = true;
    for (let round = 0; round < rounds; round++) {
      const loadBefore = loadavg()[0]!;
      let waited = 0;
      let others = 0;
      const measureRecorded = async (
        name: string,
        repeat: number,
        measure: () => Promise<Measurement>,
      ): Promise<Measurement> => {
        const result = await measureAlone(measure);
        waited += result.waited;
        others = Math.max(others, result.others);
        record(name, repeat, result.measurement);
        return result.measurement;
      };
      const ratios: string[] = [];
      for (const corpus of [...corpora, startup]) {
        const order = list.map((_, index) => list[(index + round) % list.length]!);
        const measured = new Map<string, Measurement>();
        for (const configuration of order) {
          if (corpus === startup && !configuration.startup) continue;
          const measurement = await measureRecorded(configuration.name, corpus.repeat, () =>
            configuration.measure(work, corpus),
          );
          measured.set(configuration.name, measurement);
        }
        const one = measured.get('jobs-1')!;
        const two = measured.get('jobs-2')!;
        if (one.outputHash !== two.outputHash) identical = false;
        if (corpus !== startup) {
          const pair = measured.get('two-processes')!;
          const halves = measured.get('two-halves')!;
          ratios.push(
            `x${corpus.repeat}: jobs 2 ${fixed(one.wall / two.wall)}x, two processes ${fixed((2 * one.wall) / pair.wall)}x, halves ${fixed(one.wall / halves.wall)}x`,
          );
        }
      }
      const loops = [];
      for (const threads of [1, 2]) {
        loops.push(await measureRecorded(`loop-${threads}`, 0, () => busyLoop(threads)));
      }
      roundLines.push(
        `  round ${round + 1}: waited ${fixed(waited, 0)} s for an idle machine; load ${fixed(loadBefore)} -> ${fixed(loadavg()[0]!)}; ` +
          `others used up to ${fixed(others)} cores during a measurement (${others < 0.1 ? 'quiet' : 'LOADED'}); ` +
          `${ratios.join('; ')}; busy loop ${fixed((2 * loops[0]!.wall) / loops[1]!.wall)}x`,
      );
    }

    const medianOf = (name: string, repeat: number, value: (m: Measurement) => number): number =>
      median(results.get(name)!.get(repeat)!.map(value));
    const wall = (name: string, repeat: number): number => medianOf(name, repeat, (m) => m.wall);
    for (const corpus of [...corpora, startup]) {
      console.log(
        corpus === startup
          ? 'start-up (two short texts), medians:'
          : `corpus x${corpus.repeat} (${fixed(corpus.kilobytes / 1024, 1)} MB), medians:`,
      );
      for (const configuration of list) {
        const runs = results.get(configuration.name)!.get(corpus.repeat);
        if (!runs) continue;
        const seconds = median(runs.map((m) => m.wall));
        const cpu = median(runs.map((m) => m.cpu));
        const split = runs.every((m) => m.threads)
          ? `; main ${fixed(median(runs.map((m) => m.threads!.main)))}, workers ${fixed(median(runs.map((m) => m.threads!.workers)))}, V8/libuv helpers ${fixed(median(runs.map((m) => m.threads!.other)))}`
          : '';
        const speed =
          corpus === startup
            ? ''
            : `${fixed((configuration.copies * corpus.kilobytes) / seconds, 0).padStart(5)} KB/s  `;
        console.log(
          `  ${configuration.label.padEnd(40)} ${speed}wall ${fixed(seconds)} s  CPU ${fixed(cpu)} s ` +
            `(${fixed(cpu / seconds)} cores${split})  peak RSS ${fixed(median(runs.map((m) => m.maxRss)), 0)} MB`,
        );
      }
    }
    const [small, large] = [corpora[0]!, corpora.at(-1)!];
    /** Throughput of the texts the larger corpus adds, in KB/s: start-up and warm-up cancel out. */
    const steady = (name: string, copies: number): number =>
      (copies * (large.kilobytes - small.kilobytes)) /
      (wall(name, large.repeat) - wall(name, small.repeat));
    console.log('throughput against annotate --jobs 1 in process (medians; higher is better):');
    const row = (label: string, name: string, copies = 1): void => {
      const whole = corpora
        .map(
          (corpus) =>
            `x${corpus.repeat} ${fixed((copies * wall('jobs-1', corpus.repeat)) / wall(name, corpus.repeat))}x`,
        )
        .join(', ');
      const marginal =
        corpora.length > 1
          ? `; steady state ${fixed(steady(name, copies) / steady('jobs-1', 1))}x (${fixed(steady(name, copies), 0)} KB/s)`
          : '';
      console.log(`  ${label.padEnd(40)} ${whole}${marginal}`);
    };
    row('annotate --jobs 1 (in process)', 'jobs-1');
    row('annotate --jobs 2', 'jobs-2');
    row('two processes, whole corpus each', 'two-processes', 2);
    row('two processes, one half each', 'two-halves');
    if (results.has('one-core')) row('annotate --jobs 1 on one core', 'one-core');
    if (results.has('baseline-jobs-2')) row('baseline --jobs 2', 'baseline-jobs-2');
    if (results.has('one-core')) {
      const ratio = corpora
        .map(
          (corpus) =>
            `x${corpus.repeat} ${fixed(wall('one-core', corpus.repeat) / wall('jobs-2', corpus.repeat))}x`,
        )
        .join(', ');
      console.log(
        `  ${'annotate --jobs 2 against one core'.padEnd(40)} ${ratio}${corpora.length > 1 ? `; steady state ${fixed(steady('jobs-2', 1) / steady('one-core', 1))}x` : ''}`,
      );
    }
    console.log(
      `  ${'busy loop, 2 threads against 1'.padEnd(40)} ${fixed((2 * wall('loop-1', 0)) / wall('loop-2', 0))}x`,
    );
    // Two processes on the whole corpus each do twice the work per isolate of two workers on it;
    // --jobs 2 on a corpus twice as large gives each worker the same work as each process.
    for (const corpus of corpora) {
      const double = corpora.find((other) => other.repeat === 2 * corpus.repeat);
      if (!double) continue;
      const threads = wall('jobs-2', double.repeat);
      const processes = wall('two-processes', corpus.repeat);
      console.log(
        `the same work per isolate: --jobs 2 on x${double.repeat} ${fixed(threads)} s, ` +
          `two processes on x${corpus.repeat} each ${fixed(processes)} s: threads ${fixed(processes / threads)}x as fast`,
      );
    }
    console.log(
      `outputs of --jobs 1 and --jobs 2: ${identical ? 'identical in every round' : 'DIFFERENT'}`,
    );
    console.log('rounds:');
    for (const line of roundLines) console.log(line);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
