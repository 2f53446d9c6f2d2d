/**
 * Random texts and edits for the property tests of incremental code (re-tokenising, re-classifying
 * from the version before an edit): texts made of pieces that exercise the rules under test, and
 * edits that replace a short stretch of a text with the start of another such text.
 */
import * as fc from 'fast-check';

/** One edit: where (`from`, wrapped to the text), how much to replace and what to put there. */
export interface TextEdit {
  from: number;
  length: number;
  inserted: string;
}

/** Texts of up to `maxPieces` of `pieces` joined. */
export function textOfPieces(pieces: readonly string[], maxPieces: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...pieces), { maxLength: maxPieces })
    .map((parts) => parts.join(''));
}

/** Edits whose inserted text comes from `texts`. */
export function editsInserting(texts: fc.Arbitrary<string>): fc.Arbitrary<TextEdit> {
  return fc.record({ from: fc.nat(), length: fc.nat(), inserted: texts });
}

/**
 * `text` with `length % 12` characters from `from` replaced by the first 1 to `maxInserted`
 * characters of `inserted` (how many also follows from `length`).
 */
export function applyEdit(text: string, edit: TextEdit, maxInserted: number): string {
  const start = edit.from % (text.length + 1);
  const end = Math.min(text.length, start + (edit.length % 12));
  return (
    text.slice(0, start) + edit.inserted.slice(0, 1 + (edit.length % maxInserted)) + text.slice(end)
  );
}
