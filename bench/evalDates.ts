/**
 * Measures date finding on TimeML AQUAINT (TempEval-3) beside the raw compromise-dates baseline,
 * and the throughput of both on the same texts and on the PolNeAR texts.
 *
 *   npx tsx bench/evalDates.ts [timeml-aquaint.jsonl] [--errors] [--polnear polnear-dev.jsonl]
 *
 * The corpus path also comes from NEWS_ANNOTATOR_AQUAINT; by default it is
 * ../shared/dev-data/timeml-aquaint.jsonl. When the file is absent the script says so and exits 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDates } from '../src/core/dates/findDates';
import {
  scoreDatesWithPairs,
  sumDateScores,
  type DateScores,
  type GoldTimex,
} from '../src/core/eval/scoreDates';
import type { DateMention } from '../src/core/types';
import { loadCompromise } from '../src/core/nlp/compromise';
import { loadChrono } from '../src/core/nlp/chrono';

interface AquaintDoc {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const polnearFlag = args.indexOf('--polnear');
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--polnear');
const devData = path.resolve(__dirname, '../../shared/dev-data');
const corpusPath =
  positional[0] ?? process.env.NEWS_ANNOTATOR_AQUAINT ?? path.join(devData, 'timeml-aquaint.jsonl');
const polnearPath =
  polnearFlag >= 0 ? args[polnearFlag + 1]! : path.join(devData, 'polnear-dev.jsonl');

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** One date as compromise-dates reports it. */
interface CompromiseDate {
  offset: { start: number; length: number };
  dates?: { start?: string; unit?: string };
}

/**
 * The baseline: raw compromise with the compromise-dates plugin, called on the whole text as a user
 * would. When it throws (it does on some sentences), the text is retried sentence by sentence so the
 * baseline loses only the failing sentence. Values are cut to the unit the plugin reports.
 */
function makeBaseline(): (text: string, anchor: string) => DateMention[] {
  const nlp = loadCompromise();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = require('compromise-dates') as Parameters<typeof nlp.plugin>[0];
  nlp.plugin(plugin);
  const datesOf = (text: string, anchor: string): CompromiseDate[] =>
    (nlp(text) as unknown as { dates: (o: object) => { json: (o: object) => CompromiseDate[] } })
      .dates({ today: anchor })
      .json({ offset: true });
  const toMention = (text: string, shift: number, d: CompromiseDate): DateMention => {
    const start = shift + d.offset.start;
    const end = start + d.offset.length;
    const iso = d.dates?.start ?? null;
    const width = d.dates?.unit === 'year' ? 4 : d.dates?.unit === 'month' ? 7 : 10;
    return { start, end, text: text.slice(start, end), value: iso ? iso.slice(0, width) : null };
  };
  return (text, anchor) => {
    try {
      return datesOf(text, anchor).map((d) => toMention(text, 0, d));
    } catch {
      const found: DateMention[] = [];
      const sentences = nlp(text).sentences().json({ offset: true }) as CompromiseDate[];
      for (const sentence of sentences) {
        const shift = sentence.offset.start;
        try {
          const slice = text.slice(shift, shift + sentence.offset.length);
          found.push(...datesOf(slice, anchor).map((d) => toMention(text, shift, d)));
        } catch {
          // The baseline loses this sentence, as the issue describes.
        }
      }
      return found;
    }
  };
}

function evaluate(
  name: string,
  docs: AquaintDoc[],
  find: (text: string, anchor: string) => DateMention[],
): DateScores {
  const all: DateScores[] = [];
  const errors: string[] = [];
  for (const doc of docs) {
    const predicted = find(doc.text, doc.dct.slice(0, 10));
    const result = scoreDatesWithPairs(predicted, doc.timexes);
    all.push(result.scores);
    if (!showErrors) continue;
    const context = (s: { start: number; end: number }): string =>
      doc.text.slice(Math.max(0, s.start - 50), s.start).replace(/\s+/g, ' ') +
      '[[' +
      doc.text.slice(s.start, s.end) +
      ']]' +
      doc.text.slice(s.end, s.end + 30).replace(/\s+/g, ' ');
    for (const pair of result.pairs) {
      if (pair.predicted.start !== pair.gold.start || pair.predicted.end !== pair.gold.end) {
        errors.push(
          `EXTENT ${JSON.stringify(pair.predicted.text)} gold ${JSON.stringify(doc.text.slice(pair.gold.start, pair.gold.end))}`,
        );
      }
      if (!pair.valueRight) {
        errors.push(
          `VALUE  dct ${doc.dct.slice(0, 10)} ${pair.predicted.value} gold ${pair.gold.value}: ${context(pair.predicted)}`,
        );
      }
    }
    for (const fp of result.falsePositives) errors.push(`FALSE+ ${context(fp)}`);
    for (const miss of result.misses)
      errors.push(`MISSED ${miss.type} ${miss.value}: ${context(miss)}`);
  }
  if (showErrors) console.log(`\n--- ${name}: errors ---\n${errors.sort().join('\n')}`);
  return sumDateScores(all);
}

function scoreOne(doc: AquaintDoc): DateScores {
  return scoreDatesWithPairs(findDates(doc.text, doc.dct.slice(0, 10)), doc.timexes).scores;
}

function row(name: string, s: DateScores): string {
  const f = (n: number): string => n.toFixed(1).padStart(5);
  return (
    `| ${name.padEnd(26)} | ${f(s.exact.precision)} | ${f(s.exact.recall)} | ${f(s.exact.f1)} ` +
    `| ${f(s.overlap.precision)} | ${f(s.overlap.recall)} | ${f(s.overlap.f1)} ` +
    `| ${f(s.value.accuracy)} (${s.value.right}/${s.value.found}, ${s.value.wrong} wrong, ${s.value.unresolved} null) |`
  );
}

/** KB of text per second, the median of three timed passes after a warm-up. */
function throughput(texts: string[], find: (text: string) => unknown): number {
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  for (const t of texts.slice(0, 3)) find(t);
  const rates: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (const t of texts) find(t);
    rates.push(chars / 1024 / ((performance.now() - started) / 1000));
  }
  return rates.sort((a, b) => a - b)[1]!;
}

function main(): void {
  if (!existsSync(corpusPath)) {
    console.log(`AQUAINT corpus not found at ${corpusPath}: nothing to measure.`);
    return;
  }
  const docs = readJsonLines<AquaintDoc>(corpusPath);
  const gold = docs.reduce(
    (n, d) => n + d.timexes.filter((t) => t.type === 'DATE' || t.type === 'TIME').length,
    0,
  );
  console.log(`AQUAINT: ${docs.length} documents, ${gold} DATE/TIME timexes (${corpusPath})\n`);

  let started = performance.now();
  loadChrono();
  const chronoLoad = performance.now() - started;
  started = performance.now();
  const baseline = makeBaseline();
  const compromiseLoad = performance.now() - started;

  const ours = evaluate('findDates', docs, findDates);
  const theirs = evaluate('compromise-dates', docs, baseline);
  console.log(
    '| engine                     | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | value accuracy |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(row('findDates (chrono + rules)', ours));
  console.log(row('compromise-dates (raw)', theirs));
  // Halves of the corpus, as a rough check that no handful of documents carries the figures.
  const even = sumDateScores(docs.filter((_, i) => i % 2 === 0).map((d) => scoreOne(d)));
  const odd = sumDateScores(docs.filter((_, i) => i % 2 === 1).map((d) => scoreOne(d)));
  console.log(row('findDates, even documents', even));
  console.log(row('findDates, odd documents', odd));
  console.log(
    `\nModule load: chrono-node ${chronoLoad.toFixed(0)} ms; compromise + compromise-dates ${compromiseLoad.toFixed(0)} ms`,
  );
  console.log(
    `\nSet aside (meet only a gold DURATION/SET): findDates ${ours.setAside}, baseline ${theirs.setAside}`,
  );

  const sets: Array<[string, string[], string[]]> = [
    ['AQUAINT', docs.map((d) => d.text), docs.map((d) => d.dct.slice(0, 10))],
  ];
  if (existsSync(polnearPath)) {
    const polnear = readJsonLines<{ text: string; dct?: string }>(polnearPath);
    sets.push([
      'PolNeAR',
      polnear.map((d) => d.text),
      polnear.map((d) => (d.dct ?? '2016-01-01').slice(0, 10)),
    ]);
  }
  console.log('\n| texts | size | findDates KB/s | compromise-dates KB/s | ratio |');
  console.log('|---|---|---|---|---|');
  for (const [name, texts, anchors] of sets) {
    let i = 0;
    const oursSpeed = throughput(texts, (t) => findDates(t, anchors[i++ % anchors.length]!));
    i = 0;
    const theirSpeed = throughput(texts, (t) => baseline(t, anchors[i++ % anchors.length]!));
    const kb = texts.reduce((sum, t) => sum + t.length, 0) / 1024;
    console.log(
      `| ${name} | ${kb.toFixed(0)} KB | ${oursSpeed.toFixed(0)} | ${theirSpeed.toFixed(0)} | ${(oursSpeed / theirSpeed).toFixed(1)}x |`,
    );
  }
}

main();
