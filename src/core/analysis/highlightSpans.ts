import type { ArticleAnalysis } from '../types';
import type { SemanticKind } from './semanticKinds';

/** One highlighted span: what the semantic tokens provider turns into a token per line. */
export interface HighlightSpan {
  start: number;
  end: number;
  kind: SemanticKind;
  /** A speaker or date whose meaning came from context ("he", "last month"). */
  resolved: boolean;
}

/** Which kinds win where spans overlap: a date or a name inside a quotation shows as itself. */
const PRIORITY: Record<SemanticKind, number> = {
  speaker: 5,
  date: 4,
  person: 3,
  organization: 3,
  place: 3,
  quote: 1,
};

/**
 * Turns an analysis into sorted, non-overlapping highlight spans (semantic tokens may not
 * overlap). Where spans overlap, the higher-priority kind keeps its span and the other is cut
 * around it, so a quotation stays highlighted on both sides of a date inside it.
 */
export function buildHighlightSpans(
  analysis: Pick<ArticleAnalysis, 'quotes' | 'entities' | 'dates'>,
  enabled: Readonly<Record<SemanticKind, boolean>>,
): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const quote of analysis.quotes) {
    spans.push({ start: quote.start, end: quote.end, kind: 'quote', resolved: false });
    const speaker = quote.speaker;
    if (speaker) {
      const resolved = speaker.name !== speaker.text;
      spans.push({ start: speaker.start, end: speaker.end, kind: 'speaker', resolved });
    }
  }
  for (const entity of analysis.entities) {
    spans.push({ start: entity.start, end: entity.end, kind: entity.type, resolved: false });
  }
  for (const date of analysis.dates) {
    const resolved = date.value !== null && !/\d{4}/.test(date.text);
    spans.push({ start: date.start, end: date.end, kind: 'date', resolved });
  }
  const wanted = spans.filter((span) => enabled[span.kind] && span.end > span.start);
  // Paint from the highest priority down; each span keeps only the parts not yet painted.
  wanted.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start);
  const painted: HighlightSpan[] = [];
  for (const span of wanted) {
    for (const piece of subtractPainted(span, painted)) insertSorted(painted, piece);
  }
  return painted;
}

function subtractPainted(span: HighlightSpan, painted: readonly HighlightSpan[]): HighlightSpan[] {
  const pieces: HighlightSpan[] = [];
  let cursor = span.start;
  for (const other of overlapping(painted, span)) {
    if (other.start > cursor) pieces.push({ ...span, start: cursor, end: other.start });
    cursor = Math.max(cursor, other.end);
  }
  if (cursor < span.end) pieces.push({ ...span, start: cursor, end: span.end });
  return pieces;
}

/** The painted spans that overlap `span`, in order (painted is sorted by start). */
function overlapping(painted: readonly HighlightSpan[], span: HighlightSpan): HighlightSpan[] {
  let low = 0;
  let high = painted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (painted[middle]!.end <= span.start) low = middle + 1;
    else high = middle;
  }
  const found: HighlightSpan[] = [];
  for (let i = low; i < painted.length && painted[i]!.start < span.end; i++)
    found.push(painted[i]!);
  return found;
}

function insertSorted(painted: HighlightSpan[], piece: HighlightSpan): void {
  let low = 0;
  let high = painted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (painted[middle]!.start < piece.start) low = middle + 1;
    else high = middle;
  }
  painted.splice(low, 0, piece);
}
