import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { retokenizeEntityWords, tokenizeEntityWords } from '../../src/core/entities/findEntities';

// Pieces that exercise every token rule: dotted initialisms and abbreviations, possessives, inner
// hyphens and apostrophes, sentence ends, opening quotes, line breaks, capitals and title-case lines.
const PIECES = [
  'U.S.',
  'U.N',
  'Mr.',
  'Inc.',
  'P.',
  "Karasin's",
  'Pagliano’s',
  'set-up',
  "don't",
  'Douglas & Lomason',
  'A.G.',
  'MOSCOW',
  'OSCE',
  'Moscow Urges Yerevan and Baku to Intensify Talks',
  'the',
  'said',
  'House',
  'Oversight',
  '19-15',
  '2016',
  'é',
  'Łódź',
  ' ',
  '  ',
  '.',
  '. ',
  ', ',
  '“',
  '”',
  '"',
  "'",
  '(',
  ')',
  '—',
  '-',
  '\n',
  '\n\n',
  's',
  "'s",
];

const piecesText = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 40 })
  .map((parts) => parts.join(''));

suite('retokenizeWords', () => {
  test('gives the tokens of a fresh tokenisation after any edit', () => {
    fc.assert(
      fc.property(piecesText, fc.nat(), fc.nat(), piecesText, (text, from, length, inserted) => {
        const start = from % (text.length + 1);
        const end = Math.min(text.length, start + (length % 12));
        const edited = text.slice(0, start) + inserted.slice(0, 1 + (length % 8)) + text.slice(end);
        const previous = tokenizeEntityWords(text);
        assert.deepEqual(
          retokenizeEntityWords(text, previous, edited),
          tokenizeEntityWords(edited),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('gives the tokens of a fresh tokenisation from an unrelated text', () => {
    fc.assert(
      fc.property(piecesText, piecesText, (text, other) => {
        const previous = tokenizeEntityWords(other);
        assert.deepEqual(retokenizeEntityWords(other, previous, text), tokenizeEntityWords(text));
      }),
      { numRuns: 1000 },
    );
  });

  test('keeps the tokens before and after a one-character edit as they were', () => {
    const text = 'Rep. John Mica said the right under the Constitution is clear. Pagliano left.';
    const previous = tokenizeEntityWords(text);
    const at = text.indexOf('clear');
    const edited = `${text.slice(0, at)}x${text.slice(at + 1)}`;
    const tokens = retokenizeEntityWords(text, previous, edited);
    assert.deepEqual(tokens, tokenizeEntityWords(edited));
    assert.equal(tokens[0], previous[0]);
    assert.equal(tokens[tokens.length - 1], previous[previous.length - 1]);
  });
});
