import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { retokenizeEntityText, tokenizeEntityText } from '../../src/core/entities/findEntities';
import { applyEdit, editsInserting, textOfPieces } from '../shared/textEdits';

// Pieces that exercise every token rule: dotted initialisms and abbreviations, possessives, inner
// hyphens and apostrophes, sentence ends, opening quotes, line breaks, capitals and title-case lines.
const PIECES = [
  'the committee voted along party lines to send a contempt resolution to the full house after months of talks',
  'THE COMMITTEE VOTED ALONG PARTY LINES TO SEND A CONTEMPT RESOLUTION',
  '😀',
  '𝐀',
  'e\u0301',
  'ÉTAT',
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

const piecesText = textOfPieces(PIECES, 40);
const edit = editsInserting(piecesText);

suite('retokenizeWords', () => {
  test('gives what a fresh tokenisation gives, edit after edit', () => {
    fc.assert(
      fc.property(piecesText, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        // Each version is tokenised from the last one's retokenisation, as the cache does.
        let tokenization = tokenizeEntityText(text);
        for (const change of edits) {
          const edited = applyEdit(tokenization.text, change, 8);
          tokenization = retokenizeEntityText(tokenization, edited);
          assert.deepEqual(tokenization, tokenizeEntityText(edited));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('gives what a fresh tokenisation gives from an unrelated text', () => {
    fc.assert(
      fc.property(piecesText, piecesText, (text, other) => {
        assert.deepEqual(
          retokenizeEntityText(tokenizeEntityText(other), text),
          tokenizeEntityText(text),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('counts the letters of a line edited inside a surrogate pair or beside an accent', () => {
    // "𝐀" (U+1D400) is a letter written as two code units; "😀" is not a letter.
    const text = 'MOSCOW 😀 TALKS ON 𝐀𝐁 KARABAKH RESUME; Łódź e\u0301 said';
    for (let at = 0; at <= text.length; at++) {
      for (const inserted of ['', 'x', 'X', '\ud835', '\udc01', '\ud83d', '\ude00', '\n']) {
        const edited = text.slice(0, at) + inserted + text.slice(at + 1);
        assert.deepEqual(
          retokenizeEntityText(tokenizeEntityText(text), edited),
          tokenizeEntityText(edited),
        );
      }
    }
  });

  test('keeps the tokens before and after a one-character edit as they were', () => {
    const text = 'Rep. John Mica said the right under the Constitution is clear. Pagliano left.';
    const previous = tokenizeEntityText(text);
    const at = text.indexOf('clear');
    const edited = `${text.slice(0, at)}x${text.slice(at + 1)}`;
    const { tokens } = retokenizeEntityText(previous, edited);
    assert.deepEqual(tokens, tokenizeEntityText(edited).tokens);
    assert.equal(tokens[0], previous.tokens[0]);
    assert.equal(tokens[tokens.length - 1], previous.tokens[previous.tokens.length - 1]);
  });

  test('counts the letters and lower-case letters of each line as the Unicode patterns do', () => {
    const count = (line: string, pattern: RegExp): number => line.match(pattern)?.length ?? 0;
    // Every kind of code point: ASCII, Latin and other scripts, astral letters, marks, lone
    // surrogates and line breaks.
    const character = fc.oneof(
      fc.constantFrom(
        'a',
        'Z',
        '1',
        ' ',
        '\n',
        'é',
        'ß',
        'Ω',
        'ж',
        '中',
        '𝐀',
        '𝑎',
        '\u0301',
        '\ud835',
      ),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 60 }), (characters) => {
        const text = characters.join('');
        const { lines } = tokenizeEntityText(text);
        const expected = text.split('\n').map((line) => ({
          letters: count(line, /\p{L}/gu),
          lower: count(line, /\p{Ll}/gu),
        }));
        assert.deepEqual(lines, expected);
      }),
      { numRuns: 500 },
    );
  });

  test('a token is capitalised and in capitals as the Unicode letter classes say', () => {
    const character = fc.oneof(
      fc.constantFrom('a', 'Z', 'É', 'é', 'ǅ', '𝐀', '𝑎', 'ß', '1', "'", '’', '-', '.', ' ', '\n'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 40 }), (characters) => {
        for (const token of tokenizeEntityText(characters.join('')).tokens) {
          assert.equal(token.capitalised, /^\p{Lu}/u.test(token.text), token.text);
          const letters = token.text.match(/\p{L}/gu)?.length ?? 0;
          assert.equal(token.upper, letters >= 2 && !/\p{Ll}/u.test(token.text), token.text);
        }
      }),
      { numRuns: 500 },
    );
  });
});
