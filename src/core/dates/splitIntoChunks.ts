/**
 * Cuts text into the pieces the date parser reads one at a time: lines, and sentences of lines
 * that are very long. Dates never run across a line break, so nothing is lost; parsing piece by
 * piece keeps a failure local and the cost linear, and a CRLF text yields the same pieces as its LF
 * twin.
 */
import { lineEndPattern } from '../text/lineEnds';
import type { Span } from '../types';

/** The longest piece handed to the parser at once. */
const MAX_CHUNK = 1000;
const SENTENCE_END = /[.!?]["”’)\]]*\s+/g;

/** The non-blank lines of `text`, with lines longer than `MAX_CHUNK` cut at sentence ends. */
export function splitIntoChunks(text: string): Span[] {
  const chunks: Span[] = [];
  const lineBreak = lineEndPattern(text);
  let start = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    if (/\S/.test(text.slice(start, end))) chunks.push(...cutLongLine(text, { start, end }));
    if (!match) break;
    start = match.index + match[0].length;
  }
  return chunks;
}

/** The sentences of one span, for retrying a chunk the parser failed on. */
export function splitIntoSentences(text: string, span: Span): Span[] {
  const sentences: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let start = 0;
  for (const match of slice.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    sentences.push({ start: span.start + start, end: span.start + end });
    start = end;
  }
  if (start < slice.length) sentences.push({ start: span.start + start, end: span.end });
  return sentences;
}

function cutLongLine(text: string, line: Span): Span[] {
  const pieces: Span[] = [];
  let start = line.start;
  while (line.end - start > MAX_CHUNK) {
    const window = text.slice(start, start + MAX_CHUNK);
    let cut = -1;
    for (const match of window.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
    if (cut <= 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = MAX_CHUNK;
    let end = start + cut;
    // Never cut between the two halves of a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end--;
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: line.end });
  return pieces;
}
