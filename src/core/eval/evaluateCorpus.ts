import type { ArticleAnalysis } from '../types';
import { scoreDates, sumDateScores, type DateScores, type GoldTimex } from './scoreDates';
import {
  scoreEntities,
  sumEntityScores,
  type EntityScores,
  type GoldEntity,
} from './scoreEntities';
import { scoreQuotes, type GoldQuote, type QuoteScores } from './scoreQuotes';

/**
 * One gold document in the JSON Lines formats of the development data: its text, its date, and
 * any of quotations (PolNeAR), timexes (TimeML) and entities (CoNLL).
 */
export interface GoldDocument {
  id: string;
  text: string;
  dct?: string;
  quotes?: GoldQuote[];
  timexes?: GoldTimex[];
  entities?: GoldEntity[];
}

/** The figures `news-annotator eval` reports; a section is absent when no document has its gold. */
export interface EvaluationReport {
  documents: number;
  quotes?: QuoteScores;
  dates?: DateScores;
  entities?: { exact: EntityScores; overlap: EntityScores; strictExact: EntityScores };
}

/** Reads a gold record, or says why it cannot be used. */
export function readGoldDocument(value: unknown, fallbackId: string): GoldDocument | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a gold record must be a JSON object';
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return 'the gold record has no string "text"';
  const document: GoldDocument = {
    id: typeof record.id === 'string' ? record.id : fallbackId,
    text: record.text,
  };
  if (typeof record.dct === 'string') document.dct = record.dct.slice(0, 10);
  if (Array.isArray(record.quotes)) document.quotes = record.quotes as GoldQuote[];
  if (Array.isArray(record.timexes)) document.timexes = record.timexes as GoldTimex[];
  if (Array.isArray(record.entities)) document.entities = record.entities as GoldEntity[];
  return document;
}

/** Scores analyses against gold documents, pairing them by position. */
export function evaluateCorpus(
  gold: readonly GoldDocument[],
  analyses: readonly Pick<ArticleAnalysis, 'quotes' | 'dates' | 'entities'>[],
): EvaluationReport {
  const report: EvaluationReport = { documents: gold.length };
  const withQuotes = gold.flatMap((document, i) =>
    document.quotes ? [{ document, analysis: analyses[i]! }] : [],
  );
  if (withQuotes.length > 0) {
    report.quotes = scoreQuotes(
      withQuotes.map(({ document, analysis }) => ({ id: document.id, quotes: analysis.quotes })),
      withQuotes.map(({ document }) => ({ id: document.id, quotes: document.quotes! })),
    );
  }
  const dateScores = gold.flatMap((document, i) =>
    document.timexes ? [scoreDates(analyses[i]!.dates, document.timexes)] : [],
  );
  if (dateScores.length > 0) report.dates = sumDateScores(dateScores);
  const withEntities = gold.flatMap((document, i) =>
    document.entities ? [{ gold: document.entities, predicted: analyses[i]!.entities }] : [],
  );
  if (withEntities.length > 0) {
    const sum = (mode: 'exact' | 'overlap', strictMisc: boolean): EntityScores =>
      sumEntityScores(
        withEntities.map(({ gold: spans, predicted }) =>
          scoreEntities(predicted, spans, mode, { strictMisc }),
        ),
      );
    report.entities = {
      exact: sum('exact', false),
      overlap: sum('overlap', false),
      strictExact: sum('exact', true),
    };
  }
  return report;
}
