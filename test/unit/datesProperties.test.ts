import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDates } from '../../src/core/dates/findDates';

/** Pieces of news text that date rules react to, with the characters that trip parsers up. */
const pieces = fc.constantFrom(
  'Friday',
  'on',
  'Dec. 27, 2017',
  'third-quarter',
  'last',
  'month',
  '1995',
  'the',
  'October',
  'summit',
  'two',
  'weeks',
  'ago',
  'next year',
  'May',
  'march',
  '10:35 a.m.',
  "'s",
  '’',
  '“',
  '”',
  ',',
  '.',
  '-',
  '/',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\u2028',
  '\uD83D\uDE00',
  '\uD83D',
  'early',
  'will',
  'said',
  '2017-12-27',
  '12/27',
);
const newsLike = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(
  newsLike,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const anchor = fc.constantFrom('2017-12-27', '2000-02-29', '1998-01-01', null, 'not a date');

suite('findDates: properties', () => {
  test('never throws; spans lie inside the text, match their text, and do not overlap', () => {
    fc.assert(
      fc.property(anyText, anchor, (text, date) => {
        const found = findDates(text, date);
        let previousEnd = 0;
        for (const mention of found) {
          assert.ok(mention.start >= previousEnd && mention.start < mention.end);
          assert.ok(mention.end <= text.length);
          assert.equal(mention.text, text.slice(mention.start, mention.end));
          assert.ok(mention.value === null || /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(mention.value));
          previousEnd = mention.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('CRLF text gives the same dates as its LF twin, at shifted offsets', () => {
    fc.assert(
      fc.property(newsLike, anchor, (lfText, date) => {
        const crlfText = lfText.replace(/\n/g, '\r\n');
        const shift = (offset: number): number =>
          offset + (lfText.slice(0, offset).match(/\n/g)?.length ?? 0);
        const lf = findDates(lfText, date).map((m) => ({
          ...m,
          start: shift(m.start),
          end: shift(m.end),
        }));
        const crlf = findDates(crlfText, date).map((m) => ({
          ...m,
          text: m.text.replace(/\r\n/g, '\n'),
        }));
        assert.deepEqual(crlf, lf);
      }),
      { numRuns: 200 },
    );
  });

  test('a very long line without breaks is analysed in pieces and keeps its dates', () => {
    const sentence = 'Officials said Friday that the talks, held in 2016, would resume. ';
    const text = sentence.repeat(2000);
    const found = findDates(text, '2017-12-27');
    assert.equal(found.filter((m) => m.text === 'Friday').length, 2000);
    assert.ok(found.every((m) => m.text !== 'Friday' || m.value === '2017-12-22'));
  });
});

suite('findDates: paragraphs', () => {
  test('a paragraph analysed alone gets the dates it gets inside its article', () => {
    fc.assert(
      fc.property(
        fc.array(newsLike, { minLength: 1, maxLength: 5 }),
        anchor,
        (paragraphs, date) => {
          const article = paragraphs.join('\n\n');
          const whole = findDates(article, date);
          let offset = 0;
          const pieces = paragraphs.flatMap((paragraph) => {
            const shifted = findDates(paragraph, date).map((m) => ({
              ...m,
              start: m.start + offset,
              end: m.end + offset,
            }));
            offset += paragraph.length + 2;
            return shifted;
          });
          assert.deepEqual(whole, pieces);
        },
      ),
      { numRuns: 150 },
    );
  });
});
