/**
 * White space as a regular expression's `\s` reads it (ECMAScript WhiteSpace and LineTerminator),
 * tested by character code: the per-line and per-paragraph checks of every analysis pass run
 * often enough that a regular expression per call costs more than the check.
 */

/** True for a character code that `\s` matches. */
export function isWhiteSpaceCode(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True when `text[from, to)` holds nothing that `\S` matches (an empty range is blank). */
export function isBlankRange(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpaceCode(text.charCodeAt(i))) return false;
  return true;
}
