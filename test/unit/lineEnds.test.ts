import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitAnalysisUnits } from '../../src/core/analysis/splitAnalysisUnits';
import { splitLines } from '../../src/core/article/splitLines';
import { splitIntoChunks } from '../../src/core/dates/splitIntoChunks';
import { splitParagraphs } from '../../src/core/quotes/findQuoteSpans';
import { hasOnlyLfLineEnds, lineEndPattern, toLfLineEnds } from '../../src/core/text/lineEnds';

const ANY_LINE_END = /\r\n|[\n\r\u2028\u2029]/g;

const matches = (pattern: RegExp, text: string): string[] =>
  [...text.matchAll(pattern)].map((match) => `${match.index}+${match[0].length}`);

/** Texts of words, spaces and every kind of line end, with runs of blank lines. */
const mixedText = fc.string({
  unit: fc.constantFrom('a', 'B', ' ', '.', '"', '\n', '\n', '\r', '\r\n', '\u2028', '\u2029'),
});
/** The same texts with LF line ends only. */
const lfText = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '.', '"', '“', '\n', '\n') });

suite('line ends', () => {
  test('lineEndPattern finds the line ends every editor line-end pattern finds, for any text', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        assert.deepEqual(matches(lineEndPattern(text), text), matches(ANY_LINE_END, text));
      }),
    );
  });

  test('hasOnlyLfLineEnds holds exactly for the texts toLfLineEnds leaves unchanged', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        assert.equal(hasOnlyLfLineEnds(text), toLfLineEnds(text).unchanged);
        assert.ok(hasOnlyLfLineEnds(toLfLineEnds(text).text));
      }),
    );
    assert.equal(hasOnlyLfLineEnds('a\nb'), true);
    assert.equal(hasOnlyLfLineEnds('a\u2029b'), false);
  });

  // The splitters take a faster pattern for LF-only text; a U+2028 in place of each LF (the same
  // length, the same breaks) sends the same text down the general path.
  test('the splitters cut an LF text where they cut it with U+2028 line ends', () => {
    fc.assert(
      fc.property(lfText, (text) => {
        const separated = text.replaceAll('\n', '\u2028');
        assert.deepEqual(
          splitLines(text).map(({ start, end }) => [start, end]),
          splitLines(separated).map(({ start, end }) => [start, end]),
        );
        assert.deepEqual(splitAnalysisUnits(text), splitAnalysisUnits(separated));
        assert.deepEqual(splitIntoChunks(text), splitIntoChunks(separated));
        assert.deepEqual(
          splitParagraphs(text).map(({ start, end }) => [start, end]),
          splitParagraphs(separated).map(({ start, end }) => [start, end]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
