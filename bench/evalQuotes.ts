/**
 * Measures quotation and speaker finding on PolNeAR dev beside the naive baseline (compromise's
 * quotations plus a "said X" rule), and the throughput of `findQuotes` on the same texts.
 *
 *   npx tsx bench/evalQuotes.ts [polnear-dev.jsonl] [--errors [N]] [--no-body]
 *
 * The corpus path also comes from NEWS_ANNOTATOR_POLNEAR; by default it is
 * ../shared/dev-data/polnear-dev.jsonl. When the file is absent the script says so and exits 0.
 * `--errors` prints up to N (default 25) quotation errors and speaker errors with their context;
 * `--no-body` runs on the whole text instead of the body zones found by `parseArticle`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../src/core/article/parseArticle';
import {
  scoreQuotes,
  speakerAgrees,
  type GoldQuote,
  type QuoteScores,
} from '../src/core/eval/scoreQuotes';
import { matchSpans, type Score } from '../src/core/eval/prf';
import { loadCompromise } from '../src/core/nlp/compromise';
import { findQuotes } from '../src/core/quotes/findQuotes';
import type { Quote, Span } from '../src/core/types';

interface PolnearDoc {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

const args = process.argv.slice(2);
const errorsAt = args.indexOf('--errors');
const errorLimit =
  errorsAt >= 0 && /^\d+$/.test(args[errorsAt + 1] ?? '') ? Number(args[errorsAt + 1]) : 25;
const useBody = !args.includes('--no-body');
const positional = args.filter(
  (a, i) => !a.startsWith('--') && !(i === errorsAt + 1 && /^\d+$/.test(a)),
);
const corpusPath =
  positional[0] ??
  process.env.NEWS_ANNOTATOR_POLNEAR ??
  path.resolve(__dirname, '../../shared/dev-data/polnear-dev.jsonl');

if (!existsSync(corpusPath)) {
  console.log(`PolNeAR dev data not found at ${corpusPath}; skipping the quotation evaluation.`);
  process.exit(0);
}

const docs = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as PolnearDoc);

/** The body zones of an article, where the annotate pipeline looks for quotations. */
function bodyRanges(text: string): Span[] {
  return parseArticle(text).zones.filter((zone) => zone.kind === 'body');
}

/** The baseline: compromise's quotations and a naive "said X" / "X said" rule right after each. */
function makeBaseline(): (text: string) => Quote[] {
  const nlp = loadCompromise();
  const marks = /["“”‘’'«»]/;
  const verbFirst =
    /^[,.]?\s*(?:said|says|added)\s+((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*)*|he|she|they)/;
  const subjectFirst =
    /^[,.]?\s*((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*)*|[Hh]e|[Ss]he|[Tt]hey)\s+(?:said|says|added)\b/;
  return (text) => {
    const quotes: Quote[] = [];
    let found: Array<{ offset: { start: number; length: number } }>;
    try {
      found = nlp(text).quotations().json({ offset: true }) as typeof found;
    } catch {
      return quotes;
    }
    for (const { offset } of found) {
      let start = offset.start;
      let end = offset.start + offset.length;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      while (start < end && /\s/.test(text[start]!)) start++;
      // compromise reports the words inside the marks; the gold spans include the marks.
      while (start > 0 && marks.test(text[start - 1]!)) start--;
      while (end < text.length && marks.test(text[end]!)) end++;
      const after = text.slice(end, end + 80);
      const match = verbFirst.exec(after) ?? subjectFirst.exec(after);
      let speaker: Quote['speaker'] = null;
      if (match) {
        const at = end + after.indexOf(match[1]!, match[0].indexOf(match[1]!) >= 0 ? 0 : 0);
        speaker = { start: at, end: at + match[1]!.length, text: match[1]!, name: match[1]! };
      }
      quotes.push({ start, end, text: text.slice(start, end), speaker });
    }
    return quotes;
  };
}

function pct(n: number): string {
  return n.toFixed(1).padStart(5);
}

function describe(label: string, s: Score): string {
  return `${label.padEnd(26)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (tp ${s.truePositives}, predicted ${s.predicted}, gold ${s.gold})`;
}

function report(title: string, scores: QuoteScores): void {
  console.log(`\n${title}`);
  console.log(describe('quotes exact', scores.exact));
  console.log(describe('quotes overlap', scores.overlap));
  console.log(
    `${'speaker of found (exact)'.padEnd(26)} ${pct(scores.speakers.accuracy)}%  (${scores.speakers.correct}/${scores.speakers.found})`,
  );
  console.log(
    `${'speaker of found (overlap)'.padEnd(26)} ${pct(scores.speakersOverlap.accuracy)}%  (${scores.speakersOverlap.correct}/${scores.speakersOverlap.found})`,
  );
  console.log(describe('quote+speaker', scores.quoteSpeaker));
}

function context(text: string, span: Span, width = 70): string {
  const before = text.slice(Math.max(0, span.start - width), span.start);
  const inner = text.slice(span.start, span.end);
  const shown = inner.length > 160 ? `${inner.slice(0, 75)} … ${inner.slice(-75)}` : inner;
  return `${before}⟦${shown}⟧${text.slice(span.end, span.end + width)}`.replace(/\n/g, '¶');
}

const baseline = makeBaseline();
const gold = docs.map((doc) => ({ id: doc.id, quotes: doc.quotes }));
const ours = docs.map((doc) => ({
  id: doc.id,
  quotes: findQuotes(doc.text, useBody ? { bodyRanges: bodyRanges(doc.text) } : {}),
}));
const theirs = docs.map((doc) => ({ id: doc.id, quotes: baseline(doc.text) }));

const chars = docs.reduce((n, doc) => n + doc.text.length, 0);
console.log(
  `PolNeAR dev: ${docs.length} documents, ${gold.reduce((n, d) => n + d.quotes.length, 0)} gold quotations, ${(chars / 1024).toFixed(0)} KB`,
);
console.log(
  `quotations searched in: ${useBody ? 'body zones from parseArticle' : 'the whole text'}`,
);
report('baseline: compromise quotations() + naive "said X" rule', scoreQuotes(theirs, gold));
report('ours: findQuotes', scoreQuotes(ours, gold));

// The two halves of the corpus, as a rough check that no handful of documents carries the figures.
for (const [label, parity] of [
  ['ours, even documents', 0],
  ['ours, odd documents', 1],
] as const) {
  const half = scoreQuotes(
    ours.filter((_, i) => i % 2 === parity),
    gold.filter((_, i) => i % 2 === parity),
  );
  console.log(
    `${label.padEnd(26)} exact F1 ${pct(half.exact.f1)}  speaker ${pct(half.speakers.accuracy)}%  quote+speaker F1 ${pct(half.quoteSpeaker.f1)}`,
  );
}

// Throughput, measured after a warm-up run, on the same texts.
const rounds = 5;
findQuotes(docs[0]!.text);
let started = performance.now();
for (let r = 0; r < rounds; r++) for (const doc of docs) findQuotes(doc.text);
const oursMs = (performance.now() - started) / rounds;
started = performance.now();
for (const doc of docs) baseline(doc.text);
const baselineMs = performance.now() - started;
console.log(
  `\nthroughput: findQuotes ${(chars / 1024 / (oursMs / 1000)).toFixed(0)} KB/s (${oursMs.toFixed(0)} ms per pass); baseline ${(chars / 1024 / (baselineMs / 1000)).toFixed(0)} KB/s`,
);

if (errorsAt >= 0) {
  const missed: string[] = [];
  const spurious: string[] = [];
  const wrongSpeaker: string[] = [];
  docs.forEach((doc, d) => {
    const predicted = ours[d]!.quotes;
    const expected = [...doc.quotes].sort((a, b) => a.start - b.start);
    const pairs = matchSpans(predicted, expected, 'exact');
    const matchedP = new Set(pairs.map(([p]) => p));
    const matchedG = new Set(pairs.map(([, g]) => g));
    for (const g of expected)
      if (!matchedG.has(g)) missed.push(`MISSED   ${doc.id}\n  ${context(doc.text, g)}`);
    for (const p of predicted) {
      if (!matchedP.has(p))
        spurious.push(
          `SPURIOUS ${doc.id} speaker=${p.speaker ? JSON.stringify(p.speaker.text) : 'none'}\n  ${context(doc.text, p)}`,
        );
    }
    for (const [p, g] of pairs) {
      if (speakerAgrees(p, g)) continue;
      const goldSpeaker =
        g.speaker_start === null
          ? 'none'
          : JSON.stringify(doc.text.slice(g.speaker_start, g.speaker_end!));
      const ourSpeaker = p.speaker
        ? `${JSON.stringify(p.speaker.text)}@${p.speaker.start} (${p.speaker.name})`
        : 'none';
      wrongSpeaker.push(
        `SPEAKER  ${doc.id} gold=${goldSpeaker}@${g.speaker_start} ours=${ourSpeaker}\n  ${context(doc.text, { start: Math.min(p.start, g.speaker_start ?? p.start), end: Math.max(p.end, g.speaker_end ?? p.end) }, 90)}`,
      );
    }
  });
  for (const [label, list] of [
    ['missed', missed],
    ['spurious', spurious],
    ['wrong speaker', wrongSpeaker],
  ] as const) {
    console.log(`\n--- ${label}: ${list.length} (showing ${Math.min(errorLimit, list.length)})`);
    for (const line of list.slice(0, errorLimit)) console.log(line);
  }
}
