import { lineEndPattern } from '../text/lineEnds';
import { isBlankRange } from '../text/whiteSpace';

/** One line of a text: its content span (without the line terminator) and its content. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits a text into lines at every line terminator an editor recognises: LF, CRLF, CR, and the
 * Unicode line and paragraph separators U+2028 and U+2029. Offsets are UTF-16 code units.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const terminator = lineEndPattern(text);
  let start = 0;
  for (let match = terminator.exec(text); match; match = terminator.exec(text)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** True for a line with nothing but white space. */
export function isBlank(line: Line): boolean {
  return isBlankRange(line.text);
}
