/**
 * A fuzz run over the whole engine (`ArticleAnalyzer`, the path `news-annotator annotate` and the
 * extension's worker take), with random and adversarial articles built from news-like pieces.
 * `npm test` runs it with a fixed seed and a modest number of runs; `npm run fuzz` runs it longer
 * with a fresh seed (printed, so a failure can be replayed with `npm run fuzz -- --seed N`).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ArticleAnalyzer, analyzeArticle } from '../../src/core/analysis/articleAnalyzer';
import type { ArticleAnalysis, Span, Zone } from '../../src/core/types';

/** The seed and run count: fixed in `npm test`, set by `npm run fuzz` through the environment. */
const seed = Number(process.env.NEWS_ANNOTATOR_FUZZ_SEED ?? 20240607);
const runs = Number(process.env.NEWS_ANNOTATOR_FUZZ_RUNS ?? 60);
const fuzzSettings = { seed, numRuns: runs };

/** Pieces of scraped news: names, datelines, dates, speech verbs, page furniture. */
const newsWords = fc.constantFrom(
  'Grigory Karasin',
  'Karasin',
  'Deputy Foreign Minister',
  'Russia’s',
  'the OSCE Minsk Group',
  'U.S.',
  'Interfax',
  'MOSCOW—',
  'WASHINGTON (Reuters) -',
  'LONDON, Dec 27 -',
  ' date 2017-12-27 ',
  'on Tuesday',
  'last month',
  'Dec. 27, 2017',
  'in October',
  'third-quarter',
  'next year',
  'said',
  'he added',
  'she told reporters',
  'according to the ministry',
  'the',
  'talks',
  'in Vienna',
  'Advertisement',
  'Discussion Policy',
  '12 Comments',
  'Share this:',
  'By Jane Doe',
);

/** Every kind of quotation mark and the punctuation around quotations. */
const marks = fc.constantFrom(
  '“',
  '”',
  '"',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '``',
  "''",
  ',',
  '.',
  ':',
  '—',
  '(',
  ')',
);

/** Line breaks of every convention an editor recognises, and spaces. */
const breaks = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u2028');

/** Characters that break naive code: astral emoji, ZWJ sequences, combining marks, RTL, NUL. */
const oddities = fc.constantFrom(
  '😀',
  '👍🏽',
  '🇷🇺',
  '👨‍👩‍👧',
  'e\u0301',
  'Karasin\u0301',
  '\u0301',
  'Ω\u0308\u0323',
  'قال',
  '«مرحبا»',
  'שלום',
  '\u202e',
  '\u200f',
  '\u200b',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\t',
  '\u00a0',
);

const piece = fc.oneof(
  { weight: 6, arbitrary: newsWords },
  { weight: 4, arbitrary: marks },
  { weight: 4, arbitrary: breaks },
  { weight: 2, arbitrary: oddities },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);

/** An article: pieces joined by spaces, sometimes with no separator at all. */
const article = fc
  .tuple(fc.array(piece, { maxLength: 160, size: 'max' }), fc.boolean())
  .map(([parts, glued]) => parts.join(glued ? '' : ' '));

/** An article whose line ends are LF only, to compare with its CRLF twin. */
const lfArticle = article.map((text) => text.replace(/\r\n?/g, '\n').replace(/\u2028/g, '\n'));

function assertSpanInside(span: Span, text: string, what: string): void {
  assert.ok(
    Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      span.start >= 0 &&
      span.start < span.end &&
      span.end <= text.length,
    `${what} [${span.start}, ${span.end}) is not inside a text of ${text.length}`,
  );
  for (const offset of [span.start, span.end]) {
    assert.ok(!splitsSurrogatePair(text, offset), `${what} cuts a surrogate pair at ${offset}`);
    assert.ok(!splitsCombiningMark(text, offset), `${what} cuts a combining mark at ${offset}`);
  }
}

/** True when `offset` falls between the two halves of a surrogate pair (inside one emoji). */
function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** True when `offset` falls before a combining mark, cutting it from its letter. */
function splitsCombiningMark(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    /^\p{M}/u.test(text.slice(offset, offset + 1)) &&
    /[\p{L}\p{N}]$/u.test(text.slice(0, offset))
  );
}

function assertNoOverlap(spans: readonly Span[], what: string): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(
      sorted[i]!.start >= sorted[i - 1]!.end,
      `${what} overlap: [${sorted[i - 1]!.start}, ${sorted[i - 1]!.end}) and [${sorted[i]!.start}, ${sorted[i]!.end})`,
    );
  }
}

function everyZone(zones: readonly Zone[]): Zone[] {
  return zones.flatMap((zone) => [zone, ...everyZone(zone.children ?? [])]);
}

/** Checks the invariants every analysis must keep, whatever the text. */
function assertWellFormed(analysis: ArticleAnalysis, text: string): void {
  // The engine never throws, but an error it catches is still a bug that costs annotations.
  assert.equal(analysis.faults, undefined, `the engine caught ${JSON.stringify(analysis.faults)}`);
  for (const zone of everyZone(analysis.zones)) assertSpanInside(zone, text, `zone ${zone.kind}`);
  for (const quote of analysis.quotes) {
    assertSpanInside(quote, text, 'quotation');
    assert.equal(quote.text, text.slice(quote.start, quote.end));
    if (quote.speaker) {
      assertSpanInside(quote.speaker, text, 'speaker');
      assert.equal(quote.speaker.text, text.slice(quote.speaker.start, quote.speaker.end));
      assert.ok(quote.speaker.name.length > 0, 'a speaker without a name');
    }
  }
  for (const entity of analysis.entities) {
    assertSpanInside(entity, text, 'entity');
    assert.equal(entity.text, text.slice(entity.start, entity.end));
    assert.ok(entity.name.length > 0, 'an entity without a name');
  }
  for (const date of analysis.dates) {
    assertSpanInside(date, text, 'date');
    assert.equal(date.text, text.slice(date.start, date.end));
    assert.ok(date.value === null || /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date.value));
  }
  assertNoOverlap(analysis.quotes, 'quotations');
  assertNoOverlap(analysis.entities, 'entities');
  assertNoOverlap(analysis.dates, 'dates');
  assert.ok(analysis.date === null || /^\d{4}-\d{2}-\d{2}$/.test(analysis.date));
}

/** The analysis with every offset mapped through `map`, for comparing twins that differ in length. */
function project(analysis: ArticleAnalysis, map: (offset: number) => number) {
  const zones = everyZone(analysis.zones).map((zone) => [
    zone.kind,
    map(zone.start),
    map(zone.end),
  ]);
  return {
    date: analysis.date,
    dateSource: analysis.dateSource,
    zones,
    quotes: analysis.quotes.map((quote) => [
      map(quote.start),
      map(quote.end),
      quote.speaker && [map(quote.speaker.start), map(quote.speaker.end), quote.speaker.name],
    ]),
    entities: analysis.entities.map((e) => [map(e.start), map(e.end), e.type, e.name]),
    dates: analysis.dates.map((d) => [map(d.start), map(d.end), d.value]),
  };
}

suite('Engine fuzz (ArticleAnalyzer over random and adversarial articles)', () => {
  suiteSetup(() => {
    if (process.env.NEWS_ANNOTATOR_FUZZ_RUNS) {
      console.log(`      fuzz seed ${seed}, ${runs} runs per property`);
    }
  });

  test('never throws, and every span lies inside the text, matches it and does not overlap its kind', () => {
    fc.assert(
      fc.property(article, fc.option(fc.constant('2017-12-27')), (text, date) => {
        assertWellFormed(analyzeArticle(text, { date }), text);
      }),
      fuzzSettings,
    );
  });

  test('CRLF and LF line ends give the same analysis modulo offsets', () => {
    fc.assert(
      fc.property(lfArticle, (lf) => {
        const crlf = lf.replace(/\n/g, '\r\n');
        // Offset i of the CRLF text is offset i minus the CRs before it in the LF text.
        const crsBefore: number[] = [0];
        for (let i = 0; i < crlf.length; i++) {
          crsBefore.push(crsBefore[i]! + (crlf[i] === '\r' && crlf[i + 1] === '\n' ? 1 : 0));
        }
        const toLf = (offset: number): number => offset - crsBefore[offset]!;
        assert.deepEqual(
          project(analyzeArticle(crlf), toLf),
          project(analyzeArticle(lf), (offset) => offset),
        );
      }),
      fuzzSettings,
    );
  });

  test('CR and U+2028 line ends give the same analysis as LF, at the same offsets', () => {
    fc.assert(
      fc.property(lfArticle, fc.constantFrom('\r', '\u2028'), (lf, lineEnd) => {
        const other = lf.replace(/\n/g, lineEnd);
        const same = (offset: number): number => offset;
        assert.deepEqual(project(analyzeArticle(other), same), project(analyzeArticle(lf), same));
      }),
      fuzzSettings,
    );
  });

  test('re-analysing after random edits gives what a fresh analysis gives', () => {
    const analyzer = new ArticleAnalyzer();
    fc.assert(
      fc.property(
        article,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), piece), {
          minLength: 1,
          maxLength: 5,
        }),
        (start, edits) => {
          let text = start;
          analyzer.analyze(text);
          for (const [at, removed, inserted] of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + inserted + text.slice(position + removed);
            assert.deepEqual(analyzer.analyze(text), analyzeArticle(text));
          }
        },
      ),
      fuzzSettings,
    );
  });
});
