/**
 * Scores entity mentions against CoNLL-style gold annotations (PER, LOC, ORG, MISC). The extension
 * has no MISC type (nationalities, events, products), so MISC gold spans are never expected; a
 * prediction that overlaps a MISC span is reported apart and, in the lenient figure, not counted
 * as a false positive, because whether "Armenian Foreign Ministry" is MISC or ORG is a corpus
 * convention rather than an error the user would see. The strict figure counts it.
 */
import type { EntityMention, EntityType, Span } from '../types';
import { matchSpans, scoreFromCounts, sumScores, type MatchMode, type Score } from './prf';

/** A gold entity span as in the CoNLL dev data: type PER, LOC, ORG or MISC. */
export interface GoldEntity extends Span {
  type: string;
  text?: string;
}

/** The CoNLL tag each of our entity types is scored against. */
export const CONLL_TYPE: Record<EntityType, string> = {
  person: 'PER',
  place: 'LOC',
  organization: 'ORG',
};

const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** Scores of one matching mode: per type, micro overall, and predictions overlapping MISC. */
export interface EntityScores {
  byType: Record<EntityType, Score>;
  overall: Score;
  /** Predictions that overlap a MISC gold span (left out of `byType` and `overall` when lenient). */
  overlappingMisc: number;
}

/** Options of `scoreEntities`. */
export interface ScoreEntitiesOptions {
  /** Count predictions overlapping a MISC gold span as false positives (default false). */
  strictMisc?: boolean;
}

/** Scores one document's (or a corpus's) predicted mentions against gold spans. */
export function scoreEntities(
  predicted: readonly EntityMention[],
  gold: readonly GoldEntity[],
  mode: MatchMode,
  options: ScoreEntitiesOptions = {},
): EntityScores {
  const misc = gold.filter((entity) => entity.type === 'MISC');
  const overlapsMisc = (mention: Span): boolean =>
    misc.some((entity) => mention.start < entity.end && entity.start < mention.end);
  let overlappingMisc = 0;
  const byType = {} as Record<EntityType, Score>;
  for (const type of ENTITY_TYPES) {
    const goldOfType = gold.filter((entity) => entity.type === CONLL_TYPE[type]);
    const ofType = predicted.filter((mention) => mention.type === type);
    const unmatched = new Set(ofType);
    const pairs = matchSpans(ofType, goldOfType, mode);
    for (const [mention] of pairs) unmatched.delete(mention);
    let neutral = 0;
    for (const mention of unmatched) {
      if (overlapsMisc(mention)) neutral++;
    }
    overlappingMisc += neutral;
    const counted = options.strictMisc ? ofType.length : ofType.length - neutral;
    byType[type] = scoreFromCounts(pairs.length, counted, goldOfType.length);
  }
  return { byType, overall: sumScores(Object.values(byType)), overlappingMisc };
}

/** Adds up per-document scores (micro-averaging per type and overall). */
export function sumEntityScores(scores: readonly EntityScores[]): EntityScores {
  const byType = {} as Record<EntityType, Score>;
  for (const type of ENTITY_TYPES)
    byType[type] = sumScores(scores.map((score) => score.byType[type]));
  return {
    byType,
    overall: sumScores(Object.values(byType)),
    overlappingMisc: scores.reduce((total, score) => total + score.overlappingMisc, 0),
  };
}
