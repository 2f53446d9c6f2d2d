import type { Quote, Span } from '../types';
import { matchSpans, scoreFromCounts, scoreSpans, sumScores, type Score } from './prf';

/** A gold quotation in the PolNeAR dev format of `../shared/dev-data` (snake_case as in the file). */
export interface GoldQuote extends Span {
  text?: string;
  speaker_text?: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
}

/** One gold document: its id and its quotations. */
export interface GoldQuoteRecord {
  id: string;
  quotes: readonly GoldQuote[];
}

/** One annotated document: its id (or file) and the quotations found in it. */
export interface PredictedQuoteRecord {
  id: string;
  quotes: readonly Quote[];
}

/** The share of found quotations whose speaker is right, with its counts. */
export interface SpeakerAccuracy {
  /** Found quotations (matched to a gold quotation) whose speaker agrees with the gold speaker. */
  correct: number;
  /** Found quotations. */
  found: number;
  /** `correct / found` as a percentage; 0 when nothing was found. */
  accuracy: number;
}

/** Every quotation figure `news-annotator eval` reports. */
export interface QuoteScores {
  /** Quotations with exactly the gold bounds. */
  exact: Score;
  /** Quotations that overlap a gold quotation. */
  overlap: Score;
  /** Speaker accuracy over quotations found with exact bounds. */
  speakers: SpeakerAccuracy;
  /** Speaker accuracy over quotations found with overlapping bounds. */
  speakersOverlap: SpeakerAccuracy;
  /** A true positive needs the exact quotation and an agreeing speaker. */
  quoteSpeaker: Score;
  documents: number;
}

/**
 * True when a predicted speaker agrees with the gold one: the mentions overlap (where the annotators
 * marked "he", the pronoun is the mention), or both are absent. A gold quotation without a speaker
 * counts as right only when none is predicted, so guessing a speaker is never free.
 */
export function speakerAgrees(predicted: Quote, gold: GoldQuote): boolean {
  const goldHasSpeaker = gold.speaker_start !== null && gold.speaker_end !== null;
  if (!predicted.speaker) return !goldHasSpeaker;
  if (!goldHasSpeaker) return false;
  return predicted.speaker.start < gold.speaker_end! && gold.speaker_start! < predicted.speaker.end;
}

function accuracyOf(pairs: ReadonlyArray<[Quote, GoldQuote]>): SpeakerAccuracy {
  const correct = pairs.filter(([p, g]) => speakerAgrees(p, g)).length;
  return {
    correct,
    found: pairs.length,
    accuracy: pairs.length === 0 ? 0 : (100 * correct) / pairs.length,
  };
}

function sumAccuracy(parts: readonly SpeakerAccuracy[]): SpeakerAccuracy {
  const correct = parts.reduce((n, p) => n + p.correct, 0);
  const found = parts.reduce((n, p) => n + p.found, 0);
  return { correct, found, accuracy: found === 0 ? 0 : (100 * correct) / found };
}

/**
 * Scores predicted quotations against gold records, micro-averaged over documents. Records are paired
 * by id; a gold document with no predicted record counts all its quotations as missed, and predicted
 * records with no gold record are ignored (nothing to score them against).
 */
export function scoreQuotes(
  predicted: readonly PredictedQuoteRecord[],
  gold: readonly GoldQuoteRecord[],
): QuoteScores {
  const byId = new Map(predicted.map((record) => [record.id, record.quotes]));
  const exact: Score[] = [];
  const overlap: Score[] = [];
  const quoteSpeaker: Score[] = [];
  const speakers: SpeakerAccuracy[] = [];
  const speakersOverlap: SpeakerAccuracy[] = [];
  for (const record of gold) {
    const found = [...(byId.get(record.id) ?? [])].sort((a, b) => a.start - b.start);
    const expected = [...record.quotes].sort((a, b) => a.start - b.start);
    exact.push(scoreSpans(found, expected, 'exact'));
    overlap.push(scoreSpans(found, expected, 'overlap'));
    quoteSpeaker.push(scoreSpans(found, expected, 'exact', speakerAgrees));
    speakers.push(accuracyOf(matchSpans(found, expected, 'exact')));
    speakersOverlap.push(accuracyOf(matchSpans(found, expected, 'overlap')));
  }
  return {
    exact: gold.length === 0 ? scoreFromCounts(0, 0, 0) : sumScores(exact),
    overlap: gold.length === 0 ? scoreFromCounts(0, 0, 0) : sumScores(overlap),
    speakers: sumAccuracy(speakers),
    speakersOverlap: sumAccuracy(speakersOverlap),
    quoteSpeaker: gold.length === 0 ? scoreFromCounts(0, 0, 0) : sumScores(quoteSpeaker),
    documents: gold.length,
  };
}
