/** Every line terminator an editor recognises: CRLF, LF, a lone CR, U+2028 and U+2029. */
const LINE_END = /\r\n|[\r\u2028\u2029]/g;

/**
 * True when every line end of `text` is an LF (or it has none), as in what `toLfLineEnds` returns.
 * Three searches for one character each are faster than one scan for a class of three.
 */
export function hasOnlyLfLineEnds(text: string): boolean {
  return text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0;
}

/**
 * A new global pattern that matches each line end of `text` (CRLF, LF, CR, U+2028, U+2029) as
 * `/\r\n|[\n\r\u2028\u2029]/g` does. For a text with LF line ends only it is `/\n/g`, which V8 finds
 * with a fast character search rather than trying a class at every character: a whole-text scan
 * several times faster.
 */
export function lineEndPattern(text: string): RegExp {
  return hasOnlyLfLineEnds(text) ? /\n/g : /\r\n|[\n\r\u2028\u2029]/g;
}

/** A text with LF line ends, and the way back to offsets of the text it came from. */
export interface LfText {
  text: string;
  /** True when the text had only LF line ends and is returned unchanged. */
  unchanged: boolean;
  /** The offset in the original text of an offset in `text`; never inside a CRLF pair. */
  toOriginal(offset: number): number;
}

/**
 * Rewrites every CRLF, lone CR, U+2028 and U+2029 as LF, so that code reading the result sees one
 * kind of line end, and keeps the way back: only a CRLF changes the length, so an offset maps back
 * by adding the CRLFs before it.
 */
export function toLfLineEnds(original: string): LfText {
  if (hasOnlyLfLineEnds(original)) {
    return { text: original, unchanged: true, toOriginal: (offset) => offset };
  }
  /** The LF offset of the LF that each CRLF became, ascending. */
  const joined: number[] = [];
  const text = original.replace(LINE_END, (match, at: number) => {
    if (match.length === 2) joined.push(at - joined.length);
    return '\n';
  });
  const toOriginal = (offset: number): number => {
    // The number of joined CRLFs whose LF stands before `offset`, by binary search.
    let low = 0;
    let high = joined.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (joined[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return offset + low;
  };
  return { text, unchanged: false, toOriginal };
}
