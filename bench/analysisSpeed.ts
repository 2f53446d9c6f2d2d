/**
 * Speed of the whole analysis (`ArticleAnalyzer`, what `news-annotator annotate` runs per article).
 * Usage: npx tsx bench/analysisSpeed.ts [throughput|workers|incremental|big|identity ...]
 * (all sections when none is named). Texts come from polnear-dev.jsonl in ../shared/dev-data (or
 * NEWS_ANNOTATOR_DEV_DATA); sections that need it are skipped when it is absent.
 *   throughput  one core, ours beside raw compromise + compromise-dates on the same texts
 *   workers     our analysis on 1 and on 2 worker threads (a bench-only pool)
 *   incremental fresh analysis vs re-analysis after a one-character edit in one paragraph, in wall
 *               and CPU time (alternating, then both cold and both warm), and where a
 *               re-analysis spends its time
 *   big         a 1 MB article and a 1 MB single-line article, each in a child process (maxRSS)
 *   identity    on every dev document, re-analysis after an edit in each paragraph equals a fresh
 *               analysis (quotations, speakers, entities, dates, zones); cached entities equal
 *               findEntities
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { ArticleAnalyzer, analyzeArticle } from '../src/core/analysis/articleAnalyzer';
import { splitAnalysisUnits } from '../src/core/analysis/splitAnalysisUnits';
import { flattenZones, parseArticle } from '../src/core/article/parseArticle';
import { findDates } from '../src/core/dates/findDates';
import { EntityParagraphCache } from '../src/core/entities/entityParagraphCache';
import {
  collectParagraphCandidates,
  collectParagraphCandidatesFrom,
  collectWordForms,
  findEntities,
  retokenizeEntityText,
  tokenizeEntityText,
  tokenizeEntityWords,
  type ChunkReadings,
  type EntityCandidate,
} from '../src/core/entities/findEntities';
import type { Tokenization } from '../src/core/entities/tokenizeWords';
import { loadCompromise } from '../src/core/nlp/compromise';
import { QuoteParagraphCache } from '../src/core/quotes/quoteParagraphCache';
import type { ArticleAnalysis } from '../src/core/types';

const devData =
  process.env.NEWS_ANNOTATOR_DEV_DATA ?? join(__dirname, '..', '..', 'shared', 'dev-data');

function readTexts(file: string): string[] | undefined {
  const path = join(devData, file);
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const kilobytes = (texts: readonly string[]): number =>
  texts.reduce((sum, text) => sum + text.length, 0) / 1024;

function timeRounds(rounds: number, run: () => void): number {
  run(); // Warm-up: lazy loads and JIT.
  const started = performance.now();
  for (let round = 0; round < rounds; round++) run();
  return (performance.now() - started) / rounds;
}

function benchThroughput(texts: string[]): void {
  const size = kilobytes(texts);
  const ours = timeRounds(5, () => {
    for (const text of texts) analyzeArticle(text);
  });
  const nlp = loadCompromise();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp.plugin(require('compromise-dates'));
  let failures = 0;
  const raw = timeRounds(2, () => {
    for (const text of texts) {
      try {
        const doc = nlp(text) as ReturnType<typeof nlp> & { dates(): { json(): unknown } };
        doc.people().json();
        doc.places().json();
        doc.organizations().json();
        doc.quotations().json();
        doc.dates().json();
      } catch {
        failures++; // compromise-dates throws a TypeError on some texts ("third-quarter").
      }
    }
  });
  console.log(`throughput on ${texts.length} PolNeAR texts (${size.toFixed(0)} KB), one core:`);
  console.log(
    `  ours (ArticleAnalyzer, fresh per article) ${(size / (ours / 1000)).toFixed(0)} KB/s`,
  );
  console.log(
    `  raw compromise + compromise-dates          ${(size / (raw / 1000)).toFixed(0)} KB/s (${failures / 3} texts threw per round)`,
  );
  console.log(`  ratio ${(raw / ours).toFixed(1)}x`);
}

async function runPool(workers: number, texts: string[], rounds: number): Promise<number> {
  const pool = Array.from(
    { length: workers },
    // tsx's CommonJS hook lets the worker load this TypeScript file without a build step.
    () => new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true }),
  );
  const job = async (count: number): Promise<void> => {
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve) => {
      const feed = (worker: Worker): void => {
        if (next >= count) return;
        worker.postMessage(texts[next++ % texts.length]);
      };
      for (const worker of pool) {
        worker.removeAllListeners('message');
        worker.on('message', () => {
          if (++done === count) resolve();
          else feed(worker);
        });
        feed(worker);
      }
    });
  };
  await job(texts.length); // Warm-up in every worker.
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await job(texts.length * rounds);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  coresUsed.set(workers, (cpu.user + cpu.system) / 1000 / elapsed);
  await Promise.all(pool.map((worker) => worker.terminate()));
  return elapsed;
}

/** Cores the whole process kept busy during the last pool run of each size (GC threads included). */
const coresUsed = new Map<number, number>();

/** The machine's own ceiling: the same fixed busy loop on one and on two threads at once. */
async function measureCpuCeiling(): Promise<number> {
  const loop = `let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
  const run = async (threads: number): Promise<number> => {
    const started = performance.now();
    await Promise.all(
      Array.from(
        { length: threads },
        () =>
          new Promise<void>((resolve) => {
            const worker = new Worker(loop, { eval: true });
            worker.on('message', () => void worker.terminate().then(() => resolve()));
          }),
      ),
    );
    return performance.now() - started;
  };
  const one = await run(1);
  const two = await run(2);
  return (2 * one) / two;
}

async function benchWorkers(texts: string[]): Promise<void> {
  const rounds = 6;
  const ceiling = await measureCpuCeiling();
  // Alternated and best of two, so a burst of load from elsewhere does not decide the ratio.
  const oneFirst = await runPool(1, texts, rounds);
  const twoFirst = await runPool(2, texts, rounds);
  const oneAgain = await runPool(1, texts, rounds);
  const twoAgain = await runPool(2, texts, rounds);
  const one = Math.min(oneFirst, oneAgain);
  const two = Math.min(twoFirst, twoAgain);
  const size = kilobytes(texts) * rounds;
  console.log(`worker threads, ${rounds} rounds of the PolNeAR texts:`);
  console.log(
    `  machine ceiling: a pure busy loop on 2 threads does ${ceiling.toFixed(2)}x one thread's work`,
  );
  console.log(
    `  1 worker  ${(size / (one / 1000)).toFixed(0)} KB/s (process busy on ${coresUsed.get(1)!.toFixed(2)} cores)`,
  );
  console.log(
    `  2 workers ${(size / (two / 1000)).toFixed(0)} KB/s  speed-up ${(one / two).toFixed(2)}x (busy on ${coresUsed.get(2)!.toFixed(2)} cores)`,
  );
}

/** Process CPU time in milliseconds (every thread: the compiler's and the collector's too). */
const cpuNow = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function benchIncremental(texts: string[]): void {
  // The article closest to 5 KB with at least five paragraphs.
  const article = [...texts]
    .filter((text) => text.split(/\n\s*\n/).length >= 5)
    .sort((a, b) => Math.abs(a.length - 5000) - Math.abs(b.length - 5000))[0]!;
  const paragraphs = article.split(/\n\s*\n/);
  const middle = Math.floor(paragraphs.length / 2);
  const from = article.indexOf(paragraphs[middle]!);
  const span = paragraphs[middle]!.length;
  // Every run edits another character, so no edited text is ever seen twice.
  const edited = (run: number): string => {
    const at = from + (run % span);
    // Another letter on every pass over the paragraph, never the letter already there.
    const pass = Math.floor(run / span);
    let replacement = String.fromCharCode(97 + (pass % 26));
    if (replacement === article[at]) replacement = String.fromCharCode(97 + ((pass + 13) % 26));
    return article.slice(0, at) + replacement + article.slice(at + 1);
  };
  const runs = 301;
  for (let run = 0; run < 20; run++) analyzeArticle(edited(run));
  const fresh: number[] = [];
  const freshCpu: number[] = [];
  const analyzer = new ArticleAnalyzer();
  analyzer.analyze(article);
  const again: number[] = [];
  const againCpu: number[] = [];
  // Fresh and incremental runs alternate, so load from elsewhere hits both alike.
  for (let run = 0; run < runs; run++) {
    const freshText = edited(run + 5000);
    let cpu = cpuNow();
    const freshStart = performance.now();
    analyzeArticle(freshText);
    fresh.push(performance.now() - freshStart);
    freshCpu.push(cpuNow() - cpu);
    const text = edited(run + 1000);
    cpu = cpuNow();
    const started = performance.now();
    analyzer.analyze(text);
    again.push(performance.now() - started);
    againCpu.push(cpuNow() - cpu);
  }
  const full = median(fresh);
  const edit = median(again);
  console.log(
    `incremental, ${article.length}-character article, ${paragraphs.length} paragraphs, median of ${runs}:`,
  );
  console.log(
    `  full analysis                 ${full.toFixed(2)} ms  (CPU ${median(freshCpu).toFixed(2)} ms)`,
  );
  console.log(
    `  re-analysis after one edit    ${edit.toFixed(2)} ms  (${(edit / full).toFixed(3)} of full; CPU ${median(againCpu).toFixed(2)} ms, ${(median(againCpu) / median(freshCpu)).toFixed(3)} of full)`,
  );
  // The same comparison in two more conditions that treat both kinds of run alike. Above, each
  // re-analysis follows a fresh analysis, whose garbage and working set leave the processor's
  // caches cold for it, while each fresh analysis follows only a short re-analysis.
  //   cold: before every timed run, of either kind, a fresh analysis of another PolNeAR article;
  //   warm: each kind back to back, as while typing (no other work between two re-analyses).
  const others = texts.filter((text) => text !== article).slice(0, 10);
  const conditions = [
    {
      name: 'cold, each after another article',
      before: (run: number) => others[run % others.length],
    },
    { name: 'warm, each kind back to back', before: () => undefined },
  ];
  for (const [c, condition] of conditions.entries()) {
    const full: number[] = [];
    const edit: number[] = [];
    const timed = (times: number[], run: () => void, k: number): void => {
      const other = condition.before(k);
      if (other !== undefined) analyzeArticle(other);
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    };
    for (let run = 0; run < runs; run++) {
      const text = edited(run + 10000 * (c + 2));
      timed(full, () => analyzeArticle(text), run);
    }
    for (let run = 0; run < runs; run++) {
      const text = edited(run + 10000 * (c + 2) + 5000);
      timed(edit, () => analyzer.analyze(text), run + 1);
    }
    const ratio = median(edit) / median(full);
    console.log(
      `  ${condition.name.padEnd(34)}full ${median(full).toFixed(2)} ms, re-analysis ${median(edit).toFixed(2)} ms: ${ratio.toFixed(3)} of full`,
    );
  }
  benchReanalysisParts(article, edited, from, span);
}

/**
 * Where a re-analysis spends its time, in the same conditions as above (each step after a fresh
 * analysis, with caches that saw the previous edit): the analyzer's steps in its order, each timed
 * on its own, and the edited paragraph's own work inside them.
 */
function benchReanalysisParts(
  article: string,
  edited: (run: number) => string,
  from: number,
  span: number,
): void {
  const entityCache = new EntityParagraphCache();
  const quoteCache = new QuoteParagraphCache();
  const parts: Record<string, number[]> = {};
  const time = <T>(part: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    (parts[part] ??= []).push(performance.now() - started);
    return result;
  };
  let previousUnit:
    | {
        tokenization: Tokenization;
        found: { candidates: EntityCandidate[]; chunks?: ChunkReadings };
      }
    | undefined;
  const prime = parseArticle(article).zones;
  quoteCache.findQuotes(article, { entities: entityCache.findEntities(article, { zones: prime }) });
  for (let run = 0; run < 301; run++) {
    analyzeArticle(edited(run + 5000));
    const text = edited(run + 1000);
    const zones = time('parseArticle (whole text)', () => parseArticle(text).zones);
    time('split into paragraphs for the date cache', () => splitAnalysisUnits(text));
    const paragraph = text.slice(from, from + span);
    time('dates of the edited paragraph (chrono and rules)', () => findDates(paragraph, null));
    const entities = time('entities (EntityParagraphCache, edited unit included)', () =>
      entityCache.findEntities(text, { zones }),
    );
    const bodyRanges = flattenZones(zones)
      .filter((zone) => zone.kind === 'body')
      .map((zone) => ({ start: zone.start, end: zone.end }));
    time('quotations (QuoteParagraphCache, edited paragraph included)', () =>
      quoteCache.findQuotes(text, { entities, bodyRanges }),
    );
    // The entity finder's work on the edited unit alone, after the steps above: from scratch, and
    // as the cache does it, from the unit before the edit (the last run's).
    const unit = `${paragraph}\n`;
    time("  the edited unit's entity tokens and phrases, from scratch", () => {
      const tokens = tokenizeEntityWords(unit);
      const forms = collectWordForms(tokens);
      collectParagraphCandidates(unit, tokens, forms.lowerForms, forms.midSentenceCapitals, []);
    });
    const sets = collectWordForms(tokenizeEntityWords(text));
    const before = previousUnit;
    previousUnit = time('  the same from the unit before the edit, as the cache does', () => {
      const tokenization = before
        ? retokenizeEntityText(before.tokenization, unit)
        : tokenizeEntityText(unit);
      const { tokens } = tokenization;
      const found = before
        ? collectParagraphCandidatesFrom(
            {
              text: before.tokenization.text,
              tokens: before.tokenization.tokens,
              datelines: [],
              ...before.found,
            },
            unit,
            tokens,
            sets.lowerForms,
            sets.midSentenceCapitals,
            [],
          )
        : {
            ...collectParagraphCandidates(
              unit,
              tokens,
              sets.lowerForms,
              sets.midSentenceCapitals,
              [],
            ),
            chunks: undefined,
          };
      return { tokenization, found };
    });
  }
  console.log('  where a re-analysis spends its time (each step timed alone, medians):');
  for (const [part, times] of Object.entries(parts)) {
    console.log(`    ${part.padEnd(62)} ${median(times).toFixed(3)} ms`);
  }
}

function bigArticle(kind: string, texts: string[] | undefined): string {
  const source =
    texts?.join('\n\n') ??
    'MOSCOW, Dec 27 — “We are ready,” Deputy Foreign Minister Grigory Karasin told Interfax on Tuesday.\n\n';
  let text = '';
  while (text.length < 1024 * 1024) text += source + '\n\n';
  text = text.slice(0, 1024 * 1024);
  return kind === 'single-line' ? text.replace(/\s*\n\s*/g, ' ') : text;
}

function runBigChild(kind: string): void {
  const engine = { analyzeArticle };
  const firstStart = performance.now();
  engine.analyzeArticle('Grigory Karasin said on Tuesday: “We are ready.”');
  const firstUse = performance.now() - firstStart;
  const text = bigArticle(kind, readTexts('polnear-dev.jsonl'));
  const started = performance.now();
  const analysis = engine.analyzeArticle(text);
  const seconds = (performance.now() - started) / 1000;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `  ${kind.padEnd(11)} ${(text.length / 1024).toFixed(0)} KB: ${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB, ` +
      `${analysis.entities.length} entities, ${analysis.quotes.length} quotes, ${analysis.dates.length} dates; ` +
      `first small analysis (lazy lexicons, compromise, chrono) ${firstUse.toFixed(0)} ms`,
  );
}

function benchBig(): void {
  // The engine's module load, in a fresh process that loads nothing else; tsx compiles (cached).
  const engine = join(__dirname, '..', 'src', 'core', 'analysis', 'articleAnalyzer.ts');
  const load = spawnSync(
    process.execPath,
    [
      '-e',
      `require('tsx/cjs'); const t = performance.now(); require(${JSON.stringify(engine)}); console.log((performance.now() - t).toFixed(0));`,
    ],
    { encoding: 'utf8', cwd: join(__dirname, '..') },
  );
  console.log(`module load of the engine (ArticleAnalyzer, under tsx): ${load.stdout.trim()} ms`);
  console.log('1 MB articles, each analysed by a fresh child process:');
  for (const kind of ['paragraphs', 'single-line']) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', kind], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(child.stdout);
  }
}

/** The parts of two analyses that differ. */
function differingParts(a: ArticleAnalysis, b: ArticleAnalysis): string[] {
  const parts = ['quotes', 'entities', 'dates', 'zones', 'date', 'dateSource'] as const;
  return parts.filter((part) => JSON.stringify(a[part]) !== JSON.stringify(b[part]));
}

/** An edit in the middle of one paragraph: a character inserted, deleted or replaced, in turn. */
function editParagraph(text: string, start: number, end: number, turn: number): string {
  const at = Math.floor((start + end) / 2);
  if (turn % 3 === 0) return text.slice(0, at) + 'e' + text.slice(at);
  if (turn % 3 === 1) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
}

function benchIdentity(): void {
  let documents = 0;
  let differentEntities = 0;
  let edits = 0;
  let differentEdits = 0;
  const byPart = new Map<string, number>();
  for (const file of ['polnear-dev.jsonl', 'conll2003-dev.jsonl', 'timeml-aquaint.jsonl']) {
    const texts = readTexts(file);
    if (!texts) continue;
    const cache = new EntityParagraphCache();
    for (const text of texts) {
      const zones = parseArticle(text).zones;
      const whole = JSON.stringify(findEntities(text, { zones }));
      documents++;
      if (JSON.stringify(cache.findEntities(text, { zones })) !== whole) differentEntities++;
      // One analyzer per document, as the editor keeps one: an edit in each paragraph in turn,
      // and where a paragraph quotes, its first quotation mark removed too.
      const analyzer = new ArticleAnalyzer();
      analyzer.analyze(text);
      splitAnalysisUnits(text).forEach((unit, turn) => {
        const versions = [editParagraph(text, unit.start, unit.end, turn)];
        const mark = text.slice(unit.start, unit.end).search(/["“”‘’']/);
        if (mark >= 0) {
          const at = unit.start + mark;
          versions.push(text.slice(0, at) + text.slice(at + 1));
        }
        for (const version of versions) {
          edits++;
          const parts = differingParts(analyzer.analyze(version), analyzeArticle(version));
          if (parts.length > 0) differentEdits++;
          for (const part of parts) byPart.set(part, (byPart.get(part) ?? 0) + 1);
        }
      });
    }
  }
  const parts = [...byPart].map(([part, count]) => `${part} ${count}`).join(', ') || 'none';
  console.log(
    `identity: on ${documents} dev documents, re-analysis after ${edits} edits (one in each paragraph, and a quotation mark removed where a paragraph quotes) differs from a fresh analysis after ${differentEdits} (parts: ${parts}); cached entities differ from findEntities on ${differentEntities} documents`,
  );
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) return runBigChild(process.argv[childAt + 1]!);
  const sections = process.argv.slice(2);
  const wanted = (name: string): boolean => sections.length === 0 || sections.includes(name);
  const texts = readTexts('polnear-dev.jsonl');
  if (!texts)
    console.log(`skipped throughput, workers, incremental: no ${devData}/polnear-dev.jsonl`);
  if (texts && wanted('identity')) benchIdentity();
  if (texts && wanted('incremental')) benchIncremental(texts);
  if (texts && wanted('throughput')) benchThroughput(texts);
  if (texts && wanted('workers')) await benchWorkers(texts);
  if (wanted('big')) benchBig();
}

if (isMainThread) {
  void main();
} else {
  parentPort!.on('message', (text: string) => {
    analyzeArticle(text);
    parentPort!.postMessage(0);
  });
}
