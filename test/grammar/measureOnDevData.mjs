// Measures the grammar on the shared development corpora: `node test/grammar/measureOnDevData.mjs`.
//
// Not a test (the figures are compared with held-out documents elsewhere): it prints how the lexical
// quotation and date rules line up with human annotations, and skips cleanly when the corpora
// (../shared/dev-data, or NEWS_ANNOTATOR_DEV_DATA) are absent.
//
// - PolNeAR: annotated direct quotations (marks included, split at each new opening mark) against
//   the grammar's double quotations. Recall is the figure that matters; the grammar also colours
//   scare quotes and titles, which the corpus does not annotate, so its "precision" is a lower bound.
// - TimeML (AQUAINT): the grammar's dates against TIMEX DATE/TIME annotations (precision), and
//   recall on the annotations a regex is meant to see: a month name or number together with a year.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammarPath, renderGrammar } from '../../syntaxes/buildGrammar.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const devData = process.env.NEWS_ANNOTATOR_DEV_DATA ?? path.join(root, '../shared/dev-data');
if (!existsSync(path.join(devData, 'polnear-dev.jsonl'))) {
  console.log(`skipped: no development corpora in ${devData}`);
  process.exit(0);
}

const toolDir = path.dirname(
  createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'),
);
const requireFromTool = createRequire(path.join(toolDir, 'package.json'));
const tm = requireFromTool('vscode-textmate');
const oniguruma = requireFromTool('vscode-oniguruma');
const wasmPath = path.join(path.dirname(requireFromTool.resolve('vscode-oniguruma')), 'onig.wasm');
await oniguruma.loadWASM(readFileSync(wasmPath).buffer);
const registry = new tm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async () => tm.parseRawGrammar(renderGrammar(), grammarPath),
});
const grammar = await registry.loadGrammar('text.news-article');

/** Returns the document-level spans [start, end) of the outermost tokens carrying a scope. */
function spansWithScope(text, scopePrefix) {
  const spans = [];
  let state = tm.INITIAL;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line.replace(/\r$/, ''), state);
    state = ruleStack;
    let open = null;
    for (const token of tokens) {
      const depth = token.scopes.findIndex((s) => s.startsWith(scopePrefix));
      const begins = token.scopes.some((s) => s.startsWith('punctuation.definition.string.begin'));
      const beginsOuter =
        begins && token.scopes.filter((s) => s.startsWith('string.')).length === 1;
      if (depth < 0 || (open && beginsOuter && scopePrefix.startsWith('string.'))) {
        if (open) spans.push(open);
        open = null;
      }
      if (depth >= 0) {
        if (open && open.end === lineStart + token.startIndex)
          open.end = lineStart + token.endIndex;
        else open = { start: lineStart + token.startIndex, end: lineStart + token.endIndex };
      }
    }
    if (open) spans.push(open);
    lineStart += line.length + 1;
  }
  return spans;
}

const readJsonl = (name) =>
  readFileSync(path.join(devData, name), 'utf8').trim().split('\n').map(JSON.parse);
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const percent = (part, whole) => (whole ? ((100 * part) / whole).toFixed(1) : 'n/a');

// Quotations on PolNeAR.
let gold = 0;
let exact = 0;
let overlapped = 0;
let predicted = 0;
let predictedMatching = 0;
let singles = 0;
for (const doc of readJsonl('polnear-dev.jsonl')) {
  const spans = spansWithScope(doc.text, 'string.quoted.double');
  singles += spansWithScope(doc.text, 'string.quoted.single').length;
  const quotes = doc.quotes.map((q) => ({ start: q.start, end: q.end }));
  gold += quotes.length;
  predicted += spans.length;
  for (const quote of quotes) {
    // An unclosed quotation may differ from the annotation by trailing spaces only.
    const trimmedEnd = (s) => s.start + doc.text.slice(s.start, s.end).trimEnd().length;
    if (spans.some((s) => s.start === quote.start && trimmedEnd(s) === trimmedEnd(quote))) exact++;
    if (spans.some((s) => overlaps(s, quote))) overlapped++;
  }
  predictedMatching += spans.filter((s) => quotes.some((q) => overlaps(s, q))).length;
}
console.log('PolNeAR dev (84 articles): double quotations');
console.log(`  annotated quotations: ${gold}; grammar quotations: ${predicted}`);
console.log(`  exact span recall: ${exact}/${gold} = ${percent(exact, gold)}%`);
console.log(`  overlap recall:    ${overlapped}/${gold} = ${percent(overlapped, gold)}%`);
console.log(
  `  grammar quotations overlapping an annotated one: ${predictedMatching}/${predicted} = ${percent(predictedMatching, predicted)}% (lower bound of precision)`,
);
console.log(`  single quotations found: ${singles}`);

// Dates on TimeML.
const ABSOLUTE = /\b(?:1[89]\d\d|20\d\d)\b/.source + '|' + /\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/.source;
let dates = 0;
let datesMatching = 0;
let absolute = 0;
let absoluteFound = 0;
for (const doc of readJsonl('timeml-aquaint.jsonl')) {
  const spans = spansWithScope(doc.text, 'constant.other.date');
  const timexes = doc.timexes.filter((t) => t.type === 'DATE' || t.type === 'TIME');
  dates += spans.length;
  datesMatching += spans.filter((s) => timexes.some((t) => overlaps(s, t))).length;
  for (const timex of timexes) {
    const seeable =
      new RegExp(ABSOLUTE).test(timex.text) &&
      /[A-Z][a-z]+\.?\s|\d[/.-]\d/.test(timex.text) &&
      /^\d{4}(-\d\d){1,2}/.test(timex.value);
    if (!seeable) continue;
    absolute++;
    if (spans.some((s) => overlaps(s, timex))) absoluteFound++;
  }
}
console.log('TimeML AQUAINT (73 documents): dates');
console.log(
  `  grammar dates overlapping a DATE/TIME annotation: ${datesMatching}/${dates} = ${percent(datesMatching, dates)}% (precision)`,
);
console.log(
  `  recall on annotated dates with a month and a year: ${absoluteFound}/${absolute} = ${percent(absoluteFound, absolute)}%`,
);
