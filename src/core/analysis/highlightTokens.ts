import type { HighlightSpan } from './highlightSpans';
import { SEMANTIC_KINDS } from './semanticKinds';

/** How many numbers each token takes in `HighlightTokens.data`. */
export const TOKEN_FIELDS = 5;

/** The bit of a token's modifiers that says "resolved from context". */
export const RESOLVED_MODIFIER = 1;

/**
 * Highlight spans as editor tokens: one token per span and line, five numbers each (line,
 * character, length, index in `SEMANTIC_KINDS`, modifier bits), with absolute line and character
 * positions in UTF-16 code units, sorted. The editor's relative encoding is one subtraction away.
 */
export interface HighlightTokens {
  data: Uint32Array;
}

/**
 * Converts sorted, non-overlapping highlight spans to line tokens, splitting a span at each line
 * break, as VS Code counts lines: at CRLF, LF and CR (not at U+2028, which VS Code keeps inside a
 * line). It walks the text once, so a 1 MB article costs milliseconds, and it runs in the analysis
 * worker: the extension host only re-encodes the numbers.
 */
export function encodeHighlightTokens(
  text: string,
  spans: readonly HighlightSpan[],
): HighlightTokens {
  const lineStarts = [0];
  const lineEnds: number[] = [];
  const terminator = /\r\n|\r|\n/g;
  for (let match = terminator.exec(text); match; match = terminator.exec(text)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
  }
  lineEnds.push(text.length);

  const data: number[] = [];
  let line = 0;
  for (const span of spans) {
    // Spans are sorted by start, so the line of each start is at or after the previous one.
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= span.start) line++;
    const kind = SEMANTIC_KINDS.indexOf(span.kind);
    const modifiers = span.resolved ? RESOLVED_MODIFIER : 0;
    for (let at = line; at < lineStarts.length && lineStarts[at]! < span.end; at++) {
      const from = Math.max(span.start, lineStarts[at]!);
      const to = Math.min(span.end, lineEnds[at]!);
      if (to > from) data.push(at, from - lineStarts[at]!, to - from, kind, modifiers);
    }
  }
  return { data: Uint32Array.from(data) };
}
