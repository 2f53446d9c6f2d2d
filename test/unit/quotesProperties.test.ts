import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findQuotes } from '../../src/core/quotes/findQuotes';

/** Text made of news-like pieces: words, names, every kind of mark, apostrophes and line breaks. */
const newsText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
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
        '(',
        ')',
        ',',
        '.',
        ':',
        ' ― ',
      ),
      fc.constantFrom(
        ' said ',
        ' he added',
        ' Karasin',
        ' Grigory Karasin',
        ' according to ',
        ' the ministry',
        "don't",
        'Russia’s',
      ),
      fc.constantFrom('\n', '\n\n', '\r\n', ' ', '  '),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

suite('findQuotes: properties', () => {
  test('never throws; spans lie inside the text, match it, and do not overlap', () => {
    fc.assert(
      fc.property(fc.oneof(newsText, fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        const quotes = findQuotes(text);
        let previousEnd = 0;
        for (const quote of quotes) {
          assert.ok(
            quote.start >= previousEnd && quote.start < quote.end && quote.end <= text.length,
          );
          assert.equal(quote.text, text.slice(quote.start, quote.end));
          previousEnd = quote.end;
          if (quote.speaker) {
            assert.ok(
              quote.speaker.start >= 0 &&
                quote.speaker.start < quote.speaker.end &&
                quote.speaker.end <= text.length,
            );
            assert.equal(quote.speaker.text, text.slice(quote.speaker.start, quote.speaker.end));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  test('CRLF text gives the same quotations and speakers as LF text, modulo offsets', () => {
    fc.assert(
      fc.property(newsText, (raw) => {
        const lf = raw.replace(/\r/g, '');
        const crlf = lf.replace(/\n/g, '\r\n');
        const strip = (s: string): string => s.replace(/\r/g, '');
        const view = (text: string): string[] =>
          findQuotes(text).map(
            (q) =>
              `${strip(q.text)}|${q.speaker ? strip(q.speaker.text) : ''}|${q.speaker?.name ?? ''}`,
          );
        assert.deepEqual(view(crlf), view(lf));
      }),
      { numRuns: 400 },
    );
  });
});
