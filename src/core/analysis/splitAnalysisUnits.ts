import { hasOnlyLfLineEnds } from '../text/lineEnds';
import type { Span } from '../types';

/** Units longer than this are cut at a sentence end, so that a single 5 MB line stays workable. */
export const MAX_UNIT_CHARS = 4000;

/**
 * Cuts a text into the units the analysis caches and re-uses: paragraphs (runs of non-blank
 * lines), with over-long paragraphs cut after a sentence end (or, failing one, at white space).
 * The units cover every non-blank character of the text, in order, without overlap.
 */
export function splitAnalysisUnits(text: string): Span[] {
  const units: Span[] = [];
  // With LF line ends only (the analysis's own text), the same pattern without the other kinds
  // lets V8 search for the line feed instead of trying a class at every character.
  const paragraphBreak = hasOnlyLfLineEnds(text)
    ? /\n[ \t\f\v]*\n\s*/g
    : /(?:\r\n|[\n\r\u2028\u2029])[ \t\f\v]*(?:\r\n|[\n\r\u2028\u2029])\s*/g;
  let start = skipSpace(text, 0);
  for (let match = paragraphBreak.exec(text); match; match = paragraphBreak.exec(text)) {
    if (match.index > start) cutLongUnit(text, start, match.index, units);
    start = match.index + match[0].length;
  }
  const end = trimEnd(text, text.length);
  if (end > start) cutLongUnit(text, start, end, units);
  return units;
}

function cutLongUnit(text: string, start: number, end: number, units: Span[]): void {
  let from = start;
  while (end - from > MAX_UNIT_CHARS) {
    const window = text.slice(from + MAX_UNIT_CHARS / 2, from + MAX_UNIT_CHARS);
    const sentenceEnd = lastMatchEnd(/[.!?]["”’)]?\s+/g, window);
    const space = lastMatchEnd(/\s+/g, window);
    const cut = sentenceEnd ?? space;
    const to = cut === undefined ? from + MAX_UNIT_CHARS : from + MAX_UNIT_CHARS / 2 + cut;
    units.push({ start: from, end: trimEnd(text, to) });
    from = skipSpace(text, to);
  }
  if (end > from) units.push({ start: from, end });
}

function lastMatchEnd(pattern: RegExp, text: string): number | undefined {
  let end: number | undefined;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    end = match.index + match[0].length;
  }
  return end;
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

function trimEnd(text: string, index: number): number {
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return index;
}
