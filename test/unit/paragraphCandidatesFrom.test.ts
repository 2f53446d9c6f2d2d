import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  collectParagraphCandidates,
  collectParagraphCandidatesFrom,
  collectWordForms,
  tokenizeEntityWords,
  type ParagraphCandidates,
} from '../../src/core/entities/findEntities';
import { applyEdit, editsInserting, textOfPieces } from '../shared/textEdits';

// Pieces that exercise the phrase rules: titles, first names, organisations and their acronyms,
// datelines, capitals lines, results lines, demonyms, connectors and possessives.
const PIECES = [
  'MOSCOW, Dec 27 — ',
  'MOSCOW',
  'KIEV',
  ' --- ',
  ' (',
  ') ',
  'LONDON 1996-08-30 ',
  'Deputy Foreign Minister Grigory Karasin',
  'Rep. John Mica (R-Fla.)',
  'the House Oversight and Government Reform Committee',
  'Interfax news agency',
  'National Observatory (ONDH)',
  'Bristol 28 Walsall 14',
  'Walsall v Wrexham',
  'Armenian',
  'Mexican Ariel Cruz',
  'Hillary Clinton’s',
  "Pagliano's",
  'Douglas & Lomason',
  'SOCCER - ROMA BEAT LAZIO.',
  'Moscow Urges Yerevan and Baku to Intensify Talks',
  'the Bank of England',
  'said',
  'on Tuesday',
  'in October',
  ' ',
  ', ',
  '. ',
  '“',
  '”',
  '\n',
  '\n\n',
];

const piecesText = textOfPieces(PIECES, 24);
const edit = editsInserting(piecesText);

suite('collectParagraphCandidatesFrom', () => {
  test('gives the phrases a fresh classification gives, edit after edit', () => {
    fc.assert(
      fc.property(
        piecesText,
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom('said', 'talks', 'bank', 'minister', 'the'), { maxLength: 4 }),
        fc.nat({ max: 40 }),
        fc.nat({ max: 30 }),
        (text, edits, lowerWords, datelineStart, datelineLength) => {
          // The word sets come from elsewhere in the document and are the same for every version.
          const lowerForms = new Set(lowerWords);
          const mid = collectWordForms(tokenizeEntityWords(text)).midSentenceCapitals;
          // A dateline zone that stays where it is while edits move the text through it.
          const datelines = [{ start: datelineStart, end: datelineStart + datelineLength }];
          let tokens = tokenizeEntityWords(text);
          let previous: ParagraphCandidates = {
            text,
            tokens,
            datelines,
            candidates: collectParagraphCandidates(text, tokens, lowerForms, mid, datelines)
              .candidates,
          };
          for (const change of edits) {
            const edited = applyEdit(previous.text, change, 16);
            tokens = tokenizeEntityWords(edited);
            const found = collectParagraphCandidatesFrom(
              previous,
              edited,
              tokens,
              lowerForms,
              mid,
              datelines,
            );
            const fresh = collectParagraphCandidates(edited, tokens, lowerForms, mid, datelines);
            assert.deepEqual(found.candidates, fresh.candidates);
            assert.deepEqual(found.capsChunks, fresh.capsChunks);
            previous = { text: edited, tokens, datelines, ...found };
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
