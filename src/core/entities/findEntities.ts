/**
 * Finds people, places and organisations in an article. compromise's tagger is too slow and too
 * loose for news, so the finder reads capitalised phrases itself and classifies them with news
 * rules (titles, organisation heads, acronyms, datelines, results tables), the world-countries
 * gazetteer and the word classes of compromise's lexicon, then makes the document consistent: once
 * "Grigory Karasin" is a person, "Karasin" is the same person everywhere in the document.
 */
import { flattenZones } from '../article/parseArticle';
import { isDemonymLike, lookupDemonym, lookupGazetteer } from '../gazetteer/gazetteer';
import { isLexiconCountry, lookupLexicon, type LexiconClass } from '../nlp/nameLexicon';
import type { EntityMention, EntityType, Span, Zone } from '../types';
import {
  AFFILIATIONS,
  COMPASS_WORDS,
  EVENT_HEADS,
  SINGLE_WORD_INSTITUTIONS,
  FUNCTION_WORDS,
  MID_TITLES,
  MONTH_NAME,
  NAME_PREFIXES,
  UNIT_WORDS,
  NAME_CONNECTORS,
  NEWS_AGENCIES,
  NOT_ACRONYMS,
  ORGANIZATION_FOLLOWERS,
  ORGANIZATION_HEADS,
  ORGANIZATION_PRECEDERS,
  PERSON_CONNECTORS,
  PLACE_HEADS,
  PLACE_MODIFIED_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_STARTS,
  ROLE_WORDS,
  SAY_WORDS,
  TITLE_WORDS,
} from './entityWords';
import {
  retokenizeWords,
  tokenizeWithLines,
  tokenizeWords,
  type Tokenization,
  type WordToken,
} from './tokenizeWords';

/** Options of `findEntities`. */
export interface FindEntitiesOptions {
  /** The article's zones from `parseArticle`; datelines and boilerplate refine the rules. */
  zones?: Zone[];
  /** Called with every mention and the rule that typed it; for tuning and debugging only. */
  explain?: (mention: EntityMention, rule: string) => void;
}

/**
 * How sure a rule is. Strong rules (a title, an organisation word, the gazetteer) are final; the
 * lexicon is outvoted by strong evidence elsewhere in the document; guesses and unknowns take the
 * document's word first and fall back on context and defaults.
 */
const enum Strength {
  Unknown = 0,
  Guess = 1,
  Lexicon = 2,
  Strong = 3,
}

interface Candidate {
  tokens: WordToken[];
  type: EntityType | null;
  name: string;
  strength: Strength;
  /** The rule that settled the type, for `FindEntitiesOptions.explain`. */
  rule: string;
  /** The phrase as written and in lower case, once asked (see `surfaceOf`). */
  surface?: { written: string; key: string };
}

interface DocumentNames {
  /** Lower-cased surface → weighted votes per type, with the canonical name of each. */
  surfaces: Map<string, { type: EntityType; name: string; votes: number }[]>;
  /** Lower-cased surname → the full names of the people who carry it. */
  surnames: Map<string, Set<string>>;
  /** Lower-cased shorter forms of organisations ("minsk group") → the full name. */
  organizationAliases: Map<string, string>;
}

/** What the finder knows about the document while classifying a phrase. */
interface DocumentContext {
  text: string;
  tokens: readonly WordToken[];
  /** Words seen in lower case somewhere ("trailing"), so a capitalised one at a sentence start is ordinary. */
  lowerForms: WordLookup;
  /** Words seen capitalised inside a sentence, so they are names even at a sentence start. */
  midSentenceCapitals: WordLookup;
  boilerplate: readonly Zone[];
}

const AFTER_DATELINE =
  /^(?:,\s*[\p{L} .]{2,30}?)?\s*(?:\([\p{L} ]+\)\s*)?(?:[—–]|--?\s+(?!\p{Lu}{2})|\d{4}-\d\d-\d\d|\p{Lu}\p{Ll}{2,8}\.? \d)/u;
const SCORE_AFTER = /^[ \t]+\d+(?:[-–/]\d+)?(?:[\s,;.)]|$)/;
const NUMBER = /\d+/g;
const LINE_WINDOW = 300;
const STRICT_PLACE_PREPOSITIONS = new Set(['in', 'near', 'across', 'outside', 'throughout']);

/** Finds the named entities of a text; never throws (a failure loses the entities, not the caller). */
export function findEntities(text: string, options: FindEntitiesOptions = {}): EntityMention[] {
  try {
    return findEntitiesUnguarded(text, options);
  } catch {
    return [];
  }
}

function isOrdinaryWord(lower: string): boolean {
  if (lower.length < 3) return false;
  if (FUNCTION_WORDS.has(lower)) return true;
  return lookupLexicon(lower) === 'common';
}

function findEntitiesUnguarded(text: string, options: FindEntitiesOptions): EntityMention[] {
  const tokens = tokenizeEntityWords(text);
  const { lowerForms, midSentenceCapitals } = collectWordForms(tokens);
  const zones = options.zones ?? [];
  const { candidates, capsChunks } = collectParagraphCandidates(
    text,
    tokens,
    lowerForms,
    midSentenceCapitals,
    collectZones(zones, (zone) => zone.kind === 'dateline'),
  );
  const boilerplate = collectZones(zones, (zone) => zone.kind === 'boilerplate');
  return finishDocumentEntities({
    units: [{ offset: 0, text, tokens, candidates, capsChunks, boilerplate }],
    lowerForms,
    midSentenceCapitals,
    explain: options.explain,
  });
}

/** Tokenises text the way the entity rules read it (title-case headlines told from name lists). */
export function tokenizeEntityWords(text: string): WordToken[] {
  return tokenizeWords(text, isOrdinaryWord);
}

/** `tokenizeEntityWords`, with what `retokenizeEntityText` needs to start from it. */
export function tokenizeEntityText(text: string): Tokenization {
  return tokenizeWithLines(text, isOrdinaryWord);
}

/**
 * What `tokenizeEntityText(text)` gives, worked out from another text's tokenisation (see
 * `retokenizeWords`): after an edit, only the words around the change are matched again.
 */
export function retokenizeEntityText(previous: Tokenization, text: string): Tokenization {
  return retokenizeWords(previous, text, isOrdinaryWord);
}

/** A set of lower-cased words the rules ask about; only membership is needed. */
export interface WordLookup {
  has(word: string): boolean;
}

/**
 * The words written in lower case somewhere and the words capitalised inside a sentence. Each is a
 * union over the text's lines, so a document's sets are the unions of its paragraphs' sets.
 */
export function collectWordForms(tokens: readonly WordToken[]): {
  lowerForms: Set<string>;
  midSentenceCapitals: Set<string>;
} {
  const lowerForms = new Set<string>();
  const midSentenceCapitals = new Set<string>();
  for (const token of tokens) {
    if (token.capsLine) continue;
    if (!token.capitalised) lowerForms.add(token.lower);
    else if (!token.sentenceStart) midSentenceCapitals.add(token.lower);
  }
  return { lowerForms, midSentenceCapitals };
}

/** A classified phrase before the document settles it; opaque outside the entity finder. */
export type EntityCandidate = Candidate;

/**
 * Copies a candidate, so that a cached one is never changed by resolution. The phrase's surface
 * is worked out on the original first, so every copy shares it.
 */
function copyCandidate(candidate: EntityCandidate): EntityCandidate {
  surfaceOf(candidate);
  return { ...candidate };
}

/**
 * The paragraph-local phase: chunks capitalised words into phrases, takes datelines, sets capitals
 * lines aside and classifies every other phrase from its words and immediate neighbours. Whole
 * lines are independent here (chunks, neighbours and sentence starts never cross a line break; the
 * look-ahead after a phrase is at most 40 characters), so `text` may be one paragraph followed by
 * the next 40 characters of the document. The only document-level inputs are the two word sets.
 */
export function collectParagraphCandidates(
  text: string,
  tokens: readonly WordToken[],
  lowerForms: WordLookup,
  midSentenceCapitals: WordLookup,
  datelines: readonly Span[],
): { candidates: EntityCandidate[]; capsChunks: WordToken[][] } {
  const context = paragraphContext(text, tokens, lowerForms, midSentenceCapitals);
  const candidates: Candidate[] = [];
  const capsChunks: WordToken[][] = [];
  let previousDateline: Candidate | null = null;
  for (const chunk of buildChunks(text, tokens)) {
    const dateline = datelineCandidate(text, chunk, datelines, previousDateline);
    previousDateline = dateline;
    if (dateline) {
      candidates.push(dateline);
      continue;
    }
    if (chunk[0]!.capsLine || chunk.every((token) => token.upper && token.text.length > 7)) {
      capsChunks.push(chunk);
      continue;
    }
    for (const segment of trimChunk(chunk, context))
      candidates.push(...classifyPhrase(segment, context));
  }
  return { candidates, capsChunks };
}

/** What the phrase rules read of one unit: its text and tokens, and the document's word sets. */
function paragraphContext(
  text: string,
  tokens: readonly WordToken[],
  lowerForms: WordLookup,
  midSentenceCapitals: WordLookup,
): DocumentContext {
  return { text, tokens, lowerForms, midSentenceCapitals, boilerplate: [] };
}

/** A unit's classified phrases, as `collectParagraphCandidates` gives them, and what it read. */
export interface ParagraphCandidates {
  /** The unit's text and the characters after it that the rules read. */
  text: string;
  tokens: readonly WordToken[];
  candidates: readonly EntityCandidate[];
  /** The datelines over the unit, in the unit's offsets. */
  datelines: readonly Span[];
  /** Its chunks by what they read (see `chunkKey`), once worked out. */
  chunks?: ChunkReadings;
}

/** Chunks by what their classification read: where each starts and the phrases it gave. */
export type ChunkReadings = Map<string, { first: number; candidates: readonly EntityCandidate[] }>;

/**
 * `collectParagraphCandidates` for an edited unit, re-using the phrases of `previous` (the unit
 * before the edit, classified under word-set answers that still hold) for every chunk that reads
 * the same (see `chunkKey`). The result is what `collectParagraphCandidates` gives, with the
 * unit's chunk readings for the next edit.
 */
export function collectParagraphCandidatesFrom(
  previous: ParagraphCandidates,
  text: string,
  tokens: readonly WordToken[],
  lowerForms: WordLookup,
  midSentenceCapitals: WordLookup,
  datelines: readonly Span[],
): { candidates: EntityCandidate[]; capsChunks: WordToken[][]; chunks: ChunkReadings } {
  const reusable = previous.chunks ?? chunkReadings(previous);
  const chunks: ChunkReadings = new Map();
  const context = paragraphContext(text, tokens, lowerForms, midSentenceCapitals);
  const unit = { text, tokens, datelines };
  const candidates: Candidate[] = [];
  const capsChunks: WordToken[][] = [];
  let previousDateline: Candidate | null = null;
  for (const chunk of buildChunks(text, tokens)) {
    const first = tokenIndex(tokens, chunk[0]!);
    const key = chunkKey(unit, chunk, first, previousDateline);
    const known = key === undefined ? undefined : reusable.get(key);
    let found: Candidate[];
    if (known) {
      found = known.candidates.map((candidate) => ({
        ...candidate,
        tokens: candidate.tokens.map(
          (token) => tokens[tokenIndex(previous.tokens, token) - known.first + first]!,
        ),
      }));
    } else {
      found = classifyChunk(chunk, context, datelines, previousDateline);
    }
    const dateline = found.length === 1 && found[0]!.rule === DATELINE_RULE ? found[0]! : null;
    previousDateline = dateline;
    if (found.length === 0 && isCapsChunk(chunk)) capsChunks.push(chunk);
    for (const candidate of found) candidates.push(candidate);
    if (key !== undefined) chunks.set(key, { first, candidates: found });
  }
  return { candidates, capsChunks, chunks };
}

/** The phrases of one chunk: a dateline, nothing for a capitals chunk, or its classified phrases. */
function classifyChunk(
  chunk: WordToken[],
  context: DocumentContext,
  datelines: readonly Span[],
  previousDateline: Candidate | null,
): Candidate[] {
  const dateline = datelineCandidate(context.text, chunk, datelines, previousDateline);
  if (dateline) return [dateline];
  if (isCapsChunk(chunk)) return [];
  const found: Candidate[] = [];
  for (const segment of trimChunk(chunk, context)) found.push(...classifyPhrase(segment, context));
  return found;
}

/** A chunk in a capitals line, or of long words all in capitals: matched later, not classified. */
function isCapsChunk(chunk: readonly WordToken[]): boolean {
  return chunk[0]!.capsLine || chunk.every((token) => token.upper && token.text.length > 7);
}

/** The chunk readings of a unit classified by `collectParagraphCandidates`. */
function chunkReadings(unit: ParagraphCandidates): ChunkReadings {
  const chunks = buildChunks(unit.text, unit.tokens);
  // Each candidate's tokens lie inside the chunk it was classified in.
  const chunkAt = new Map<number, number>();
  const grouped = chunks.map((chunk, c): EntityCandidate[] => {
    const first = tokenIndex(unit.tokens, chunk[0]!);
    for (let k = 0; k < chunk.length; k++) chunkAt.set(first + k, c);
    return [];
  });
  for (const candidate of unit.candidates) {
    grouped[chunkAt.get(tokenIndex(unit.tokens, candidate.tokens[0]!))!]!.push(candidate);
  }
  const readings: ChunkReadings = new Map();
  let previousDateline: Candidate | null = null;
  chunks.forEach((chunk, c) => {
    const first = tokenIndex(unit.tokens, chunk[0]!);
    const found = grouped[c]!;
    const key = chunkKey(unit, chunk, first, previousDateline);
    previousDateline = found.length === 1 && found[0]!.rule === DATELINE_RULE ? found[0]! : null;
    if (key !== undefined) readings.set(key, { first, candidates: found });
  });
  return readings;
}

/** The rule of a dateline's place (see `datelinePlace`). */
const DATELINE_RULE = 'dateline';

/**
 * Everything the classification of `chunk` reads besides the word sets and the lexicons, as a
 * string: the characters from the token before it to the two after it, 24 characters past it (40
 * either side where it can be a dateline), those tokens' offsets, sentence starts, capitals lines
 * and line breaks, and the dateline state. `undefined` when a score after one of its words makes
 * the rules read the whole line.
 */
function chunkKey(
  unit: { text: string; tokens: readonly WordToken[]; datelines: readonly Span[] },
  chunk: readonly WordToken[],
  first: number,
  previousDateline: Candidate | null,
): string | undefined {
  const { text, tokens } = unit;
  for (const token of chunk) {
    if (SCORE_AFTER.test(text.slice(token.end, token.end + 24))) return undefined;
  }
  const head = chunk[0]!;
  const tail = chunk[chunk.length - 1]!;
  const inZone = unit.datelines.some((zone) => head.start >= zone.start && tail.end <= zone.end);
  // `datelineCandidate` reads 40 characters either side only of these.
  const datelineLike =
    inZone ||
    previousDateline !== null ||
    (chunk.length <= 4 &&
      chunk.every((token) => token.upper && token.text.replace(/\./g, '').length >= 3));
  const margin = datelineLike ? 40 : 24;
  // The neighbours read: the token before the chunk and the two after it.
  const from = Math.max(0, first - 1);
  const to = Math.min(tokens.length - 1, first + chunk.length + 1);
  const start = Math.min(Math.max(0, head.start - (datelineLike ? 40 : 0)), tokens[from]!.start);
  const end = Math.min(text.length, Math.max(tail.end + margin, tokens[to]!.end + 8));
  let key = `${end - start}\u0000${text.slice(start, end)}\u0000${first - from}\u0000${inZone ? 1 : 0}`;
  for (let k = from; k <= to; k++) {
    const token = tokens[k]!;
    key += `\u0000${token.start - start},${token.end - start},${token.sentenceStart ? 1 : 0},${token.capsLine ? 1 : 0},${token.line - head.line}`;
  }
  if (previousDateline) {
    const previousEnd = previousDateline.tokens[previousDateline.tokens.length - 1]!;
    key += `\u0001${previousEnd.line - head.line}\u0000${text.slice(previousEnd.end, head.start)}`;
  }
  return key;
}

/**
 * A stretch of the document as the document-level phase reads it: whole lines, in their own
 * offsets, so that a paragraph's tokens and phrases are used as they were found.
 */
export interface EntityUnit {
  /** Where the unit starts in the document. */
  offset: number;
  /** The unit's text, and after it at least the 40 characters the rules read past a phrase. */
  text: string;
  tokens: readonly WordToken[];
  /** The unit's classified phrases; resolution works on copies. */
  candidates: readonly EntityCandidate[];
  capsChunks: readonly WordToken[][];
  /** The boilerplate zones over the unit, in the unit's offsets. */
  boilerplate: readonly Zone[];
}

/** What the document-level phase needs: the document's units and its word sets. */
export interface DocumentEntityInput {
  units: readonly EntityUnit[];
  lowerForms: WordLookup;
  midSentenceCapitals: WordLookup;
  explain?: FindEntitiesOptions['explain'];
}

/**
 * The document-level phase: collects the names the document establishes, resolves every phrase
 * against them (aliases, surnames, strongest type), spreads context types and matches capitals
 * lines. Neighbours and line breaks never cross a unit's edge (units are whole lines), so each
 * phrase is read in its own unit, and each unit's mentions are sorted on their own.
 */
export function finishDocumentEntities(input: DocumentEntityInput): EntityMention[] {
  const { units } = input;
  const names = collectEntityNames(units.map((unit) => unit.candidates));
  const resolved = units.map((unit) =>
    resolveUnit(unit, names, input.lowerForms, input.midSentenceCapitals),
  );
  const votes = collectContextVotes(resolved);
  const mentions: EntityMention[] = [];
  units.forEach((unit, u) => {
    const typed = typedMentions(unit, resolved[u]!, spreadTypes(resolved[u]!, votes));
    for (const mention of typed) input.explain?.(placeMention(mention, unit.offset), mention.rule);
    for (const mention of sortWithoutOverlaps(typed))
      mentions.push(placeMention(mention, unit.offset));
  });
  return mentions;
}

/** The names a document establishes, with their short forms; opaque outside the entity finder. */
export type EntityNames = DocumentNames;

/** Collects the names the document establishes from every unit's classified phrases, in order. */
export function collectEntityNames(units: readonly (readonly EntityCandidate[])[]): EntityNames {
  const candidates: Candidate[] = [];
  for (const unit of units) for (const candidate of unit) candidates.push(candidate);
  return collectDocumentNames(candidates);
}

/**
 * Everything `collectEntityNames` reads of a unit's phrases, as a string: units with equal
 * signatures, in the same order, establish the same names.
 */
export function nameSignature(candidates: readonly EntityCandidate[]): string {
  const parts: string[] = [];
  for (const candidate of candidates) {
    if (!candidate.type || candidate.strength < Strength.Lexicon) continue;
    const words = candidate.tokens.map((token) => token.text).join('\u0001');
    parts.push(`${candidate.type}\u0002${candidate.strength}\u0002${candidate.name}\u0002${words}`);
  }
  return parts.join('\u0003');
}

/** One unit's phrases resolved against the document's names, before context types spread. */
export interface ResolvedUnit {
  /** Resolved copies of the unit's candidates, in order. */
  candidates: EntityCandidate[];
  /** The known names found in the unit's capitals lines. */
  capsMatches: EntityCandidate[];
}

/**
 * Resolves a unit's phrases and matches its capitals lines. Reads the document only through
 * `names` and `lowerForms`; the classified candidates are left as they were.
 */
export function resolveUnit(
  unit: EntityUnit,
  names: EntityNames,
  lowerForms: WordLookup,
  midSentenceCapitals: WordLookup,
): ResolvedUnit {
  const context: DocumentContext = {
    text: unit.text,
    tokens: unit.tokens,
    lowerForms,
    midSentenceCapitals,
    boilerplate: unit.boilerplate,
  };
  const candidates = unit.candidates.map(copyCandidate);
  for (const candidate of candidates) resolveCandidate(candidate, names, context);
  const capsMatches: Candidate[] = [];
  for (const chunk of unit.capsChunks) {
    for (const candidate of matchCapsChunk(chunk, names, unit.text)) capsMatches.push(candidate);
  }
  return { candidates, capsMatches };
}

/** The types single words were resolved to across the document: word → type → count. */
export type ContextVotes = Map<string, Map<EntityType, number>>;

/** Counts the context votes of every unit's resolved phrases, in document order. */
export function collectContextVotes(units: readonly ResolvedUnit[]): ContextVotes {
  const votes: ContextVotes = new Map();
  for (const unit of units) {
    for (const candidate of unit.candidates) {
      if (!candidate.type || candidate.tokens.length !== 1) continue;
      const key = candidate.tokens[0]!.lower;
      const forKey = votes.get(key) ?? new Map<EntityType, number>();
      forKey.set(candidate.type, (forKey.get(candidate.type) ?? 0) + 1);
      votes.set(key, forKey);
    }
  }
  return votes;
}

/**
 * Everything `collectContextVotes` reads of a unit's resolved phrases, as a string: units with equal
 * signatures, in the same order, cast the same votes.
 */
export function voteSignature(unit: ResolvedUnit): string {
  const votes: string[] = [];
  for (const candidate of unit.candidates) {
    if (candidate.type && candidate.tokens.length === 1)
      votes.push(`${candidate.tokens[0]!.lower}\u0001${candidate.type}`);
  }
  return votes.join('\u0002');
}

/**
 * Context types: a word the rules left unknown takes the type that context gave the same word
 * elsewhere in the document ("the Artsakh question" makes "on Artsakh" a place too). Gives the
 * type of each of the unit's candidates, null where it has none and gets none from the votes.
 */
export function spreadTypes(unit: ResolvedUnit, votes: ContextVotes): (EntityType | null)[] {
  return unit.candidates.map((candidate) => {
    if (candidate.type || candidate.rule !== 'unknown-word') return candidate.type;
    const forKey = votes.get(candidate.tokens[0]!.lower);
    if (!forKey) return null;
    const [type] = [...forKey.entries()].reduce((best, entry) =>
      entry[1] > best[1] ? entry : best,
    );
    return type;
  });
}

/** A mention in its unit's offsets, with the rule that typed it. */
export interface UnitMention extends EntityMention {
  rule: string;
}

/** Every typed phrase of a unit, candidates then capitals matches, in the unit's offsets. */
export function typedMentions(
  unit: EntityUnit,
  resolved: ResolvedUnit,
  types: readonly (EntityType | null)[],
): UnitMention[] {
  const mentions: UnitMention[] = [];
  const add = (candidate: Candidate, type: EntityType | null, rule: string): void => {
    if (!type || candidate.tokens.length === 0) return;
    const start = candidate.tokens[0]!.start;
    const end = candidate.tokens[candidate.tokens.length - 1]!.end;
    mentions.push({
      start,
      end,
      text: unit.text.slice(start, end),
      type,
      name: candidate.name,
      rule,
    });
  };
  resolved.candidates.forEach((candidate, k) => {
    const spread = !candidate.type && types[k];
    add(candidate, types[k] ?? null, spread ? 'context-elsewhere' : candidate.rule);
  });
  for (const candidate of resolved.capsMatches) add(candidate, candidate.type, candidate.rule);
  return mentions;
}

/** Sorts mentions by start (the longest first) and drops any that overlaps an earlier one. */
export function sortWithoutOverlaps(mentions: readonly UnitMention[]): UnitMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: UnitMention[] = [];
  for (const mention of sorted) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** A unit's mention placed in the document. */
export function placeMention(mention: UnitMention, offset: number): EntityMention {
  return {
    start: mention.start + offset,
    end: mention.end + offset,
    text: mention.text,
    type: mention.type,
    name: mention.name,
  };
}

/** The zones of one kind, nested ones included. */
export function collectZones(zones: readonly Zone[], keep: (zone: Zone) => boolean): Zone[] {
  return flattenZones(zones).filter(keep);
}

/** Groups capitalised words into phrases, letting connectors in when a capitalised word follows. */
function buildChunks(text: string, tokens: readonly WordToken[]): WordToken[][] {
  const chunks: WordToken[][] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (!first.capitalised) {
      i++;
      continue;
    }
    const chunk = [first];
    let j = i + 1;
    while (j < tokens.length) {
      const previous = chunk[chunk.length - 1]!;
      const next = tokens[j]!;
      if (previous.possessive) break;
      // "Douglas & Lomason", "A.G. Edwards & Sons": an ampersand joins the parts of a company name.
      const ampersand =
        next.capitalised &&
        previous.line === next.line &&
        /^[ \t]?&[ \t]?$/.test(text.slice(previous.end, next.start));
      if (!ampersand && !joins(text, previous, next)) break;
      if (next.capitalised) {
        chunk.push(next);
        j++;
        continue;
      }
      const after = tokens[j + 1];
      if (
        NAME_CONNECTORS.has(next.lower) &&
        !next.possessive &&
        after?.capitalised &&
        joins(text, next, after)
      ) {
        chunk.push(next, after);
        j += 2;
        continue;
      }
      break;
    }
    chunks.push(chunk);
    i = j;
  }
  return chunks;
}

/** Two words belong to one name only when plain spaces (or nothing, as in "T.O'Gorman") separate them. */
function joins(text: string, left: WordToken, right: WordToken): boolean {
  return left.line === right.line && /^[ \t\u00a0]{0,2}$/.test(text.slice(left.end, right.start));
}

function joinTokens(tokens: readonly WordToken[]): string {
  return tokens.map((token) => token.text).join(' ');
}

function makeCandidate(
  tokens: WordToken[],
  type: EntityType | null,
  strength: Strength,
  rule: string,
  name?: string,
): Candidate {
  return { tokens, type, strength, rule, name: name ?? joinTokens(tokens).replace(/’/g, "'") };
}

/**
 * A dateline ("MOSCOW—", "LONDON 1996-08-30", "IRVINE, Calif 1996-08-30") names a place, whatever
 * the case of its line; the state or country after its comma is a place too.
 */
function datelineCandidate(
  text: string,
  chunk: WordToken[],
  datelines: readonly Span[],
  previous: Candidate | null,
): Candidate | null {
  const first = chunk[0]!;
  const last = chunk[chunk.length - 1]!;
  if (previous) {
    const previousEnd = previous.tokens[previous.tokens.length - 1]!;
    if (
      previousEnd.line === first.line &&
      /^,\s*$/.test(text.slice(previousEnd.end, first.start))
    ) {
      return datelinePlace(chunk);
    }
  }
  const inZone = datelines.some((zone) => first.start >= zone.start && last.end <= zone.end);
  if (!inZone) {
    if (
      chunk.length > 4 ||
      !chunk.every((token) => token.upper && token.text.replace(/\./g, '').length >= 3)
    ) {
      return null;
    }
    if (!AFTER_DATELINE.test(text.slice(last.end, last.end + 40))) return null;
    const before = text.slice(Math.max(0, first.start - 40), first.start);
    if (!/(?:^|\n)[ \t]*(?:date \d{4}-\d\d-\d\d[ \t]*)?$/.test(before)) return null;
    // "CRICKET - LEICESTERSHIRE ..." is a headline's topic, not a dateline.
    if (chunk.length === 1 && lookupLexicon(first.lower) === 'common') return null;
  }
  return datelinePlace(chunk);
}

/** A dateline's place, named as the gazetteer names it ("MOSCOW" is Moscow). */
function datelinePlace(chunk: WordToken[]): Candidate {
  const written = joinTokens(chunk);
  const known = lookupGazetteer(written);
  return makeCandidate(
    chunk,
    'place',
    Strength.Strong,
    DATELINE_RULE,
    known?.name ?? titleCase(written),
  );
}

/** Drops function words, sentence-initial ordinary words, months and weekdays from a phrase's edges. */
function trimChunk(chunk: WordToken[], context: DocumentContext): WordToken[][] {
  let start = 0;
  let end = chunk.length;
  const ordinary = (token: WordToken, atSentenceStart: boolean): boolean => {
    if (!token.capitalised) return true;
    if (chunk.length > 1 && token === chunk[0] && NAME_PREFIXES.has(token.lower)) return false;
    if (FUNCTION_WORDS.has(token.lower)) return true;
    const kind = lookupLexicon(token.lower);
    if (kind === 'month' || kind === 'weekday') return true;
    if (
      MONTH_NAME.test(token.text) &&
      /^[ \t]*\d/.test(context.text.slice(token.end, token.end + 4))
    )
      return true;
    if (!atSentenceStart || context.midSentenceCapitals.has(token.lower)) return false;
    if (kind === 'common' || kind === 'honorific')
      return !TITLE_WORDS.has(token.lower.replace(/\.$/, ''));
    if (kind !== undefined) return false;
    return context.lowerForms.has(token.lower) || /(?:ing|ly)$/.test(token.lower);
  };
  while (start < end && ordinary(chunk[start]!, chunk[start]!.sentenceStart)) start++;
  const afterFirstName = (at: number): boolean =>
    at > start && lookupLexicon(chunk[at - 1]!.lower) === 'firstName' && chunk[at]!.capitalised;
  while (end > start && ordinary(chunk[end - 1]!, false) && !afterFirstName(end - 1)) end--;
  // A connector left at an edge ("of Armenia") is not part of the name.
  while (start < end && !chunk[start]!.capitalised) start++;
  while (end > start && !chunk[end - 1]!.capitalised) end--;
  if (start >= end) return [];
  return [chunk.slice(start, end)];
}

/**
 * Classifies a capitalised phrase, splitting off what news copy packs in front of a name: a title
 * in the middle ("Security Council President Tono Eitel"), a leading demonym ("Mexican Ariel
 * Cruz") and an acronym beside other words ("Chicago NAPM").
 */
function classifyPhrase(segment: WordToken[], context: DocumentContext): Candidate[] {
  const whole = classifyWithConnectors(segment, context);
  const settledWhole = whole.length === 1 && whole[0]!.strength === Strength.Strong;
  if (settledWhole && !['first-name', 'last-name', 'initials', 'title'].includes(whole[0]!.rule))
    return whole;
  if (segment.some((token) => !token.capitalised)) return whole;

  const titleAt = segment.findIndex(
    (token, i) => i > 0 && i < segment.length - 1 && MID_TITLES.has(token.lower.replace(/\.$/, '')),
  );
  if (titleAt > 0) {
    let nameStart = titleAt;
    while (nameStart < segment.length && isTitle(segment[nameStart]!)) nameStart++;
    if (nameStart < segment.length) {
      const parts: Candidate[] = [];
      // The words before the title name an organisation or a place ("Hong Kong Financial" → "Hong Kong").
      for (let end = titleAt; end > 0 && end >= titleAt - 2; end--) {
        const left = classifySegment(segment.slice(0, end), context);
        if (left.strength >= Strength.Lexicon && left.type && left.type !== 'person') {
          parts.push(left);
          break;
        }
      }
      parts.push(makeCandidate(segment.slice(nameStart), 'person', Strength.Strong, 'title'));
      return parts;
    }
  }
  if (segment.length > 1 && isDemonym(segment[0]!)) {
    const rest = classifyPhrase(segment.slice(1), context);
    if (rest.every((candidate) => candidate.type !== null)) return rest;
  }
  if (settledWhole) return whole;
  if (segment.length > 1 && whole.every((candidate) => candidate.strength < Strength.Lexicon)) {
    const upperFirst = segment[0]!.upper && !segment[1]!.upper;
    const upperLast = segment[segment.length - 1]!.upper && !segment[segment.length - 2]!.upper;
    if (upperFirst || upperLast) {
      const cut = upperFirst ? 1 : segment.length - 1;
      return [
        ...classifyPhrase(segment.slice(0, cut), context),
        ...classifyPhrase(segment.slice(cut), context),
      ];
    }
  }
  return whole;
}

/** Classifies a phrase as a whole; when it holds connectors and no rule takes it whole, splits it. */
function classifyWithConnectors(segment: WordToken[], context: DocumentContext): Candidate[] {
  const connectors = segment.filter((token) => !token.capitalised);
  if (connectors.length === 0) return [classifySegment(segment, context)];
  const whole = classifySegment(segment, context);
  const personConnectors = connectors.every((token) => PERSON_CONNECTORS.has(token.lower));
  // "Lynn Reaser of Barnett Banks Inc." is a person and an organisation, not one long name.
  const ofAt = segment.findIndex((token) => token.lower === 'of');
  const personBeforeOf =
    ofAt > 0 &&
    classifySegment(segment.slice(0, ofAt), context).type === 'person' &&
    whole.type !== 'person';
  if (
    whole.strength >= Strength.Lexicon &&
    (whole.type !== 'person' || personConnectors) &&
    !personBeforeOf
  ) {
    return [whole];
  }
  if (personConnectors && whole.type === null) return [whole];
  const parts: Candidate[] = [];
  let current: WordToken[] = [];
  for (const token of segment) {
    if (token.capitalised) {
      current.push(token);
      continue;
    }
    // Each part is a phrase of its own ("Democrat Hillary Clinton and Libertarian Gary Johnson").
    if (current.length > 0) parts.push(...classifyPhrase(current, context));
    current = [];
  }
  if (current.length > 0) parts.push(...classifyPhrase(current, context));
  return parts;
}

function isTitle(token: WordToken): boolean {
  return TITLE_WORDS.has(token.lower.replace(/\.$/, ''));
}

function isDemonym(token: WordToken): boolean {
  if (AFFILIATIONS.has(token.lower)) return true;
  if (lookupLexicon(token.lower) === 'demonym' || isDemonymLike(token.text)) return true;
  // "Armenian-Azerbaijani" is two demonyms.
  const parts = token.text.split('-');
  return (
    parts.length > 1 &&
    parts.every(
      (part) =>
        lookupLexicon(part.toLowerCase()) === 'demonym' || lookupDemonym(part) !== undefined,
    )
  );
}

function neighbours(segment: readonly WordToken[], context: DocumentContext) {
  const { text, tokens } = context;
  const first = segment[0]!;
  const last = segment[segment.length - 1]!;
  const index = tokenIndex(tokens, first);
  const lastIndex = index + segment.length - 1;
  const before = index > 0 ? tokens[index - 1] : undefined;
  const after = tokens[lastIndex + 1];
  const beforeAdjacent =
    before !== undefined &&
    before.line === first.line &&
    /^[ \t]+$/.test(text.slice(before.end, first.start));
  const afterAdjacent =
    after !== undefined &&
    after.line === last.line &&
    !last.possessive &&
    /^[ \t]+$/.test(text.slice(last.end, after.start));
  return {
    before: beforeAdjacent ? before : undefined,
    after: afterAdjacent ? after : undefined,
    afterNext: afterAdjacent ? tokens[lastIndex + 2] : undefined,
    textAfter: text.slice(last.end, last.end + 24),
  };
}

/**
 * The line around a position, at most `LINE_WINDOW` characters either side: a results line is
 * short, and a bounded window keeps a megabyte-long single-line article linear.
 */
function lineOf(text: string, at: number): string {
  const from = Math.max(0, at - LINE_WINDOW);
  const window = text.slice(from, Math.min(text.length, at + LINE_WINDOW));
  const offset = at - from;
  const start = window.lastIndexOf('\n', offset - 1) + 1;
  const end = window.indexOf('\n', offset);
  return window.slice(start, end < 0 ? window.length : end);
}

/** A team in a results line ("Bristol 28", "Walsall v Wrexham"): an organisation, unless a country. */
function isScoreLine(segment: readonly WordToken[], context: DocumentContext): boolean {
  const last = segment[segment.length - 1]!;
  const { textAfter, before } = neighbours(segment, context);
  if (/^\s+\d{4}-\d\d-\d\d/.test(textAfter)) return false;
  const unit = /^\s+[\d.,/-]+\s+(\p{Ll}+)/u.exec(textAfter)?.[1];
  if (unit && UNIT_WORDS.has(unit)) return false;
  // The line is read only after a score: re-used classifications rely on that (see `chunkKey`).
  if (SCORE_AFTER.test(textAfter) && !last.possessive) {
    const numbers = lineOf(context.text, segment[0]!.start).match(NUMBER)?.length ?? 0;
    if (numbers >= 2) return true;
  }
  // "Walsall v Wrexham"; the dotted "v." of law reports ("Brown v. Board") is not a fixture.
  if (/^[ \t]+v[ \t]+\p{Lu}/u.test(textAfter)) return true;
  return before?.text === 'v';
}

/** Classifies one capitalised phrase from its own words and its immediate neighbours. */
function classifySegment(segment: WordToken[], context: DocumentContext): Candidate {
  const written = joinTokens(segment);
  const last = segment[segment.length - 1]!;
  const first = segment[0]!;
  const make = (
    type: EntityType | null,
    strength: Strength,
    rule: string,
    tokens = segment,
    name?: string,
  ) => makeCandidate(tokens, type, strength, rule, name);

  const known = lookupGazetteer(written);
  if (known) {
    if (known.kind !== 'country' && isScoreLine(segment, context))
      return make('organization', Strength.Strong, 'score');
    return make(
      'place',
      known.kind === 'country' ? Strength.Strong : Strength.Lexicon,
      'gazetteer',
      segment,
      known.name,
    );
  }
  if (NEWS_AGENCIES.has(written)) return make('organization', Strength.Strong, 'news-agency');
  if (segment.length > 1 && context.text.slice(first.start, last.end).includes('&')) {
    return make('organization', Strength.Strong, 'ampersand');
  }
  // A name followed by its acronym in brackets is an organisation: "... Observatory (ONDH)".
  if (
    segment.length > 1 &&
    /^\s*\(\p{Lu}{2,}\)/u.test(context.text.slice(last.end, last.end + 12))
  ) {
    return make('organization', Strength.Strong, 'acronym-after');
  }
  // Players in results lines ("Tiger Woods 70", "P. Simmons 4-38") stay people.
  const looksPersonal =
    segment.length > 1 &&
    (['firstName', 'person'].includes(lookupLexicon(first.lower) ?? '') ||
      segment.slice(0, -1).some((token) => /^\p{Lu}\.$/u.test(token.text)));
  if (
    !looksPersonal &&
    !isLexiconCountry(written.toLowerCase()) &&
    isScoreLine(segment, context) &&
    !segment.some(isTitle)
  ) {
    return make('organization', Strength.Strong, 'score');
  }
  const phrase = segment.length > 1 ? lookupLexicon(written.toLowerCase()) : undefined;
  if (phrase === 'place') return make('place', Strength.Lexicon, 'lexicon-phrase');
  if (phrase === 'organization') return make('organization', Strength.Strong, 'lexicon-phrase');
  if (phrase === 'person') return make('person', Strength.Strong, 'lexicon-phrase');

  if (segment.length > 1 && ORGANIZATION_HEADS.has(last.lower))
    return make('organization', Strength.Strong, 'org-head');

  // Titles and the demonyms before them are not part of the name: "Armenian Foreign Minister X".
  let titles = 0;
  while (
    titles < segment.length &&
    (isTitle(segment[titles]!) ||
      (isDemonym(segment[titles]!) && segment[titles + 1] && isTitle(segment[titles + 1]!)))
  ) {
    titles++;
  }
  if (titles > 0) {
    if (titles === segment.length) return make(null, Strength.Strong, 'title-only');
    const rest = segment.slice(titles);
    const inner = classifySegment(rest, context);
    if (inner.type === 'place' || inner.type === 'organization') return inner;
    return make('person', Strength.Strong, 'title', rest);
  }

  if (segment.length === 1 && SINGLE_WORD_INSTITUTIONS.has(first.lower)) {
    return make('organization', Strength.Strong, 'institution');
  }
  // "(D-N.Y.)" is a party and a state, not an acronym.
  if (segment.length === 1 && /^\p{Lu}-/u.test(first.text))
    return make(null, Strength.Strong, 'party-tag');
  if (segment.length > 1 && EVENT_HEADS.has(last.lower) && !ORGANIZATION_HEADS.has(last.lower)) {
    return make(null, Strength.Strong, 'event');
  }
  if (segment.length === 1 && first.upper) {
    if (NOT_ACRONYMS.has(first.text.replace(/\./g, '')))
      return make(null, Strength.Strong, 'not-acronym');
    if (lookupLexicon(first.lower) === 'place') return make('place', Strength.Lexicon, 'lexicon');
    return make('organization', Strength.Strong, 'acronym');
  }
  if (
    segment.length > 1 &&
    (PLACE_HEADS.has(last.lower) || PLACE_STARTS.has(first.lower.replace(/\.$/, '')))
  ) {
    return make('place', Strength.Strong, 'place-word');
  }
  if (segment.length > 1 && segment.slice(0, -1).some((token) => /^\p{Lu}\.$/u.test(token.text))) {
    return make('person', Strength.Strong, 'initials');
  }
  if (
    lookupDemonym(written) ||
    segment.every(isDemonym) ||
    (segment.length > 1 && isDemonym(last))
  ) {
    return make(null, Strength.Strong, 'demonym');
  }
  // "Middle East", "South China", "West Bank": a compass word makes a region.
  if (
    segment.length > 1 &&
    !/ern$/.test(last.lower) &&
    (COMPASS_WORDS.has(first.lower) || COMPASS_WORDS.has(last.lower)) &&
    (!ORGANIZATION_HEADS.has(last.lower) || last.lower === 'bank')
  ) {
    return make('place', Strength.Strong, 'compass');
  }
  // A lone capital ("B) Turkey can ignore...") is a list marker, not an initial.
  if (segment.length === 1 && /^\p{Lu}\.?$/u.test(first.text)) {
    return make(null, Strength.Strong, 'letter');
  }

  const { before, after, afterNext } = neighbours(segment, context);
  if (after && !after.capitalised) {
    if (
      ORGANIZATION_FOLLOWERS.has(after.lower) ||
      (after.lower === 'news' && afterNext?.lower === 'agency')
    ) {
      return make('organization', Strength.Strong, 'org-follower');
    }
  }
  if (before && !before.capitalised && ORGANIZATION_PRECEDERS.has(before.lower)) {
    return make('organization', Strength.Guess, 'org-preceder');
  }

  const firstKind = lookupLexicon(first.lower);
  const lastKind = lookupLexicon(last.lower);
  if (segment.length > 1) {
    if (firstKind === 'firstName' || firstKind === 'person')
      return make('person', Strength.Strong, 'first-name');
    if (lastKind === 'lastName' && firstKind !== 'place' && firstKind !== 'organization') {
      return make('person', Strength.Strong, 'last-name');
    }
    if (isDemonym(first) && segment.length === 2 && lastKind === 'common')
      return make(null, Strength.Guess, 'demonym-noun');
    // "Dynamo Moscow", "Florida Marlins": a place inside an unknown name makes a club or company.
    if (
      segment.some((token) => lookupGazetteer(token.text) || lookupLexicon(token.lower) === 'place')
    ) {
      return make('organization', Strength.Guess, 'place-inside');
    }
    return make(null, Strength.Unknown, 'unknown');
  }
  return classifyWord(first, firstKind, make, context);
}

function classifyWord(
  word: WordToken,
  kind: LexiconClass | undefined,
  make: (type: EntityType | null, strength: Strength, rule: string) => Candidate,
  context: DocumentContext,
): Candidate {
  switch (kind) {
    case 'place':
      return make('place', Strength.Lexicon, 'lexicon');
    case 'organization':
      return make('organization', Strength.Lexicon, 'lexicon');
    case 'person':
    case 'lastName':
      return make('person', Strength.Guess, 'lexicon');
    case 'firstName':
      // A first name alone ("Virginia", "Chelsea") is more often a place or a club than a person.
      return make(null, Strength.Unknown, 'first-name-alone');
    case 'properNoun':
      return make(null, Strength.Unknown, 'proper-noun');
    case undefined:
      break;
    default:
      return make(null, Strength.Guess, 'ordinary-word');
  }
  // An unknown adjective of nationality or language ("Kurdish dissidents") is not an entity.
  const { after } = neighbours([word], context);
  if (
    /(?:ish|ese|ian|ean)$/.test(word.lower) &&
    after &&
    !after.capitalised &&
    !SAY_WORDS.has(after.lower)
  ) {
    return make(null, Strength.Guess, 'adjective-form');
  }
  return make(null, Strength.Unknown, 'unknown');
}

/** The phrase's words joined as written, and in lower case; kept on the candidate. */
function surfaceOf(candidate: Candidate): { written: string; key: string } {
  if (!candidate.surface) {
    const written = joinTokens(candidate.tokens);
    candidate.surface = { written, key: written.toLowerCase() };
  }
  return candidate.surface;
}

function addSurface(
  names: DocumentNames,
  key: string,
  type: EntityType,
  name: string,
  votes: number,
): void {
  const list = names.surfaces.get(key) ?? [];
  const entry = list.find((item) => item.type === type);
  if (entry) entry.votes += votes;
  else list.push({ type, name, votes });
  names.surfaces.set(key, list);
}

/** Collects the names the document establishes, and their short forms. */
function collectDocumentNames(candidates: readonly Candidate[]): DocumentNames {
  const names: DocumentNames = {
    surfaces: new Map(),
    surnames: new Map(),
    organizationAliases: new Map(),
  };
  for (const candidate of candidates) {
    if (!candidate.type || candidate.strength < Strength.Lexicon) continue;
    addSurface(
      names,
      surfaceOf(candidate).key,
      candidate.type,
      candidate.name,
      candidate.strength === Strength.Strong ? 3 : 1,
    );
    const words = candidate.tokens;
    if (candidate.type === 'person' && words.length > 1 && candidate.strength === Strength.Strong) {
      const surname = words[words.length - 1]!;
      if (!/^\p{Lu}\.$/u.test(surname.text)) {
        const set = names.surnames.get(surname.lower) ?? new Set<string>();
        set.add(candidate.name);
        names.surnames.set(surname.lower, set);
      }
    }
    if (
      candidate.type === 'organization' &&
      words.length > 1 &&
      candidate.strength === Strength.Strong
    ) {
      for (let i = 1; i < words.length; i++) {
        const tail = words.slice(i);
        if (tail.length >= 2 && tail[0]!.capitalised) {
          names.organizationAliases.set(joinTokens(tail).toLowerCase(), candidate.name);
        }
      }
      const initials = words
        .filter((token) => token.capitalised)
        .map((token) => token.text[0])
        .join('');
      if (initials.length >= 2)
        names.organizationAliases.set(initials.toLowerCase(), candidate.name);
    }
  }
  return names;
}

function bestSurface(
  names: DocumentNames,
  key: string,
): { type: EntityType; name: string; votes: number } | undefined {
  const list = names.surfaces.get(key);
  if (!list || list.length === 0) return undefined;
  return list.reduce((best, item) => (item.votes > best.votes ? item : best));
}

function tokenIndex(all: readonly WordToken[], token: WordToken): number {
  let low = 0;
  let high = all.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = all[mid]!.start;
    if (start === token.start) return mid;
    if (start < token.start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Settles a phrase's type and canonical name from the document, its context, then defaults. */
function resolveCandidate(
  candidate: Candidate,
  names: DocumentNames,
  context: DocumentContext,
): void {
  const { written: surface, key } = surfaceOf(candidate);
  const single = candidate.tokens.length === 1;
  const surnameOf = single ? names.surnames.get(key) : undefined;
  if (candidate.type === 'person' && surnameOf && surnameOf.size === 1) {
    candidate.name = [...surnameOf][0]!;
  }
  const longerOrganization = names.organizationAliases.get(key);
  if (
    candidate.type === 'organization' &&
    longerOrganization &&
    longerOrganization.length > surface.length
  ) {
    candidate.name = longerOrganization;
  }
  if (candidate.strength === Strength.Strong) return;

  if (surnameOf && candidate.type !== 'place') {
    candidate.type = 'person';
    candidate.name = surnameOf.size === 1 ? [...surnameOf][0]! : surface;
    candidate.rule = 'surname';
    return;
  }
  const established = bestSurface(names, key);
  if (established && (candidate.strength < Strength.Lexicon || established.votes >= 3)) {
    if (established.type !== candidate.type) candidate.rule = 'document';
    candidate.type = established.type;
    candidate.name = established.name;
    return;
  }
  const organization = names.organizationAliases.get(key);
  if (organization && candidate.strength < Strength.Lexicon) {
    candidate.type = 'organization';
    candidate.name = organization;
    candidate.rule = 'org-alias';
    return;
  }
  if (candidate.strength === Strength.Guess && candidate.type === 'person' && single) {
    // "in Virginia": a first name known to the lexicon is a place after "in".
    const { before } = neighbours(candidate.tokens, context);
    const kind = lookupLexicon(candidate.tokens[0]!.lower);
    if (before && STRICT_PLACE_PREPOSITIONS.has(before.lower) && kind === 'person') {
      candidate.type = 'place';
      candidate.rule = 'preposition';
    }
    return;
  }
  if (candidate.strength >= Strength.Guess) return;

  const { before, after } = neighbours(candidate.tokens, context);
  const first = candidate.tokens[0]!;
  const last = candidate.tokens[candidate.tokens.length - 1]!;
  const settle = (type: EntityType, rule: string): void => {
    candidate.type = type;
    candidate.rule = rule;
  };
  if (
    single &&
    context.boilerplate.some((zone) => first.start >= zone.start && last.end <= zone.end)
  ) {
    return settle('organization', 'boilerplate');
  }
  if (before && !before.capitalised && ROLE_WORDS.has(before.lower))
    return settle('person', 'role');
  if (after && SAY_WORDS.has(after.lower)) return settle('person', 'speaker');
  // "Lentini, 27, joined Milan": an age in commas follows people.
  if (/^,\s*\d{1,2},/.test(context.text.slice(last.end, last.end + 8)))
    return settle('person', 'age');
  // "the Braves", "the Springboks": a capitalised plural after "the" names a team or a group.
  if (single && before?.lower === 'the' && /\p{Ll}s$/u.test(first.text) && !first.upper) {
    return settle('organization', 'the-plural');
  }
  if (/^\s*\((?:[^()]{2,30})\)/.test(context.text.slice(last.end, last.end + 34))) {
    const inside = /^\s*\(([^()]+)\)/.exec(context.text.slice(last.end, last.end + 34))?.[1] ?? '';
    if (
      lookupGazetteer(inside)?.kind === 'country' ||
      lookupLexicon(inside.toLowerCase()) === 'place'
    ) {
      return settle('person', 'nationality-after');
    }
  }
  if (!single) {
    // A phrase of words the document also writes in lower case ("Discussion Policy") is a heading.
    if (
      candidate.tokens.some((token) => context.lowerForms.has(token.lower)) ||
      lookupLexicon(last.lower) === 'common'
    ) {
      candidate.rule = 'ordinary-phrase';
      return;
    }
    return settle('person', 'default-phrase');
  }
  if (before && PLACE_PREPOSITIONS.has(before.lower)) return settle('place', 'preposition');
  if (after && !after.capitalised && PLACE_MODIFIED_NOUNS.has(after.lower))
    return settle('place', 'place-noun');
  candidate.rule = 'unknown-word';
}

/** In a capitals line, only names the document, the gazetteer or the lexicon already knows are taken. */
function matchCapsChunk(chunk: WordToken[], names: DocumentNames, text: string): Candidate[] {
  const found: Candidate[] = [];
  let i = 0;
  while (i < chunk.length) {
    let matched: Candidate | null = null;
    for (let j = Math.min(chunk.length, i + 5); j > i && !matched; j--) {
      const tokens = chunk.slice(i, j);
      if (tokens.some((token) => !token.capitalised)) continue;
      matched = matchKnownName(tokens, names);
    }
    if (matched) {
      const last = matched.tokens[matched.tokens.length - 1]!;
      const after = text.slice(last.end, last.end + 24);
      const matchedText = joinTokens(matched.tokens);
      const isCountry =
        lookupGazetteer(matchedText)?.kind === 'country' ||
        isLexiconCountry(matchedText.toLowerCase());
      if (
        matched.type === 'place' &&
        !isCountry &&
        SCORE_AFTER.test(after) &&
        !/^\s+\d{4}-\d\d/.test(after)
      ) {
        matched.type = 'organization';
        matched.rule = 'score';
      }
      found.push(matched);
      i += matched.tokens.length;
    } else {
      i++;
    }
  }
  return found;
}

function matchKnownName(tokens: WordToken[], names: DocumentNames): Candidate | null {
  const surface = joinTokens(tokens);
  const key = surface.toLowerCase();
  const established = bestSurface(names, key);
  if (established)
    return makeCandidate(
      tokens,
      established.type,
      Strength.Strong,
      'caps-document',
      established.name,
    );
  const surnameOf = tokens.length === 1 ? names.surnames.get(key) : undefined;
  if (surnameOf && surnameOf.size === 1)
    return makeCandidate(tokens, 'person', Strength.Strong, 'caps-surname', [...surnameOf][0]);
  const organization = names.organizationAliases.get(key);
  if (organization && tokens.length > 1)
    return makeCandidate(tokens, 'organization', Strength.Strong, 'caps-org-alias', organization);
  const place = lookupGazetteer(surface);
  if (place) return makeCandidate(tokens, 'place', Strength.Strong, 'caps-gazetteer', place.name);
  const kind = lookupLexicon(key);
  if (kind === 'place' || kind === 'organization' || (kind === 'person' && tokens.length > 1)) {
    return makeCandidate(tokens, kind, Strength.Strong, 'caps-lexicon', titleCase(surface));
  }
  return null;
}

/** "NEW YORK" → "New York"; words already in mixed case are kept. */
function titleCase(written: string): string {
  if (/\p{Ll}/u.test(written)) return written;
  return written
    .toLowerCase()
    .replace(
      /(^|[\s\-'’.])(\p{L})/gu,
      (_, gap: string, letter: string) => gap + letter.toUpperCase(),
    );
}
