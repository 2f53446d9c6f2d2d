import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findEntities } from '../../src/core/entities/findEntities';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { QuoteParagraphCache } from '../../src/core/quotes/quoteParagraphCache';

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

  test('the paragraph cache gives what findQuotes gives, for any text, body ranges and entities', () => {
    // One small cache for every run, so paragraphs are found by place, by content and evicted.
    const cache = new QuoteParagraphCache(16, 1500);
    const bodyRanges = (text: string, cuts: number[]): { start: number; end: number }[] => {
      const points = cuts.map((cut) => cut % (text.length + 1)).sort((a, b) => a - b);
      const ranges: { start: number; end: number }[] = [];
      for (let i = 0; i + 1 < points.length; i += 2)
        ranges.push({ start: points[i]!, end: points[i + 1]! });
      return ranges;
    };
    fc.assert(
      fc.property(
        fc.array(newsText, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        (paragraphs, cuts, withEntities) => {
          const text = paragraphs.join('\n\n');
          const ranges = bodyRanges(text, cuts);
          const options = {
            bodyRanges: ranges.length > 0 ? ranges : undefined,
            entities: withEntities ? findEntities(text) : undefined,
          };
          assert.deepEqual(cache.findQuotes(text, options), findQuotes(text, options));
          // The same text once more, and with its last paragraph changed: found by place.
          assert.deepEqual(cache.findQuotes(text, options), findQuotes(text, options));
          const edited = `${text}”`;
          assert.deepEqual(cache.findQuotes(edited, options), findQuotes(edited, options));
        },
      ),
      { seed: 5, numRuns: 300 },
    );
    assert.ok(cache.stats.paragraphs <= 16 && cache.stats.chars <= 1500);
  });
});
