/**
 * Incremental entity finding: the paragraph-local phase of `findEntities` (tokenising, chunking,
 * classifying phrases) is cached per paragraph, and only the cheap document-level phase (names,
 * aliases, surnames, strongest types, capitals lines) runs over the whole document each time. The
 * result is identical to `findEntities` on the same text and zones.
 */
import type { EntityMention, Zone } from '../types';
import {
  collectParagraphCandidates,
  collectWordForms,
  collectZones,
  copyCandidate,
  finishDocumentEntities,
  tokenizeEntityWords,
  type EntityCandidate,
  type WordLookup,
} from './findEntities';
import type { WordToken } from './tokenizeWords';

/** How far the rules look past a phrase's last word (the dateline pattern reads 40 characters). */
const LOOK_AHEAD = 40;
/** Paragraphs longer than this are cut at a line break, so one long paragraph is not one entry. */
const MAX_UNIT_CHARS = 4000;
/** Units longer than this are analysed but not kept: a megabyte line is never re-used verbatim. */
const MAX_CACHED_UNIT_CHARS = 64_000;

/** A membership question a paragraph's classification asked of a document-level word set. */
interface WordQuestion {
  set: 'lower' | 'mid';
  word: string;
  answer: boolean;
}

/** A candidate stored by token positions within its paragraph, so it survives a shift. */
interface StoredCandidate {
  from: number;
  count: number;
  candidate: EntityCandidate;
}

interface UnitEntry {
  /** Tokens with offsets and line numbers relative to the unit. */
  tokens: WordToken[];
  newlines: number;
  lowerForms: string[];
  midSentenceCapitals: string[];
  /** The classified phrases and the word-set answers they depended on, once computed. */
  classified?: {
    questions: WordQuestion[];
    candidates: StoredCandidate[];
    capsChunks: { from: number; count: number }[];
  };
}

/** Options of one incremental run. */
export interface IncrementalEntityOptions {
  zones?: Zone[];
  /** Called between paragraphs; may throw to stop the run. */
  checkpoint?: () => void;
}

/**
 * Cuts a text into units at line starts: a unit ends with the line break before a blank line, or
 * with a line break once it is longer than `MAX_UNIT_CHARS`. The units cover the whole text.
 */
export function splitEntityUnits(text: string): { start: number; end: number }[] {
  const units: { start: number; end: number }[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    const nextStart = newline + 1;
    const nextEnd = text.indexOf('\n', nextStart);
    const nextLine = text.slice(nextStart, nextEnd < 0 ? text.length : nextEnd);
    const blankNext = /^\s*$/.test(nextLine);
    const currentBlank = /^\s*$/.test(text.slice(lineStart, newline));
    if ((blankNext && !currentBlank) || nextStart - start > MAX_UNIT_CHARS) {
      units.push({ start, end: nextStart });
      start = nextStart;
    }
    lineStart = nextStart;
  }
  if (start < text.length || units.length === 0) units.push({ start, end: text.length });
  return units;
}

/**
 * Finds entities like `findEntities`, re-using the paragraph-local work of unchanged paragraphs.
 * The cache is bounded by `maxUnits` entries and by `maxChars` characters of cached paragraphs
 * (about 200 bytes of tokens per 30 characters), least recently used first out.
 */
export class EntityParagraphCache {
  private readonly units = new Map<string, UnitEntry>();
  private cachedChars = 0;

  constructor(
    private readonly maxUnits = 2048,
    private readonly maxChars = 1_500_000,
  ) {}

  /** The entities of a text; throws only what `checkpoint` throws. */
  findEntities(text: string, options: IncrementalEntityOptions = {}): EntityMention[] {
    const zones = options.zones ?? [];
    const datelines = collectZones(zones, (zone) => zone.kind === 'dateline');
    const boilerplate = collectZones(zones, (zone) => zone.kind === 'boilerplate');
    const spans = splitEntityUnits(text);

    const entries: { entry: UnitEntry; key: string; start: number; firstToken: number }[] = [];
    const tokens: WordToken[] = [];
    const lowerForms = new Set<string>();
    const midSentenceCapitals = new Set<string>();
    let lineBase = 0;
    for (const span of spans) {
      const unitText = text.slice(span.start, span.end);
      const unitDatelines = datelines
        .filter((zone) => zone.start < span.end && zone.end > span.start)
        .map((zone) => `${zone.start - span.start}:${zone.end - span.start}`)
        .join(',');
      const key = `${unitText}\u0000${text.slice(span.end, span.end + LOOK_AHEAD)}\u0000${unitDatelines}`;
      const entry = this.lookUp(key, unitText);
      entries.push({ entry, key, start: span.start, firstToken: tokens.length });
      for (const token of entry.tokens) {
        tokens.push({
          ...token,
          start: token.start + span.start,
          end: token.end + span.start,
          line: token.line + lineBase,
        });
      }
      for (const word of entry.lowerForms) lowerForms.add(word);
      for (const word of entry.midSentenceCapitals) midSentenceCapitals.add(word);
      lineBase += entry.newlines;
      options.checkpoint?.();
    }

    const candidates: EntityCandidate[] = [];
    const capsChunks: WordToken[][] = [];
    for (const { entry, key, start, firstToken } of entries) {
      const classified = this.classify(entry, key, start, text, datelines, {
        lowerForms,
        midSentenceCapitals,
      });
      const at = (from: number, count: number): WordToken[] =>
        tokens.slice(firstToken + from, firstToken + from + count);
      for (const stored of classified.candidates)
        candidates.push(copyCandidate(stored.candidate, at(stored.from, stored.count)));
      for (const chunk of classified.capsChunks) capsChunks.push(at(chunk.from, chunk.count));
      options.checkpoint?.();
    }
    return finishDocumentEntities({
      text,
      tokens,
      lowerForms,
      midSentenceCapitals,
      boilerplate,
      candidates,
      capsChunks,
    });
  }

  private lookUp(key: string, unitText: string): UnitEntry {
    const cached = this.units.get(key);
    if (cached) {
      this.units.delete(key); // Re-inserted below: least recently used goes first.
      this.units.set(key, cached);
      return cached;
    }
    const tokens = tokenizeEntityWords(unitText);
    const forms = collectWordForms(tokens);
    let newlines = 0;
    for (let i = unitText.indexOf('\n'); i >= 0; i = unitText.indexOf('\n', i + 1)) newlines++;
    const entry: UnitEntry = {
      tokens,
      newlines,
      lowerForms: [...forms.lowerForms],
      midSentenceCapitals: [...forms.midSentenceCapitals],
    };
    if (unitText.length <= MAX_CACHED_UNIT_CHARS) {
      this.units.set(key, entry);
      this.cachedChars += key.length;
      while (this.units.size > this.maxUnits || this.cachedChars > this.maxChars) {
        const oldest = this.units.keys().next().value!;
        this.units.delete(oldest);
        this.cachedChars -= oldest.length;
      }
    }
    return entry;
  }

  /**
   * The unit's classified phrases: re-used when every word-set question they asked gets the same
   * answer from this document's sets, computed again otherwise.
   */
  private classify(
    entry: UnitEntry,
    key: string,
    start: number,
    text: string,
    datelines: readonly Zone[],
    sets: { lowerForms: ReadonlySet<string>; midSentenceCapitals: ReadonlySet<string> },
  ): NonNullable<UnitEntry['classified']> {
    const previous = entry.classified;
    if (
      previous &&
      previous.questions.every(
        (question) =>
          (question.set === 'lower' ? sets.lowerForms : sets.midSentenceCapitals).has(
            question.word,
          ) === question.answer,
      )
    ) {
      return previous;
    }
    const questions: WordQuestion[] = [];
    const asking = (set: WordQuestion['set'], words: ReadonlySet<string>): WordLookup => ({
      has(word: string): boolean {
        const answer = words.has(word);
        questions.push({ set, word, answer });
        return answer;
      },
    });
    const unitText = key.slice(0, key.indexOf('\u0000'));
    const localText =
      unitText + text.slice(start + unitText.length, start + unitText.length + LOOK_AHEAD);
    const localDatelines = datelines.map((zone): Zone => ({
      ...zone,
      start: zone.start - start,
      end: zone.end - start,
    }));
    const found = collectParagraphCandidates(
      localText,
      entry.tokens,
      asking('lower', sets.lowerForms),
      asking('mid', sets.midSentenceCapitals),
      localDatelines,
    );
    const indexOf = (token: WordToken): number => findTokenIndex(entry.tokens, token.start);
    const classified = {
      questions,
      candidates: found.candidates.map((candidate): StoredCandidate => ({
        from: candidate.tokens.length > 0 ? indexOf(candidate.tokens[0]!) : 0,
        count: candidate.tokens.length,
        candidate: copyCandidate(candidate, []),
      })),
      capsChunks: found.capsChunks.map((chunk) => ({
        from: indexOf(chunk[0]!),
        count: chunk.length,
      })),
    };
    entry.classified = classified;
    return classified;
  }
}

/** The index of the token starting at `start`, by binary search (tokens are in text order). */
function findTokenIndex(tokens: readonly WordToken[], start: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = tokens[mid]!.start;
    if (at === start) return mid;
    if (at < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
