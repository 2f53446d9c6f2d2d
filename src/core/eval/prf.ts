import type { Span } from '../types';

/** Precision, recall and F1 (each 0..100) with the counts they come from. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  gold: number;
}

/** How a predicted span must meet a gold span to count: the same bounds, or any overlap. */
export type MatchMode = 'exact' | 'overlap';

/** Builds a score from counts; an empty side scores 100 only when both sides are empty. */
export function scoreFromCounts(truePositives: number, predicted: number, gold: number): Score {
  const precision = predicted === 0 ? (gold === 0 ? 100 : 0) : (100 * truePositives) / predicted;
  const recall = gold === 0 ? (predicted === 0 ? 100 : 0) : (100 * truePositives) / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, gold };
}

/** Adds up the counts of several scores (micro-averaging). */
export function sumScores(scores: readonly Score[]): Score {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const s of scores) {
    tp += s.truePositives;
    predicted += s.predicted;
    gold += s.gold;
  }
  return scoreFromCounts(tp, predicted, gold);
}

/** True when two spans meet under the given mode. */
export function spansMatch(a: Span, b: Span, mode: MatchMode): boolean {
  return mode === 'exact'
    ? a.start === b.start && a.end === b.end
    : a.start < b.end && b.start < a.end;
}

/**
 * Pairs predicted spans with gold spans one to one (greedy, in text order) and returns the pairs;
 * `accept` can add a condition (the same type, the same speaker) on top of the span match.
 */
export function matchSpans<P extends Span, G extends Span>(
  predicted: readonly P[],
  gold: readonly G[],
  mode: MatchMode,
  accept: (p: P, g: G) => boolean = () => true,
): Array<[P, G]> {
  const used = new Set<number>();
  const pairs: Array<[P, G]> = [];
  for (const p of predicted) {
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      if (!used.has(i) && spansMatch(p, g, mode) && accept(p, g)) {
        used.add(i);
        pairs.push([p, g]);
        break;
      }
    }
  }
  return pairs;
}

/** Scores predicted spans against gold spans. */
export function scoreSpans<P extends Span, G extends Span>(
  predicted: readonly P[],
  gold: readonly G[],
  mode: MatchMode,
  accept?: (p: P, g: G) => boolean,
): Score {
  return scoreFromCounts(
    matchSpans(predicted, gold, mode, accept).length,
    predicted.length,
    gold.length,
  );
}
