/**
 * Scores found dates against TimeML gold (TempEval-3 style timexes). Detection is scored on DATE and
 * TIME timexes, with exact and overlapping extents. DURATION and SET timexes are outside the task:
 * they are not gold, and a predicted span that meets one (and no DATE or TIME) is set aside rather
 * than counted as a false positive, because TimeML annotators often call "last week" a duration.
 */
import type { DateMention, Span } from '../types';
import { matchSpans, scoreFromCounts, type Score } from './prf';

/** The TimeML timex types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** One gold timex: its span, type and TimeML value (`1998-08-07`, `1998-W32`, `PRESENT_REF`, ...). */
export interface GoldTimex extends Span {
  type: TimexType;
  value: string;
  text?: string;
}

/** How the values of the found dates compare with the gold values. */
export interface ValueScore {
  /** Gold DATE/TIME timexes met by a prediction (overlap matching). */
  found: number;
  /** Found dates whose value equals the gold value, compared as `normalizeTimexValue` says. */
  right: number;
  /** Found dates with a value that differs from the gold value. */
  wrong: number;
  /** Found dates given no value (null). */
  unresolved: number;
  /** `right / found`, 0..100 (100 when nothing was found). */
  accuracy: number;
}

/** The scores of one document or of a whole corpus. */
export interface DateScores {
  exact: Score;
  overlap: Score;
  value: ValueScore;
  /** Predictions set aside because they meet only a gold DURATION or SET. */
  setAside: number;
}

/** One predicted date paired with the gold timex it meets, for error listings. */
export interface DatePair {
  predicted: DateMention;
  gold: GoldTimex;
  valueRight: boolean;
}

/**
 * Brings a TimeML value to the granularity our values use: the date part of a TIME
 * (`1998-08-07T10:35` and `2000-03-29TEV` become `1998-08-07`), unspecified trailing fields dropped
 * (`1998-10-XX` becomes `1998-10`, `1968-XX` becomes `1968`) and ISO week numbers padded
 * (`2000-W7` becomes `2000-W07`). Other TimeML forms (`PRESENT_REF`, `1998-FA`, `199X`) stay as they
 * are, so a value in our formats never equals them.
 */
export function normalizeTimexValue(value: string | null): string | null {
  if (value === null) return null;
  let normalized = value.trim().replace(/^(\d{4}-\d{2}-\d{2})T.*$/, '$1');
  while (/-XX$/.test(normalized)) normalized = normalized.slice(0, -3);
  normalized = normalized.replace(/^(\d{4})-W(\d)$/, '$1-W0$2');
  return normalized;
}

/** Scores the dates found in one document against its gold timexes. */
export function scoreDates(
  predicted: readonly DateMention[],
  gold: readonly GoldTimex[],
): DateScores {
  return scoreDatesWithPairs(predicted, gold).scores;
}

/** Like `scoreDates`, also returning the matched pairs and the unmatched spans for error listings. */
export function scoreDatesWithPairs(
  predicted: readonly DateMention[],
  gold: readonly GoldTimex[],
): { scores: DateScores; pairs: DatePair[]; falsePositives: DateMention[]; misses: GoldTimex[] } {
  const targets = gold.filter((timex) => timex.type === 'DATE' || timex.type === 'TIME');
  const outside = gold.filter((timex) => timex.type === 'DURATION' || timex.type === 'SET');
  const meets = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
  const kept = predicted.filter(
    (p) => targets.some((g) => meets(p, g)) || !outside.some((g) => meets(p, g)),
  );
  const exactPairs = matchSpans(kept, targets, 'exact');
  const overlapPairs = matchSpans(kept, targets, 'overlap');
  const pairs = overlapPairs.map(([p, g]) => ({
    predicted: p,
    gold: g,
    valueRight: p.value !== null && normalizeTimexValue(p.value) === normalizeTimexValue(g.value),
  }));
  const right = pairs.filter((pair) => pair.valueRight).length;
  const unresolved = pairs.filter((pair) => pair.predicted.value === null).length;
  const matchedPredictions = new Set(overlapPairs.map(([p]) => p));
  const matchedGold = new Set(overlapPairs.map(([, g]) => g));
  return {
    scores: {
      exact: scoreFromCounts(exactPairs.length, kept.length, targets.length),
      overlap: scoreFromCounts(overlapPairs.length, kept.length, targets.length),
      value: valueScore(pairs.length, right, unresolved),
      setAside: predicted.length - kept.length,
    },
    pairs,
    falsePositives: kept.filter((p) => !matchedPredictions.has(p)),
    misses: targets.filter((g) => !matchedGold.has(g)),
  };
}

/** Adds up the counts of several documents' scores (micro-averaging). */
export function sumDateScores(all: readonly DateScores[]): DateScores {
  const add = (pick: (s: DateScores) => Score): Score => {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    for (const s of all) {
      tp += pick(s).truePositives;
      predicted += pick(s).predicted;
      gold += pick(s).gold;
    }
    return scoreFromCounts(tp, predicted, gold);
  };
  let found = 0;
  let right = 0;
  let unresolved = 0;
  let setAside = 0;
  for (const s of all) {
    found += s.value.found;
    right += s.value.right;
    unresolved += s.value.unresolved;
    setAside += s.setAside;
  }
  return {
    exact: add((s) => s.exact),
    overlap: add((s) => s.overlap),
    value: valueScore(found, right, unresolved),
    setAside,
  };
}

function valueScore(found: number, right: number, unresolved: number): ValueScore {
  return {
    found,
    right,
    wrong: found - right - unresolved,
    unresolved,
    accuracy: found === 0 ? 100 : (100 * right) / found,
  };
}
