/**
 * Incremental entity finding. The paragraph-local phase of `findEntities` (tokens, chunks,
 * classified phrases) is cached per unit of whole lines, in the unit's own offsets, so unchanged
 * units are used as they are wherever they move. The document-level phase is cheap on
 * re-analysis: the document's word sets are kept as counts and updated by the units that changed;
 * the names it establishes are re-used while every unit's phrases give the same signature; and a
 * unit's resolved phrases, context types and mentions are re-used while what they read (the names,
 * the word-set answers, the boilerplate, the votes) is unchanged. The result is identical to
 * `findEntities` on the same text and zones.
 */
import { ParagraphCache } from '../cache/paragraphCache';
import { isBlankRange } from '../text/whiteSpace';
import type { EntityMention, EntityType, Span, Zone } from '../types';
import {
  collectContextVotes,
  collectEntityNames,
  collectParagraphCandidates,
  collectParagraphCandidatesFrom,
  collectWordForms,
  collectZones,
  nameSignature,
  placeMention,
  resolveUnit,
  retokenizeEntityText,
  sortWithoutOverlaps,
  spreadTypes,
  tokenizeEntityText,
  typedMentions,
  voteSignature,
  type EntityCandidate,
  type EntityNames,
  type ContextVotes,
  type ChunkReadings,
  type ResolvedUnit,
  type EntityUnit,
  type UnitMention,
  type WordLookup,
} from './findEntities';
import type { LineLetters, WordToken } from './tokenizeWords';

/** How far the rules look past a phrase's last word (the dateline pattern reads 40 characters). */
const LOOK_AHEAD = 40;
/** Paragraphs longer than this are cut at a line break, so one long paragraph is not one entry. */
const MAX_UNIT_CHARS = 4000;
/** Units longer than this are analysed but not kept: a megabyte line is never re-used verbatim. */
const MAX_CACHED_UNIT_CHARS = 64_000;

/** The two document-level word sets the phrase rules ask about (see `collectWordForms`). */
type WordSet = 'lower' | 'mid';

/** The membership questions a paragraph's classification asked of each word set, with answers. */
type WordQuestions = Record<WordSet, Map<string, boolean>>;

/** Questions asked of the document's word sets, and the last update of the sets they hold for. */
interface Answers {
  questions: WordQuestions;
  checkedAt: number;
}

interface UnitEntry {
  /** The unit's text and the next `LOOK_AHEAD` characters of the document. */
  text: string;
  unitLength: number;
  /** The datelines inside the unit, as `start:end` in the unit's offsets. */
  datelines: string;
  /** Tokens with offsets and line numbers relative to the unit. */
  tokens: WordToken[];
  /** The letter counts of the unit's lines, for tokenising an edited version of it. */
  lines: LineLetters[];
  lowerForms: ReadonlySet<string>;
  midSentenceCapitals: ReadonlySet<string>;
  /** The classified phrases and the word-set answers they depended on, once computed. */
  classified?: Classification;
  /**
   * The entry this unit was tokenised from (usually the unit before an edit), until this one is
   * classified: its phrases are re-used where a chunk reads the same.
   */
  previous?: UnitEntry;
}

interface Classification {
  answers: Answers;
  candidates: EntityCandidate[];
  capsChunks: WordToken[][];
  /** Its chunks by what they read, when it was made from an earlier version's. */
  chunks?: ChunkReadings;
  /** What the document's names read of these phrases (see `nameSignature`). */
  signature: string;
  /** The phrases resolved against the document's names, once computed. */
  resolution?: Resolution;
}

/** A unit's resolution, and what it was computed from. */
interface Resolution {
  /** The version of the document's names it was resolved against. */
  namesVersion: number;
  /** The boilerplate zones over the unit, as `start:end` in its offsets. */
  boilerplate: string;
  answers: Answers;
  resolved: ResolvedUnit;
  /** What the document's context votes read of the resolved phrases (see `voteSignature`). */
  votes: string;
  /** The unit's mentions, sorted and without overlaps, and the context types they were made with. */
  mentions?: { votesVersion: number; types: (EntityType | null)[]; kept: UnitMention[] };
}

/**
 * The document's word sets, kept from one run to the next as counts of the units that hold each
 * word, so that an edit updates them by the units it changed rather than rebuilding them.
 */
class DocumentWords {
  readonly sets: Record<WordSet, Map<string, number>> = { lower: new Map(), mid: new Map() };
  /** Counts the updates, so a classification can tell which sets it was checked against. */
  version = 0;
  private units: readonly UnitEntry[] = [];

  /** True when `word` is in the set now. */
  has(set: WordSet, word: string): boolean {
    return this.sets[set].has(word);
  }

  /**
   * Moves the sets to a document made of `units`; returns the words that joined or left a set
   * since the last update.
   */
  update(units: readonly UnitEntry[]): Record<WordSet, Set<string>> {
    // The units before and after the edited stretch are the same entries as last time; only the
    // stretch between them changes the counts.
    const previous = this.units;
    let same = 0;
    while (same < units.length && same < previous.length && units[same] === previous[same]) same++;
    let sameAtEnd = 0;
    while (
      sameAtEnd < units.length - same &&
      sameAtEnd < previous.length - same &&
      units[units.length - 1 - sameAtEnd] === previous[previous.length - 1 - sameAtEnd]
    )
      sameAtEnd++;
    const removed = previous.slice(same, previous.length - sameAtEnd);
    const added = units.slice(same, units.length - sameAtEnd);
    this.units = units;
    this.version++;
    return {
      lower: moveWords(this.sets.lower, removed, added, (unit) => unit.lowerForms),
      mid: moveWords(this.sets.mid, removed, added, (unit) => unit.midSentenceCapitals),
    };
  }
}

/**
 * Takes the words of `removed` units out of `counts` and puts those of `added` in; returns the
 * words that joined or left the set. A word in both (most of an edited paragraph) is skipped.
 */
function moveWords(
  counts: Map<string, number>,
  removed: readonly UnitEntry[],
  added: readonly UnitEntry[],
  wordsOf: (unit: UnitEntry) => ReadonlySet<string>,
): Set<string> {
  const delta = new Map<string, number>();
  if (removed.length === 1 && added.length === 1) {
    const before = wordsOf(removed[0]!);
    const after = wordsOf(added[0]!);
    for (const word of before) if (!after.has(word)) delta.set(word, -1);
    for (const word of after) if (!before.has(word)) delta.set(word, 1);
  } else {
    for (const unit of removed) for (const word of wordsOf(unit)) addCount(delta, word, -1);
    for (const unit of added) for (const word of wordsOf(unit)) addCount(delta, word, 1);
  }
  const changed = new Set<string>();
  for (const [word, by] of delta) {
    if (by === 0) continue;
    const before = counts.get(word) ?? 0;
    const after = before + by;
    if (after > 0) counts.set(word, after);
    else counts.delete(word);
    if (before === 0 || after === 0) changed.add(word);
  }
  return changed;
}

function addCount(counts: Map<string, number>, word: string, by: number): void {
  counts.set(word, (counts.get(word) ?? 0) + by);
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
  let currentBlank = isBlankRange(text, 0, lineEnd(text, 0));
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    const nextStart = newline + 1;
    const blankNext = isBlankRange(text, nextStart, lineEnd(text, nextStart));
    if ((blankNext && !currentBlank) || nextStart - start > MAX_UNIT_CHARS) {
      units.push({ start, end: nextStart });
      start = nextStart;
    }
    lineStart = nextStart;
    currentBlank = blankNext;
  }
  if (start < text.length || units.length === 0) units.push({ start, end: text.length });
  return units;
}

/** Where the line starting at `from` ends: its line break, or the end of the text. */
function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/**
 * Finds entities like `findEntities`, re-using the paragraph-local work of unchanged paragraphs.
 * The cache is bounded by `maxUnits` entries and by `maxChars` characters of cached paragraphs
 * (about 200 bytes of tokens per 30 characters), least recently used first out.
 */
export class EntityParagraphCache {
  private readonly units: ParagraphCache<UnitEntry>;
  private readonly words = new DocumentWords();
  /** The document's names from the last run, with the unit signatures they were collected from. */
  private names: { signatures: string[]; names: EntityNames; version: number } | undefined;
  /** The document's context votes from the last run, with the signatures they were counted from. */
  private votes: { signatures: string[]; votes: ContextVotes; version: number } | undefined;

  constructor(maxUnits = 2048, maxChars = 1_500_000) {
    this.units = new ParagraphCache(maxUnits, maxChars, MAX_CACHED_UNIT_CHARS);
  }

  /** How many units, and how many of their characters, the cache holds. */
  get stats(): { paragraphs: number; chars: number } {
    return this.units.stats;
  }

  /** The entities of a text; throws only what `checkpoint` throws. */
  findEntities(text: string, options: IncrementalEntityOptions = {}): EntityMention[] {
    const zones = options.zones ?? [];
    const datelines = collectZones(zones, (zone) => zone.kind === 'dateline');
    const boilerplate = collectZones(zones, (zone) => zone.kind === 'boilerplate');
    const spans = splitEntityUnits(text);

    // A unit with the characters after it that the rules read; its length and datelines are
    // checked on the entry, since the same characters can hold other units.
    const windows = spans.map((span) => text.slice(span.start, span.end + LOOK_AHEAD));
    const datelineKeys = spans.map((span) =>
      zoneKey(datelines.length > 0 ? zonesWithin(datelines, span.start, span.end) : []),
    );
    const entries = this.units.lookUp(
      windows,
      (u, window, previous) =>
        makeEntry(window, spans[u]!.end - spans[u]!.start, datelineKeys[u]!, previous),
      (entry, u) =>
        entry.unitLength === spans[u]!.end - spans[u]!.start && entry.datelines === datelineKeys[u],
    );
    options.checkpoint?.();
    const changed = this.words.update(entries);

    const units: EntityUnit[] = [];
    const classifications: Classification[] = [];
    for (let u = 0; u < entries.length; u++) {
      const entry = entries[u]!;
      const { start, end } = spans[u]!;
      const classified = this.classify(entry, start, datelines, changed);
      classifications.push(classified);
      units.push({
        offset: start,
        text: entry.text,
        tokens: entry.tokens,
        candidates: classified.candidates,
        capsChunks: classified.capsChunks,
        boilerplate: boilerplate.length > 0 ? zonesWithin(boilerplate, start, end) : [],
      });
      options.checkpoint?.();
    }

    const names = this.namesOf(classifications);
    const resolutions = units.map((unit, u) =>
      this.resolve(classifications[u]!, unit, names, changed),
    );
    const votes = this.votesOf(resolutions);
    const mentions: EntityMention[] = [];
    units.forEach((unit, u) => {
      const resolution = resolutions[u]!;
      // The same resolution under the same votes has the same mentions; under other votes, the
      // same ones as long as its words take the same context types.
      if (resolution.mentions?.votesVersion !== votes.version) {
        const types = spreadTypes(resolution.resolved, votes.votes);
        const kept =
          resolution.mentions && sameItems(resolution.mentions.types, types)
            ? resolution.mentions.kept
            : sortWithoutOverlaps(typedMentions(unit, resolution.resolved, types));
        resolution.mentions = { votesVersion: votes.version, types, kept };
      }
      for (const mention of resolution.mentions.kept)
        mentions.push(placeMention(mention, unit.offset));
    });
    return mentions;
  }

  /** The context votes: the last run's while every unit's resolution gives the same signature. */
  private votesOf(resolutions: readonly Resolution[]): { votes: ContextVotes; version: number } {
    const signatures = resolutions.map((resolution) => resolution.votes);
    if (this.votes && sameItems(this.votes.signatures, signatures)) return this.votes;
    this.votes = {
      signatures,
      votes: collectContextVotes(resolutions.map((resolution) => resolution.resolved)),
      version: (this.votes?.version ?? 0) + 1,
    };
    return this.votes;
  }

  /**
   * The names the document establishes: the last run's while every unit's phrases give the same
   * signature, in the same order; collected again otherwise, under a new version.
   */
  private namesOf(classifications: readonly Classification[]): {
    names: EntityNames;
    version: number;
  } {
    const signatures = classifications.map((classified) => classified.signature);
    if (this.names && sameItems(this.names.signatures, signatures)) return this.names;
    this.names = {
      signatures,
      names: collectEntityNames(classifications.map((classified) => classified.candidates)),
      version: (this.names?.version ?? 0) + 1,
    };
    return this.names;
  }

  /**
   * A unit's phrases resolved against the document's names: re-used while the names, the
   * boilerplate over the unit and the word-set answers the resolution asked for are unchanged.
   */
  private resolve(
    classified: Classification,
    unit: EntityUnit,
    names: { names: EntityNames; version: number },
    changed: Record<WordSet, ReadonlySet<string>>,
  ): Resolution {
    const boilerplate = zoneKey(unit.boilerplate);
    const previous = classified.resolution;
    if (
      previous &&
      previous.namesVersion === names.version &&
      previous.boilerplate === boilerplate &&
      this.answersHold(previous.answers, changed)
    ) {
      return previous;
    }
    const recorder = this.recorder();
    const resolved = resolveUnit(
      unit,
      names.names,
      recorder.lookUp('lower'),
      recorder.lookUp('mid'),
    );
    classified.resolution = {
      namesVersion: names.version,
      boilerplate,
      answers: recorder.answers,
      resolved,
      votes: voteSignature(resolved),
    };
    return classified.resolution;
  }

  /**
   * The unit's classified phrases: re-used when every word-set question they asked gets the same
   * answer from this document's sets, computed again otherwise. A classification checked against
   * the previous sets needs checking only for the words that changed since.
   */
  private classify(
    entry: UnitEntry,
    start: number,
    datelines: readonly Zone[],
    changed: Record<WordSet, ReadonlySet<string>>,
  ): Classification {
    const previous = entry.classified;
    if (previous && this.answersHold(previous.answers, changed)) return previous;
    const recorder = this.recorder();
    const localDatelines = datelines.map((zone): Zone => ({
      ...zone,
      start: zone.start - start,
      end: zone.end - start,
    }));
    const lower = recorder.lookUp('lower');
    const mid = recorder.lookUp('mid');
    const earlier = entry.previous;
    entry.previous = undefined;
    // The earlier version's phrases hold where its chunks read the same, as long as every word-set
    // question it asked gets the same answer now; asking again records them for this unit too.
    const found =
      earlier?.classified && askAgain(earlier.classified.answers.questions, lower, mid)
        ? collectParagraphCandidatesFrom(
            {
              text: earlier.text,
              tokens: earlier.tokens,
              candidates: earlier.classified.candidates,
              datelines: parseZoneKey(earlier.datelines),
              chunks: earlier.classified.chunks,
            },
            entry.text,
            entry.tokens,
            lower,
            mid,
            localDatelines,
          )
        : collectParagraphCandidates(entry.text, entry.tokens, lower, mid, localDatelines);
    entry.classified = {
      answers: recorder.answers,
      ...found,
      signature: nameSignature(found.candidates),
    };
    return entry.classified;
  }

  /** Word-set look-ups that record every question and answer, for `answersHold` to check later. */
  private recorder(): { answers: Answers; lookUp: (set: WordSet) => WordLookup } {
    const words = this.words;
    const answers: Answers = {
      questions: { lower: new Map(), mid: new Map() },
      checkedAt: words.version,
    };
    return {
      answers,
      lookUp: (set) => ({
        has(word: string): boolean {
          const answer = words.has(set, word);
          answers.questions[set].set(word, answer);
          return answer;
        },
      }),
    };
  }

  /**
   * True when the recorded answers still hold for the current word sets. Answers checked against
   * the previous sets need checking only for the words that changed since.
   */
  private answersHold(answers: Answers, changed: Record<WordSet, ReadonlySet<string>>): boolean {
    const words = this.words;
    if (answers.checkedAt !== words.version) {
      const since = answers.checkedAt === words.version - 1 ? changed : undefined;
      if (!questionsHold(answers.questions, words, since)) return false;
      answers.checkedAt = words.version;
    }
    return true;
  }
}

/** True when two lists hold the same items in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, k) => item === b[k]);
}

/**
 * True when every recorded question gets its recorded answer from the current sets; with `changed`
 * (the words that changed since the answers were last checked), only those words are asked again.
 */
function questionsHold(
  questions: WordQuestions,
  words: DocumentWords,
  changed: Record<WordSet, ReadonlySet<string>> | undefined,
): boolean {
  for (const set of ['lower', 'mid'] as const) {
    const asked = questions[set];
    const again = changed?.[set];
    if (again && again.size < asked.size) {
      for (const word of again) {
        const answer = asked.get(word);
        if (answer !== undefined && answer !== words.has(set, word)) return false;
      }
    } else {
      for (const [word, answer] of asked) if (words.has(set, word) !== answer) return false;
    }
  }
  return true;
}

/**
 * Tokenises a unit and collects its word forms; `window` is the unit and the text after it. With
 * the entry of another unit (the last document's at the same place, usually this unit before an
 * edit), only the words around the change are matched again.
 */
function makeEntry(
  window: string,
  unitLength: number,
  datelines: string,
  previous: UnitEntry | undefined,
): UnitEntry {
  const unit = window.slice(0, unitLength);
  const { tokens, lines } = previous
    ? retokenizeEntityText(
        {
          text: previous.text.slice(0, previous.unitLength),
          tokens: previous.tokens,
          lines: previous.lines,
        },
        unit,
      )
    : tokenizeEntityText(unit);
  const forms = collectWordForms(tokens);
  return {
    text: window,
    unitLength,
    datelines,
    tokens,
    lines,
    // Only a classified entry has phrases to re-use, and a unit too long to keep is not worth
    // the chunk readings; holding a classified entry never chains, since classifying drops this.
    previous: previous?.classified && unitLength <= MAX_CACHED_UNIT_CHARS ? previous : undefined,
    lowerForms: forms.lowerForms,
    midSentenceCapitals: forms.midSentenceCapitals,
  };
}

/** True when every recorded question gets its recorded answer from `lower` and `mid`. */
function askAgain(questions: WordQuestions, lower: WordLookup, mid: WordLookup): boolean {
  for (const [word, answer] of questions.lower) if (lower.has(word) !== answer) return false;
  for (const [word, answer] of questions.mid) if (mid.has(word) !== answer) return false;
  return true;
}

/** The spans of `zoneKey`. */
function parseZoneKey(key: string): Span[] {
  if (key === '') return [];
  return key.split(',').map((pair) => {
    const [start, end] = pair.split(':').map(Number);
    return { start: start!, end: end! };
  });
}

/** Zones as `start:end` pairs, for comparing them. */
function zoneKey(zones: readonly Zone[]): string {
  return zones.length === 0 ? '' : zones.map((zone) => `${zone.start}:${zone.end}`).join(',');
}

/** The zones that overlap `[start, end)`, in the offsets of `start`. */
function zonesWithin(zones: readonly Zone[], start: number, end: number): Zone[] {
  const within: Zone[] = [];
  for (const zone of zones) {
    if (zone.start < end && zone.end > start)
      within.push({ ...zone, start: zone.start - start, end: zone.end - start });
  }
  return within;
}
