import { lineEndPattern } from '../text/lineEnds';
import type { Span } from '../types';

/** Whether a quotation is set in double marks (“…”, "…", «…», ``…'') or in single marks (‘…’, '…'). */
export type QuoteMarkKind = 'double' | 'single';

/** A paragraph: the span of text a quotation may not run out of without a closing mark. */
export interface Paragraph extends Span {
  index: number;
}

/** A quotation span before attribution, marks included, with its place in a multi-paragraph run. */
export interface QuoteSpan extends Span {
  kind: QuoteMarkKind;
  paragraph: number;
  /** True when a closing mark ends the span; false for a paragraph of a multi-paragraph quotation. */
  closed: boolean;
  /** True when this span continues the previous paragraph's unclosed quotation (news convention). */
  continuesPrevious: boolean;
  /** True when the quotation goes on in the next paragraph. */
  continuesNext: boolean;
}

/** A hard-wrapped line of wire copy is at most this long. */
const MAX_WRAPPED_LINE = 80;
/** How many marks after a possessive plural are searched for a later closing mark. */
const POSSESSIVE_LOOKAHEAD = 50;

/**
 * Splits text into paragraphs. A line break ends a paragraph unless the text is visibly hard-wrapped
 * (a short line that stops mid-sentence and a next line that goes on in lower case), because news
 * quotations never run over a paragraph end without a new opening mark.
 */
export function splitParagraphs(text: string, ranges?: readonly Span[]): Paragraph[] {
  const regions = ranges && ranges.length > 0 ? ranges : [{ start: 0, end: text.length }];
  const paragraphs: Paragraph[] = [];
  const lineBreak = lineEndPattern(text);
  for (const region of regions) {
    const start = Math.max(0, Math.min(region.start, text.length));
    const end = Math.max(start, Math.min(region.end, text.length));
    // The paragraph being built, as its start and end; -1 when there is none.
    let currentStart = -1;
    let currentEnd = -1;
    const close = (): void => {
      if (currentStart >= 0)
        paragraphs.push({ start: currentStart, end: currentEnd, index: paragraphs.length });
      currentStart = -1;
    };
    let lineStart = start;
    lineBreak.lastIndex = start;
    for (;;) {
      const match = lineBreak.exec(text);
      const lineEnd = match && match.index < end ? match.index : end;
      // The line without the white space around it.
      let from = lineStart;
      let to = lineEnd;
      while (from < to && isSpace(text.charCodeAt(from))) from++;
      while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
      if (from >= to) {
        close();
      } else if (currentStart >= 0 && continuesWrappedLine(text, currentStart, currentEnd, from)) {
        currentEnd = to;
      } else {
        close();
        currentStart = from;
        currentEnd = to;
      }
      if (lineEnd === end) break;
      lineStart = lineEnd + match![0].length;
    }
    close();
  }
  return paragraphs;
}

function continuesWrappedLine(
  text: string,
  previousStart: number,
  previousEnd: number,
  lineStart: number,
): boolean {
  const lastLineStart = Math.max(previousStart, text.lastIndexOf('\n', previousEnd - 1) + 1);
  if (previousEnd - lastLineStart > MAX_WRAPPED_LINE) return false;
  const last = text[previousEnd - 1] ?? '';
  if (/[.!?:;"”»’']/.test(last)) return false;
  return /\p{Ll}/u.test(text[lineStart] ?? '');
}

/** True for white space, including the no-break space scrapers leave in articles. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A quotation mark found in a paragraph, with what its neighbours allow it to do. */
interface Mark {
  at: number;
  length: number;
  kind: QuoteMarkKind;
  /** The family a closing mark must belong to: curly, straight, guillemet or TeX. */
  family: 'curly' | 'straight' | 'guillemet' | 'tex' | 'low';
  canOpen: boolean;
  canClose: boolean;
}

const OPENING_PUNCTUATION = '([{\u2014\u2013-/\u2015';
const CLOSING_PUNCTUATION = '.,;:!?)]}\u2014\u2013-/\u2026\u2015';
/** Contractions and elisions that begin with an apostrophe and are not quotations: ’90s, ’n’, ’em. */
const LEADING_ELISION =
  /^(?:\d\ds?\b|\d0s|n['’]|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b|nuff\b|ol\b|ya\b)/i;

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

function isOpeningContext(ch: string): boolean {
  return ch === '' || isSpace(ch.charCodeAt(0)) || OPENING_PUNCTUATION.includes(ch);
}

function isClosingContext(ch: string): boolean {
  return ch === '' || isSpace(ch.charCodeAt(0)) || CLOSING_PUNCTUATION.includes(ch);
}

/** Finds the quotation marks of one paragraph and decides, from their neighbours, which can open or close. */
function findMarks(text: string, paragraph: Span): Mark[] {
  const marks: Mark[] = [];
  const { start, end } = paragraph;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (!'"“”„‟«»`\'‘’‚'.includes(ch)) continue;
    const before = i > start ? text[i - 1]! : '';
    // Marks already read as quotation marks count as opening or closing context for their neighbours.
    const nextIndex = ch === '`' || ch === "'" ? i + (text[i + 1] === ch ? 2 : 1) : i + 1;
    const after = nextIndex < end ? text[nextIndex]! : '';
    const openSide = isOpeningContext(before) || '"“‘«„'.includes(before);
    const closeSide = isClosingContext(after) || '"”’»\''.includes(after);
    switch (ch) {
      case '“':
      case '‟':
        marks.push({
          at: i,
          length: 1,
          kind: 'double',
          family: 'curly',
          // A left mark with a space after it and a word before it was typed the wrong way round.
          canOpen: !(closeSide && after !== '' && !openSide) || after === '"',
          canClose: !openSide && (after === '' || isSpace(after.charCodeAt(0))),
        });
        break;
      case '”':
        marks.push({
          at: i,
          length: 1,
          kind: 'double',
          family: 'curly',
          canOpen: before === '' || (openSide && !closeSide),
          canClose: before !== '' && !isSpace(before.charCodeAt(0)),
        });
        break;
      case '„':
        marks.push({
          at: i,
          length: 1,
          kind: 'double',
          family: 'low',
          canOpen: true,
          canClose: false,
        });
        break;
      case '«':
        marks.push({
          at: i,
          length: 1,
          kind: 'double',
          family: 'guillemet',
          canOpen: true,
          canClose: false,
        });
        break;
      case '»':
        marks.push({
          at: i,
          length: 1,
          kind: 'double',
          family: 'guillemet',
          canOpen: false,
          canClose: true,
        });
        break;
      case '"': {
        // An inch mark after a height such as 6'3" is not a quotation mark.
        if (/\d/.test(before) && /['’]\d{1,2}$/.test(text.slice(Math.max(start, i - 4), i))) break;
        const canOpen =
          !(after === '' || isSpace(after.charCodeAt(0))) && (openSide || !isWordChar(before));
        const canClose =
          !(before === '' || isSpace(before.charCodeAt(0))) && (closeSide || !isWordChar(after));
        marks.push({
          at: i,
          length: 1,
          kind: 'double',
          family: 'straight',
          canOpen: canOpen || (!canClose && !isWordChar(before)),
          canClose: canClose || (!canOpen && !isWordChar(after)),
        });
        break;
      }
      case '`':
        if (text[i + 1] === '`') {
          marks.push({
            at: i,
            length: 2,
            kind: 'double',
            family: 'tex',
            canOpen: true,
            canClose: false,
          });
          i++;
        }
        break;
      case "'":
        if (text[i + 1] === "'" && i + 1 < end) {
          // Two apostrophes close a ``TeX-style'' quotation in wire copy.
          // Two apostrophes only close: as openers they are too often plain typing (6'2'', ''s).
          marks.push({
            at: i,
            length: 2,
            kind: 'double',
            family: 'tex',
            canOpen: false,
            canClose: true,
          });
          i++;
          break;
        }
        marks.push(singleMark(text, i, start, end, before, after, 'straight'));
        break;
      case '‘':
      case '‚':
        marks.push(singleMark(text, i, start, end, before, after, 'curly'));
        break;
      case '’': {
        const mark = singleMark(text, i, start, end, before, after, 'curly');
        // A right single mark at the start of a word is an apostrophe (’90s, ’n’) in all but name.
        mark.canOpen = false;
        marks.push(mark);
        break;
      }
    }
  }
  return marks;
}

function singleMark(
  text: string,
  i: number,
  start: number,
  end: number,
  before: string,
  after: string,
  family: 'curly' | 'straight',
): Mark {
  const rest = text.slice(i + 1, Math.min(end, i + 8));
  const atWordStart =
    (i === start || isOpeningContext(before) || '"“'.includes(before)) && isWordCharOrMark(after);
  const canOpen = atWordStart && !LEADING_ELISION.test(rest);
  // Inside a word (don't, Russia’s) a single mark is an apostrophe and neither opens nor closes.
  const canClose = before !== '' && !isSpace(before.charCodeAt(0)) && !isWordChar(after);
  return { at: i, length: 1, kind: 'single', family, canOpen, canClose };
}

function isWordCharOrMark(ch: string): boolean {
  return ch !== '' && (isWordChar(ch) || '"“…$€£(['.includes(ch));
}

function closes(open: Mark, mark: Mark): boolean {
  if (!mark.canClose || mark.kind !== open.kind) return false;
  if (open.kind === 'single') return true;
  if (open.family === mark.family) return true;
  // Mixed typing: a curly opener closed by a straight mark, or German „…“ marks.
  if (open.family === 'low') return mark.family === 'curly' || mark.family === 'straight';
  return (
    (open.family === 'curly' || open.family === 'straight') &&
    (mark.family === 'curly' || mark.family === 'straight')
  );
}

/**
 * A closing mark for `open` later in the paragraph, skipping marks that belong to a quotation nested
 * inside it. Returns the index in `marks` or -1.
 */
function findCloser(text: string, marks: readonly Mark[], from: number, open: Mark): number {
  let nested: Mark | null = null;
  let mixedCandidate = -1;
  for (let k = from; k < marks.length; k++) {
    const mark = marks[k]!;
    if (nested) {
      if (
        mark.canClose &&
        mark.kind === nested.kind &&
        (nested.kind === 'single' || mark.family === nested.family || closes(nested, mark))
      ) {
        // A nested quotation closes before its container; a lone single mark inside may be an apostrophe.
        if (!(mark.canOpen && mark.kind === 'single' && mark.family === 'straight')) nested = null;
        continue;
      }
      if (mark.kind === open.kind && mark.family === open.family && mark.canClose && !mark.canOpen)
        return k;
      continue;
    }
    if (open.kind === 'double' && mark.kind === 'single') {
      if (mark.canOpen && !mark.canClose) nested = mark;
      continue;
    }
    if (mark.kind === open.kind && mark.family === open.family) {
      if (mark.canClose && !(mark.canOpen && !mark.canClose)) {
        // A possessive plural (students' union) is not the end of a single-quoted quotation when a
        // later mark can close it.
        if (open.kind === 'single' && isPossessivePlural(text, marks, k)) continue;
        return k;
      }
      if (mark.canOpen) nested = mark;
      continue;
    }
    if (closes(open, mark) && !mark.canOpen) {
      if (mixedCandidate === -1) mixedCandidate = k;
      continue;
    }
    if (mark.kind === open.kind && mark.canOpen) nested = mark;
  }
  return mixedCandidate;
}

function isPossessivePlural(text: string, marks: readonly Mark[], k: number): boolean {
  const mark = marks[k]!;
  const after = text.slice(mark.at + 1, mark.at + 3);
  if (text[mark.at - 1] !== 's' || !/^ \p{Ll}/u.test(after)) return false;
  return marks
    .slice(k + 1, k + 1 + POSSESSIVE_LOOKAHEAD)
    .some((m) => m.kind === 'single' && m.canClose);
}

/** A quotation span made by one paragraph's marks, marks included. */
export interface MarkedSpan extends Span {
  kind: QuoteMarkKind;
}

/** What one paragraph's marks make on their own, before the paragraphs around it are known. */
export interface ParagraphSpans {
  /** The spans a closing mark ends, in text order. */
  closed: MarkedSpan[];
  /** An opener with no closer, running to the paragraph's end if `linkQuoteSpans` keeps it. */
  open: MarkedSpan | null;
}

/**
 * Finds the spans of one paragraph from its marks. Reads `text` from one character before the
 * paragraph to two characters after it, so a window of the text that wide gives the same spans.
 */
export function findParagraphSpans(text: string, paragraph: Span): ParagraphSpans {
  const marks = findMarks(text, paragraph);
  const closed: MarkedSpan[] = [];
  let k = 0;
  while (k < marks.length) {
    const mark = marks[k]!;
    if (!mark.canOpen) {
      k++;
      continue;
    }
    const closer = findCloser(text, marks, k + 1, mark);
    if (closer !== -1) {
      const end = marks[closer]!.at + marks[closer]!.length;
      closed.push({ start: mark.at, end, kind: mark.kind });
      k = closer + 1;
      continue;
    }
    // An opener with no closer: the quotation may run on to the end of the paragraph.
    const runsOn = mark.kind === 'double' || mark.at === paragraph.start;
    return {
      closed,
      open: runsOn ? { start: mark.at, end: paragraph.end, kind: mark.kind } : null,
    };
  }
  return { closed, open: null };
}

/**
 * Turns each paragraph's spans into the article's quotation spans. A quotation left open at the
 * end of a paragraph runs to the paragraph's end only when the next paragraph opens with a mark
 * (the news convention for quotations over several paragraphs) or when it fills its whole
 * paragraph; any other unmatched mark is ignored, so it never swallows the rest of the article.
 * `found[p]` holds the spans of `paragraphs[p]`, with offsets `found[p].base` less than the text's.
 */
export function linkQuoteSpans(
  text: string,
  paragraphs: readonly Paragraph[],
  found: readonly { spans: ParagraphSpans; base: number }[],
): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried: QuoteMarkKind | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    const { spans: own, base } = found[p]!;
    const continuing = carried !== null && spans.length > 0;
    carried = null;
    for (const span of own.closed) spans.push(placeSpan(span, base, paragraph, true, continuing));
    if (!own.open) continue;
    const openAtEnd = placeSpan(own.open, base, paragraph, false, continuing);
    const next = paragraphs[p + 1];
    const nextOpens = next !== undefined && opensWithMark(text, next, openAtEnd.kind);
    if (nextOpens) {
      openAtEnd.continuesNext = true;
      carried = openAtEnd.kind;
      spans.push(openAtEnd);
    } else if (openAtEnd.start === paragraph.start || openAtEnd.continuesPrevious) {
      // A whole paragraph after an opening mark is a quotation whose closing mark was lost.
      spans.push(openAtEnd);
    }
  }
  // Runs: a span that continues the previous one links back to a span that continues to it.
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.continuesPrevious && !spans[i - 1]!.continuesNext) span.continuesPrevious = false;
  }
  return spans;
}

/** A paragraph's span in the text's offsets; only a span opening the paragraph continues a run. */
function placeSpan(
  span: MarkedSpan,
  base: number,
  paragraph: Paragraph,
  closed: boolean,
  continuing: boolean,
): QuoteSpan {
  const start = span.start + base;
  return {
    start,
    end: span.end + base,
    kind: span.kind,
    paragraph: paragraph.index,
    closed,
    continuesPrevious: continuing && start === paragraph.start,
    continuesNext: false,
  };
}

function opensWithMark(text: string, paragraph: Span, kind: QuoteMarkKind): boolean {
  const ch = text[paragraph.start] ?? '';
  if (kind === 'double') return '"“”„«'.includes(ch) || text.startsWith('``', paragraph.start);
  return "'‘".includes(ch);
}
