import type { EntityMention, Quote, Span, SpeakerMention, SpeakerResolution } from '../types';
import {
  findParagraphSpans,
  linkQuoteSpans,
  splitParagraphs,
  type MarkedSpan,
  type Paragraph,
  type ParagraphSpans,
  type QuoteSpan,
} from './findQuoteSpans';
import {
  followsPreposition,
  insideFrontedParticiple,
  nounPhraseAfter,
  nounPhraseBefore,
  sentenceSubject,
} from './nounPhrases';
import {
  collectNames,
  reindexNames,
  resolveSpeakerName,
  type NameIndex,
  type ResolutionContext,
  type ResolvedName,
} from './resolveSpeakerName';
import { engineFault, type FaultListener } from '../analysis/engineFault';
import {
  DETERMINERS,
  PARTICIPLE_CUES,
  PRONOUNS,
  STOP_WORDS,
  TIME_WORDS,
  VERB_MODIFIERS,
  speechVerbLength,
} from './speakerLexicon';
import { QUOTE_FILLER, tokenizeContext, type Token } from './tokenizeContext';

/** Options for `findQuotes`. */
export interface FindQuotesOptions {
  /** Person and organisation mentions from the entity module, used to name speakers. */
  entities?: readonly EntityMention[];
  /**
   * Where quotations may be: the article body, without headline, captions, boilerplate or comments
   * (disjoint ranges in text order, as `parseArticle`'s body zones are).
   */
  bodyRanges?: readonly Span[];
  /** Called between paragraphs and quotations; may throw to stop the search. */
  checkpoint?: () => void;
  /** Told of each error the finder catches instead of throwing, with what it cost. */
  onFault?: FaultListener;
}

/** Where a speaker was found, before names are resolved. */
interface Attribution {
  mention: Span;
  /** True when the mention was carried over from another quotation rather than found by a cue. */
  carried: boolean;
  /** True when no cue named the speaker and the sentence's subject stands in. */
  fallback?: boolean;
  /** True when the cue follows the quotation ("…,” he said). */
  trailing?: boolean;
}

/**
 * A paragraph as the paragraph phase reads it: a window of the text from one character before the
 * paragraph to two characters after it (what the mark and token rules look at across the edge).
 */
export interface ParagraphWindow {
  text: string;
  /** Where the paragraph starts and ends inside `text`. */
  start: number;
  end: number;
}

/**
 * The work of the quotation finder that depends on one paragraph alone, in offsets of its window.
 * It is cached per paragraph; the rules that read other paragraphs run per document over it.
 */
export interface QuoteParagraph {
  window: ParagraphWindow;
  spans: ParagraphSpans;
  /** Per span (closed ones, then the open one): a quoted attribute value in markup. */
  markup: boolean[];
  /** The paragraph's quotations and tokens without its open span [0] and with it [1]. */
  readings: [ParagraphReading | undefined, ParagraphReading | undefined];
}

/** One paragraph read with a given set of its spans masked. */
interface ParagraphReading {
  masked: string;
  tokens: Token[] | undefined;
  candidates: Candidate[];
  /** The subject of a colon introduction ending the paragraph ("Caddell continued:"), once asked. */
  closingIntroduction?: Span | null;
}

/** The sentence around a quotation, as the attribution rules read it. */
interface QuoteContext {
  tokens: Token[];
  /** Index of the quotation's own token in `tokens`. */
  at: number;
  /** Index of the first token of the quotation's sentence. */
  sentenceStart: number;
  /** Index of the token that ends the quotation's sentence (exclusive). */
  sentenceEnd: number;
  attribution: Attribution | null;
}

/** A quotation of one paragraph with the tokens around it, in offsets of the paragraph's window. */
interface Candidate extends QuoteContext {
  span: MarkedSpan;
  /** False for a span that runs on to the paragraph's end without a closing mark. */
  closed: boolean;
  /** Which of the paragraph's spans (closed ones, then the open one) this is. */
  spanIndex: number;
  paragraph: ParagraphWindow;
  /** The tokens in lower case (punctuation as it is), shared by the paragraph's candidates. */
  lower: string[];
  /** The paragraph's own cues: direct attributions, shared between neighbours. */
  ownAttribution: Attribution | null;
  /** Computed once each, when the document phase first asks. */
  introduction?: Attribution | null;
  subject?: Span | null;
  traits?: ReportTraits;
}

/** A candidate placed in one analysis of the document: absolute span, attribution of this run. */
interface PlacedCandidate extends QuoteContext {
  local: Candidate;
  span: QuoteSpan;
  paragraph: Paragraph;
  /** What to add to the candidate's offsets for the text's. */
  base: number;
}

/** A single-quoted span without a speaker cue is reported only as a statement of this many words. */
const MIN_UNATTRIBUTED_WORDS = 8;
/** How many tokens after a quotation a subject-first cue may start ("…,” Rep. John Mica (R-Fla.) said). */
const MAX_TRAILING_SUBJECT_TOKENS = 24;
/** A cue this close before a quotation ("said, “", "told Interfax that “") is the quotation's own. */
const ADJACENT_CUE_TOKENS = 4;
const DETERMINER_OPENING = /^(?:the|a|an|another|one|his|her|their|its|our)$/;
/** Verbs that open an inverted cue ("Said Ellis: …", "Says Trump: …"); "Calls men names" is none. */
const INVERTED_CUE = /^(?:said|says|told|wrote|writes|[a-z]+ed)$/;
const DASHES = new Set(['\u2015', '\u2014', '\u2013', '-', '--']);
/** A transcript turn ("WALLACE: …") is a record of an exchange, not a quotation in prose. */
const TRANSCRIPT_TURN = /^.["“”]?\(?[A-Z][A-Z.' -]{1,30}:/;
/** Words that introduce a quotation after a colon even without a speech verb. */
const INTRODUCTION_WORDS =
  /\b(?:statement|comment|comments|remarks|following|tweet|tweeted|post|posted|message|letter|wrote|writes|said|says|told|added|continued|explained|asked|replied)\b/i;
/** How far the paragraph phase reads before and after a paragraph (see `findParagraphSpans`). */
const WINDOW_BEFORE = 1;
const WINDOW_AFTER = 2;

/**
 * Finds the quotations of a news text, marks included, with their speakers. Handles curly and straight
 * double marks, single marks (not apostrophes), guillemets and ``TeX'' marks; a quotation over several
 * paragraphs is reported once per paragraph with the same speaker. Titles, nicknames, so-called scare
 * quotes, transcript turns and markup are left out (see `isReported`). Offsets are UTF-16 code units;
 * the function throws only what `checkpoint` throws.
 */
export function findQuotes(text: string, options: FindQuotesOptions = {}): Quote[] {
  return findQuotesWith(text, options, {
    readParagraphs: (windows) => windows.map(analyzeParagraphWindow),
  });
}

/** What the document phase may keep from one call to the next on versions of a document. */
export interface QuoteMemory {
  /** For each window, what `analyzeParagraphWindow` gives (a cache of it). */
  readParagraphs(windows: readonly ParagraphWindow[]): QuoteParagraph[];
  /** The last call's name index, re-used while the names are the same (see `reindexNames`). */
  names?: NameIndex;
}

/**
 * `findQuotes` with what `memory` keeps between calls; the same result. Throws only what
 * `options.checkpoint` throws.
 */
export function findQuotesWith(
  text: string,
  options: FindQuotesOptions,
  memory: QuoteMemory,
): Quote[] {
  let stopped: { error: unknown } | undefined;
  const checkpoint = (): void => {
    try {
      options.checkpoint?.();
    } catch (error) {
      stopped = { error };
      throw error;
    }
  };
  try {
    return findQuotesUnsafe(text, options, memory, checkpoint);
  } catch (error) {
    if (stopped) throw stopped.error;
    options.onFault?.(engineFault('quotations', error));
    return [];
  }
}

/** The window of `text` the paragraph phase reads for `paragraph`. */
function paragraphWindow(text: string, paragraph: Span): ParagraphWindow {
  const from = Math.max(0, paragraph.start - WINDOW_BEFORE);
  const to = Math.min(text.length, paragraph.end + WINDOW_AFTER);
  return {
    text: text.slice(from, to),
    start: paragraph.start - from,
    end: paragraph.end - from,
  };
}

/**
 * The paragraph phase over one paragraph's window: its spans now, its readings once asked. The
 * same window gives the same result wherever it is.
 */
export function analyzeParagraphWindow(window: ParagraphWindow): QuoteParagraph {
  const spans = findParagraphSpans(window.text, window);
  const markup = spans.closed.map((span) => isMarkup(window.text, span));
  if (spans.open) markup.push(isMarkup(window.text, spans.open));
  return { window, spans, markup, readings: [undefined, undefined] };
}

/** The paragraph read with its closed spans masked, and its open span too when `withOpen`. */
function readingOf(paragraph: QuoteParagraph, withOpen: boolean): ParagraphReading {
  const slot = withOpen ? 1 : 0;
  const existing = paragraph.readings[slot];
  if (existing) return existing;
  const { window, spans, markup } = paragraph;
  // The paragraph's spans (closed ones, then the open one) that are quotations.
  const all = spans.open && withOpen ? [...spans.closed, spans.open] : spans.closed;
  const kept: number[] = [];
  for (let k = 0; k < all.length; k++) if (!markup[k]) kept.push(k);
  const reading: ParagraphReading = { masked: window.text, tokens: undefined, candidates: [] };
  if (kept.length > 0) {
    reading.masked = maskSpans(
      window.text,
      kept.map((k) => all[k]!),
    );
    reading.tokens = tokenizeContext(reading.masked, window.start, window.end);
    reading.candidates = findCandidates(window, reading.tokens, all, kept, spans.closed.length);
  }
  paragraph.readings[slot] = reading;
  return reading;
}

/**
 * The quotations `all[k]` for each `k` in `kept`, with their sentences and the cues the paragraph
 * itself gives; the spans from `closedCount` on are open.
 */
function findCandidates(
  window: ParagraphWindow,
  tokens: Token[],
  all: readonly MarkedSpan[],
  kept: readonly number[],
  closedCount: number,
): Candidate[] {
  const lower = lowerWords(tokens);
  const group: Candidate[] = [];
  let cursor = 0;
  for (const spanIndex of kept) {
    const span = all[spanIndex]!;
    // Spans and tokens are both in text order, so one pointer finds each span's token.
    while (cursor < tokens.length && tokens[cursor]!.end <= span.start) cursor++;
    const token = tokens[cursor];
    if (!token || token.type !== 'quote' || token.start > span.start) continue;
    const at = cursor;
    group.push({
      span,
      closed: spanIndex < closedCount,
      spanIndex,
      paragraph: window,
      tokens,
      lower,
      at,
      sentenceStart: findSentenceStart(window.text, tokens, at),
      sentenceEnd: findSentenceEnd(tokens, at),
      attribution: null,
      ownAttribution: null,
    });
  }
  for (const candidate of group)
    candidate.attribution = findDirectAttribution(window.text, candidate);
  shareWithinParagraph(group);
  for (const candidate of group) candidate.ownAttribution = candidate.attribution;
  return group;
}

function findQuotesUnsafe(
  text: string,
  options: FindQuotesOptions,
  memory: QuoteMemory,
  checkpoint: () => void,
): Quote[] {
  const paragraphs = splitParagraphs(text, options.bodyRanges);
  const read = memory.readParagraphs(
    paragraphs.map((paragraph) => paragraphWindow(text, paragraph)),
  );
  const linked = linkQuoteSpans(
    text,
    paragraphs,
    read.map((entry, p) => ({
      spans: entry.spans,
      base: paragraphs[p]!.start - entry.window.start,
    })),
  );
  // Which reading each paragraph is in: its open span kept or not.
  const withOpen = paragraphs.map(() => false);
  for (const span of linked) if (!span.closed) withOpen[span.paragraph] = true;

  const candidates: PlacedCandidate[] = [];
  const byParagraph = new Map<number, PlacedCandidate[]>();
  let first = 0;
  while (first < linked.length) {
    const index = linked[first]!.paragraph;
    let next = first;
    while (next < linked.length && linked[next]!.paragraph === index) next++;
    const paragraph = paragraphs[index]!;
    const reading = readingOf(read[index]!, withOpen[index]!);
    const base = paragraph.start - read[index]!.window.start;
    const group = reading.candidates.map((local): PlacedCandidate => ({
      local,
      span: linked[first + local.spanIndex]!,
      paragraph,
      base,
      tokens: local.tokens,
      at: local.at,
      sentenceStart: local.sentenceStart,
      sentenceEnd: local.sentenceEnd,
      attribution: local.ownAttribution && shift(local.ownAttribution, base),
    }));
    byParagraph.set(index, group);
    for (const candidate of group) candidates.push(candidate);
    first = next;
    checkpoint();
  }
  if (candidates.length === 0) return [];

  shareAlongRuns(candidates);
  for (const candidate of candidates) {
    if (!candidate.attribution)
      candidate.attribution = findIntroduction(candidate, paragraphs, read, withOpen);
    checkpoint();
  }
  shareAlongRuns(candidates);
  continueFromPreviousParagraph(candidates, byParagraph);
  shareAlongRuns(candidates);
  for (const candidate of candidates) {
    if (candidate.attribution) continue;
    // A partial quotation inside a sentence belongs to the sentence's subject ("Trump attacked “…”").
    const { local } = candidate;
    if (local.subject === undefined) {
      local.subject =
        local.at > local.sentenceStart
          ? sentenceSubject(local.tokens, local.sentenceStart, local.at)
          : null;
    }
    if (local.subject) {
      candidate.attribution = {
        mention: shiftSpan(local.subject, candidate.base),
        carried: false,
        fallback: true,
      };
    }
  }

  const names = reindexNames(memory.names, collectNames(text, options.entities));
  memory.names = names;
  const fromEntities = options.entities !== undefined && options.entities.length > 0;
  const context: ResolutionContext = { lastPerson: null };
  const quotes: Quote[] = [];
  let droppedTranscript = false;
  for (const candidate of candidates) {
    checkpoint();
    const { span, attribution } = candidate;
    // The later paragraphs of a transcript turn go with it.
    const transcript: boolean =
      TRANSCRIPT_TURN.test(text.slice(span.start, span.start + 40)) ||
      (span.continuesPrevious && droppedTranscript);
    droppedTranscript = transcript;
    if (transcript || !isReported(candidate.local, attribution)) continue;
    let speaker: SpeakerMention | null = null;
    if (attribution) {
      const resolved = resolveSafely(
        text,
        attribution.mention,
        names,
        context,
        fromEntities,
        options,
      );
      const resolution: SpeakerResolution =
        attribution.carried && resolved.resolution !== 'unresolved'
          ? 'previous-quote'
          : resolved.resolution;
      speaker = {
        start: attribution.mention.start,
        end: attribution.mention.end,
        text: text.slice(attribution.mention.start, attribution.mention.end),
        name: resolved.name,
        resolution,
      };
      // Only a person is a later "he" or "she"; an organisation or a description is not.
      const kind = names.types.get(resolved.name);
      if (resolved.resolution !== 'unresolved' && kind !== undefined && kind !== 'organization') {
        context.lastPerson = { name: resolved.name, at: span.end };
      }
    }
    quotes.push({
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      speaker,
    });
  }
  return quotes;
}

/** `resolveSpeakerName`, where a failure costs this speaker's name only: it stays as written. */
function resolveSafely(
  text: string,
  mention: Span,
  names: NameIndex,
  context: ResolutionContext,
  fromEntities: boolean,
  options: FindQuotesOptions,
): ResolvedName {
  try {
    return resolveSpeakerName(text, mention, names, context, fromEntities);
  } catch (error) {
    options.onFault?.(engineFault('speaker name', error));
    return { name: text.slice(mention.start, mention.end), resolution: 'unresolved' };
  }
}

function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function shift(attribution: Attribution, by: number): Attribution {
  return { ...attribution, mention: shiftSpan(attribution.mention, by) };
}

/** True for a quoted attribute value in markup left by a scraper (`<tweet id="123">`). */
function isMarkup(text: string, span: Span): boolean {
  const before = text.slice(Math.max(0, span.start - 1), span.start);
  return (
    before === '=' || /^["']?\d+["']?$/.test(text.slice(span.start, span.end).replace(/["“”]/g, ''))
  );
}

function maskSpans(text: string, spans: readonly Span[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    parts.push(text.slice(cursor, span.start), QUOTE_FILLER.repeat(span.end - span.start));
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function isBoundary(token: Token): boolean {
  return token.type === 'punct' && /^[.!?;]$/.test(token.text);
}

/** True when a quotation ends its own sentence: “We are done.” followed by a capital or another quote. */
function quoteEndsSentence(text: string, tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  const inner = text.slice(Math.max(token.start, token.end - 3), token.end);
  if (!/[.!?…]["”’'»]*$/.test(inner)) return false;
  const next = tokens[k + 1];
  return next === undefined || next.type === 'quote' || next.capitalised;
}

function findSentenceStart(text: string, tokens: readonly Token[], at: number): number {
  // A sentence longer than this is run-on text or noise; bounding it keeps the search linear.
  const floor = Math.max(0, at - MAX_SENTENCE_TOKENS);
  for (let k = at - 1; k >= floor; k--) {
    const token = tokens[k]!;
    if (isBoundary(token)) return k + 1;
    if (token.type === 'quote' && quoteEndsSentence(text, tokens, k)) return k + 1;
  }
  return floor;
}

function findSentenceEnd(tokens: readonly Token[], at: number): number {
  const ceiling = Math.min(tokens.length, at + 1 + MAX_SENTENCE_TOKENS);
  for (let k = at + 1; k < ceiling; k++) {
    const token = tokens[k]!;
    if (isBoundary(token) || token.type === 'quote') return k;
  }
  return ceiling;
}

function lowerWords(tokens: readonly Token[]): string[] {
  return tokens.map((t) => (t.type === 'word' ? t.lower : t.text));
}

/** The speaker named by a cue in the quotation's own sentence, after it or before it. */
function findDirectAttribution(text: string, candidate: Candidate): Attribution | null {
  const trailing = findTrailingSpeaker(text, candidate);
  if (trailing) return { mention: trailing, carried: false, trailing: true };
  const leading = findLeadingSpeaker(candidate);
  return leading ? { mention: leading, carried: false } : null;
}

/** "…,” said Karasin" / "…,” Karasin said" / "…” ― Sonya Herridge" / "…,” according to the ministry". */
function findTrailingSpeaker(text: string, candidate: Candidate): Span | null {
  const { tokens, lower, at, sentenceEnd, sentenceStart } = candidate;
  let i = at + 1;
  while (i < sentenceEnd && tokens[i]!.text === ',') i++;
  if (i >= sentenceEnd) return null;
  const first = tokens[i]!;
  const quote = tokens[at]!;
  // “We are done.” followed by a capital starts a new sentence; its verb is not this quote's cue.
  if (/\.["”’'»]*$/.test(text.slice(quote.start, quote.end)) && first.capitalised && i === at + 1)
    return null;
  if (DASHES.has(first.text)) {
    let k = i + 1;
    while (k < sentenceEnd && DASHES.has(tokens[k]!.text)) k++;
    const name = tokens[k];
    return name && name.capitalised ? nounPhraseAfter(tokens, k, sentenceEnd) : null;
  }
  // A quotation inside its sentence ("the ad “unmistakably” suggests …") closes no clause, so the
  // words after it are the sentence going on, not a cue; only a cue ending the sentence is its own.
  const closes =
    at === sentenceStart ||
    i > at + 1 ||
    /[,.!?…]["”’'»]*$/.test(text.slice(Math.max(quote.start, quote.end - 3), quote.end));
  const verbLength = closes ? speechVerbLength(lower, i) : 0;
  if (verbLength > 0) {
    const phrase = nounPhraseAfter(tokens, i + verbLength, sentenceEnd);
    if (phrase) return phrase;
    if (lower[i] === 'according') return null;
  }
  for (let v = i; v < sentenceEnd && v - i <= MAX_TRAILING_SUBJECT_TOKENS; v++) {
    const length = speechVerbLength(lower, v);
    if (length === 0) continue;
    if (lower[v] === 'according') {
      // "… chants of “Bobby!” at a conference, according to the union's president.": a source
      // named at the sentence's end is the source of all of it.
      const source = v > i && tokens[v - 1]!.text === ',' ? sourceAtEnd(candidate, v) : null;
      if (source) return source;
      continue;
    }
    if (!closes && !endsSentence(tokens, v + length, sentenceEnd)) continue;
    const phrase = nounPhraseBefore(tokens, v, i);
    if (!phrase) return null;
    if (phrase.start <= first.start) return closes ? phrase : null;
    // "…,” White House press secretary Josh Earnest said": a description opens the mention.
    let phraseAt = v - 1;
    while (phraseAt > i && tokens[phraseAt]!.start > phrase.start) phraseAt--;
    if (!closes) return tokens[phraseAt - 1]?.text === ',' ? phrase : null;
    const between = tokens.slice(i, phraseAt);
    if (
      !PRONOUNS.has(tokens[phraseAt]!.lower) &&
      (first.capitalised || DETERMINER_OPENING.test(first.lower)) &&
      between.every(
        (t) => t.type === 'word' || t.text === ',' || t.text === '(' || t.text === ')',
      ) &&
      between.length <= 12
    ) {
      return { start: first.start, end: phrase.end };
    }
    // "“…” to drive up the stock price, she said": a quotation that opens its sentence.
    if (at === sentenceStart && tokens[phraseAt - 1]?.text === ',') return phrase;
    return null;
  }
  return null;
}

/** The source of ", according to X." that ends the candidate's sentence, with `v` at "according". */
function sourceAtEnd(candidate: Candidate, v: number): Span | null {
  const { tokens, lower, sentenceEnd } = candidate;
  if (lower[v + 1] !== 'to') return null;
  const phrase = nounPhraseAfter(tokens, v + 2, sentenceEnd);
  if (!phrase) return null;
  let k = v + 2;
  while (k < sentenceEnd && tokens[k]!.start < phrase.end) k++;
  return endsSentence(tokens, k, sentenceEnd) ? phrase : null;
}

/** True for "he", "she", "they", "we" or "I", which are never a preposition's object ("To which she said"). */
function isSubjectPronoun(tokens: readonly Token[], phrase: Span): boolean {
  const token = tokens[indexAt(tokens, phrase.start)]!;
  return token.end === phrase.end && /^(?:he|she|they|we|i)$/.test(token.lower);
}

/** True when the phrase at `k` follows a quantity and "of" ("52 percent of registered voters"). */
function isPartOf(lower: readonly string[], k: number): boolean {
  return lower[k - 1] === 'of' && PARTITIVES.test(lower[k - 2] ?? '');
}

/** Words of a quantity or a part before "of". */
const PARTITIVES =
  /^(?:percent|majority|minority|most|many|some|half|third|quarter|number|dozens|hundreds|thousands|millions|members|all|none|each|one|two|three|several|few|group|leaders|officials)$/;

/** The index of the token that starts at `start`. */
function indexAt(tokens: readonly Token[], start: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** True when nothing but a time ("said Wednesday") stands between `k` and the sentence's end. */
function endsSentence(tokens: readonly Token[], k: number, sentenceEnd: number): boolean {
  while (k < sentenceEnd && tokens[k]!.type === 'word' && isTimeAfterCue(tokens[k]!.lower)) k++;
  return k >= sentenceEnd || isBoundary(tokens[k]!);
}

/** True for a word of a time after a cue at a sentence's end ("Perez said on Wednesday."). */
function isTimeAfterCue(lower: string): boolean {
  return TIME_WORDS.has(lower) || TIME_AFTER_CUE.test(lower);
}

/** The other words of such a time: "on", "last", "night", "week". */
const TIME_AFTER_CUE =
  /^(?:on|last|this|in|early|late|night|morning|afternoon|evening|week|month|year)$/;

/**
 * "Karasin said: “…”" / "he told Interfax that “…”" / "…, saying, “…”" / "According to the ministry,
 * “…”". The first cue of the sentence wins, because partial quotations sit in clauses that the main
 * speaker reports ("Trump said Clinton once described the deal as “the gold standard”").
 */
function findLeadingSpeaker(candidate: Candidate): Span | null {
  const { tokens, lower, at, sentenceStart } = candidate;
  const verbs: number[] = [];
  let fallback: Span | null = null;
  let partOf: Span | null = null;
  for (let v = sentenceStart; v < at; v++) {
    if (tokens[v]!.type === 'word' && speechVerbLength(lower, v) > 0) verbs.push(v);
  }
  // "Said Ellis: “…”": an inverted cue at the start of the sentence.
  if (
    verbs[0] === sentenceStart &&
    tokens[sentenceStart]!.capitalised &&
    INVERTED_CUE.test(lower[sentenceStart]!)
  ) {
    const phrase = nounPhraseAfter(tokens, sentenceStart + 1, at);
    if (phrase) return phrase;
  }
  // A cue right before the quotation ("…, Karasin said: “") is its own; otherwise the first cue of the
  // sentence is the main clause's.
  const last = verbs[verbs.length - 1];
  if (
    last !== undefined &&
    last !== verbs[0] &&
    at - last <= ADJACENT_CUE_TOKENS &&
    lower[last] !== 'according'
  ) {
    verbs.unshift(last);
  }
  for (const v of verbs) {
    if (lower[v] === 'according') {
      const phrase = nounPhraseAfter(tokens, v + 2, at);
      if (phrase) return phrase;
      continue;
    }
    if (PARTICIPLE_CUES.has(lower[v]!)) {
      const before = tokens[v - 1];
      if (
        before === undefined ||
        before.text === ',' ||
        /^(?:while|before|after|by|when|in|despite)$/.test(before.lower)
      ) {
        const subject = sentenceSubject(tokens, sentenceStart, v);
        if (subject) return subject;
        continue;
      }
    }
    const phrase = nounPhraseBefore(tokens, v, sentenceStart);
    // "Following initial reports of …, Trump said": the noun inside the fronted phrase is no cue.
    if (phrase && insideFrontedParticiple(tokens, sentenceStart, phrase.start)) continue;
    if (phrase && !followsPreposition(tokens, phrase.start, v)) return phrase;
    const subject = sentenceSubject(tokens, sentenceStart, v);
    if (subject) return subject;
    // The object of a preposition is not who speaks ("his series of early-morning tweets"),
    // unless nothing better is found and it is a part ("52 percent of registered voters").
    if (
      phrase &&
      (!followsPreposition(tokens, phrase.start, v) || isSubjectPronoun(tokens, phrase))
    )
      fallback ??= phrase;
    else if (phrase && isPartOf(lower, indexAt(tokens, phrase.start))) partOf ??= phrase;
  }
  return fallback ?? partOf;
}

/**
 * Within one paragraph, a quotation with no cue of its own takes the speaker of its neighbour when
 * nothing but the neighbour's attribution separates them: "“A,” he said. “B.”" and "“A.” “B,” he said."
 */
function shareWithinParagraph(group: readonly QuoteContext[]): void {
  for (let k = 0; k < group.length; k++) {
    const candidate = group[k]!;
    if (candidate.attribution) continue;
    const previous = group[k - 1];
    if (previous?.attribution && candidate.sentenceStart === candidate.at) {
      candidate.attribution = { mention: previous.attribution.mention, carried: true };
      continue;
    }
    const next = group[k + 1];
    if (next?.attribution && onlyQuotesBetween(candidate, next)) {
      candidate.attribution = { mention: next.attribution.mention, carried: true };
    }
  }
  // A second pass lets attributions travel along chains of three or more quotations.
  for (let k = group.length - 2; k >= 0; k--) {
    const candidate = group[k]!;
    const next = group[k + 1]!;
    if (!candidate.attribution && next.attribution && onlyQuotesBetween(candidate, next)) {
      candidate.attribution = { mention: next.attribution.mention, carried: true };
    }
  }
  for (let k = 1; k < group.length; k++) {
    const candidate = group[k]!;
    const previous = group[k - 1]!;
    if (
      !candidate.attribution &&
      previous.attribution &&
      candidate.sentenceStart === candidate.at
    ) {
      candidate.attribution = { mention: previous.attribution.mention, carried: true };
    }
  }
}

function onlyQuotesBetween(a: QuoteContext, b: QuoteContext): boolean {
  for (let k = a.at + 1; k < b.at; k++) {
    const token = a.tokens[k]!;
    if (token.type === 'word') return false;
  }
  return b.sentenceStart === b.at || a.sentenceEnd === b.at;
}

/** The paragraphs of a quotation over several paragraphs share one speaker. */
function shareAlongRuns(candidates: readonly PlacedCandidate[]): void {
  let runStart = 0;
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k]!;
    const next = candidates[k + 1];
    if (candidate.span.continuesNext && next?.span.continuesPrevious) continue;
    const run = candidates.slice(runStart, k + 1);
    runStart = k + 1;
    if (run.length < 2) continue;
    // The last paragraph carries the usual trailing cue; otherwise the speaker introduced the run.
    const source =
      [...run].reverse().find((c) => c.attribution && !c.attribution.carried) ??
      run.find((c) => c.attribution);
    if (!source?.attribution) continue;
    for (const member of run) {
      if (!member.attribution || member.attribution.carried)
        member.attribution =
          member === source
            ? member.attribution
            : { mention: source.attribution.mention, carried: true };
    }
  }
}

/**
 * A colon introduction: "Caddell continued:" ending the previous paragraph or sentence attributes a
 * quotation that opens the next one.
 */
function findIntroduction(
  candidate: PlacedCandidate,
  paragraphs: readonly Paragraph[],
  read: readonly QuoteParagraph[],
  withOpen: readonly boolean[],
): Attribution | null {
  const { local, paragraph } = candidate;
  if (local.at > 0) {
    if (local.introduction === undefined) local.introduction = findIntroductionInParagraph(local);
    return local.introduction && shift(local.introduction, candidate.base);
  }
  if (paragraph.index === 0) return null;
  const previous = paragraphs[paragraph.index - 1]!;
  const previousRead = read[paragraph.index - 1]!;
  const reading = readingOf(previousRead, withOpen[paragraph.index - 1]!);
  if (reading.closingIntroduction === undefined) {
    reading.closingIntroduction = findClosingIntroduction(previousRead.window, reading);
  }
  const subject = reading.closingIntroduction;
  const base = previous.start - previousRead.window.start;
  return subject ? { mention: shiftSpan(subject, base), carried: false } : null;
}

/** The introductions a quotation's own paragraph gives it (window offsets). */
function findIntroductionInParagraph(candidate: Candidate): Attribution | null {
  const { tokens, at, sentenceStart } = candidate;
  const text = candidate.paragraph.text;
  if (at === sentenceStart && at > 1) {
    // "…, Schiff said. “The other factor …”": a sentence that ends with its cue introduces the next.
    const boundary = tokens[at - 1]!;
    const { lower } = candidate;
    for (let length = 1; length <= 2; length++) {
      const v = at - 1 - length;
      if (
        boundary.text === '.' &&
        v >= 0 &&
        speechVerbLength(lower, v) === length &&
        lower[v] !== 'according'
      ) {
        let start = v;
        while (start > 0 && !isBoundary(tokens[start - 1]!) && tokens[start - 1]!.type !== 'quote')
          start--;
        const phrase = nounPhraseBefore(tokens, v, start);
        if (phrase) return { mention: phrase, carried: false };
      }
    }
  }
  if (at > sentenceStart) {
    const last = tokens[at - 1]!;
    if (
      last.text === ':' &&
      INTRODUCTION_WORDS.test(text.slice(tokens[sentenceStart]!.start, last.start))
    ) {
      const subject = sentenceSubject(tokens, sentenceStart, at - 1);
      if (subject) return { mention: subject, carried: false };
    }
  }
  return null;
}

/**
 * The subject of a colon introduction that ends a paragraph ("Caddell continued:"), for a
 * quotation opening the next paragraph (window offsets).
 */
function findClosingIntroduction(window: ParagraphWindow, reading: ParagraphReading): Span | null {
  if (reading.masked[window.end - 1] !== ':') return null;
  const tokens = (reading.tokens ??= tokenizeContext(reading.masked, window.start, window.end));
  let start = tokens.length - 1;
  while (start > 0 && !isBoundary(tokens[start - 1]!) && tokens[start - 1]!.type !== 'quote')
    start--;
  const introduction = window.text.slice(tokens[start]?.start ?? window.start, window.end);
  if (!INTRODUCTION_WORDS.test(introduction)) return null;
  return sentenceSubject(tokens, start, tokens.length - 1);
}

/**
 * A paragraph that opens with a quotation and names no speaker continues the speaker of the previous
 * paragraph's last quotation, as news writing does after "“…,” he said."
 */
function continueFromPreviousParagraph(
  candidates: readonly PlacedCandidate[],
  byParagraph: ReadonlyMap<number, PlacedCandidate[]>,
): void {
  for (const candidate of candidates) {
    if (candidate.attribution || candidate.at !== 0) continue;
    const previous = byParagraph.get(candidate.paragraph.index - 1);
    const last = previous?.[previous.length - 1];
    if (!last?.attribution) continue;
    candidate.attribution = { mention: last.attribution.mention, carried: true };
    const group = byParagraph.get(candidate.paragraph.index);
    if (group) shareWithinParagraph(group);
  }
}

/**
 * Decides whether a candidate is reported. Double-quoted spans are reported unless they are titles
 * ("Face the Nation"), nicknames inside a name (Robert C. "Bobby" Scott), transcript turns or
 * markup; a phrase in a sentence is usually someone's words even without a cue of its own. Single
 * marks also serve as scare quotes and in headlines, so a single-quoted span needs a speaker cue or
 * the shape of a whole statement.
 */
function isReported(candidate: Candidate, attribution: Attribution | null): boolean {
  // Each trait reads only the quotation's own paragraph, so it is worked out once per candidate.
  const traits = (candidate.traits ??= {});
  const text = candidate.paragraph.text;
  const { span } = candidate;
  // Marks with no word between them ("", “‘“, a run of a hundred thousand marks) quote nothing.
  if ((traits.wordless ??= !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end)))) return false;
  const cued = attribution !== null && !attribution.fallback;
  if (candidate.span.kind === 'single') {
    if ((traits.insideDoubledApostrophes ??= insideDoubledApostrophes(text, candidate)))
      return false;
    return (
      (cued && !attribution.carried) || (traits.statementLike ??= isStatementLike(text, candidate))
    );
  }
  if ((traits.nickname ??= isNickname(candidate))) return false;
  // "the so-called “reset”" distances the writer from a word; it is nobody's statement.
  if (!cued && candidate.tokens[candidate.at - 1]?.lower === 'so-called') return false;
  // A pronoun in marks is the word itself ("because “she” is a “he”"), not someone's words.
  if (!cued && (traits.quotedPronoun ??= QUOTED_PRONOUN.test(text.slice(span.start, span.end))))
    return false;
  if (!cued && (traits.attributiveModifier ??= isAttributiveModifier(text, candidate)))
    return false;
  if ((traits.titleLike ??= isTitleLike(text, candidate))) {
    // A capitalised quotation is a title ("on CNN's “State of the Union”") unless a cue follows it
    // (“Disgraceful,” he said) or a verb of naming precedes it (called her “Miss Piggy”).
    return (
      ((attribution?.trailing ?? false) && candidate.at === candidate.sentenceStart) ||
      (traits.namedBefore ??= namedBefore(candidate))
    );
  }
  return true;
}

/** What `isReported` has read of a quotation's own paragraph; the attribution decides the rest. */
interface ReportTraits {
  wordless?: boolean;
  quotedPronoun?: boolean;
  insideDoubledApostrophes?: boolean;
  statementLike?: boolean;
  nickname?: boolean;
  attributiveModifier?: boolean;
  titleLike?: boolean;
  namedBefore?: boolean;
}

/**
 * True for a single-quoted span nested in a quotation that some archives mark with two apostrophes
 * (''She said, 'This is their lives.' ''): a quotation inside a quotation is not reported alone.
 */
function insideDoubledApostrophes(text: string, candidate: Candidate): boolean {
  const { span, paragraph } = candidate;
  const from = Math.max(paragraph.start, span.start - NESTING_WINDOW);
  const before = text.slice(from, span.start).split("''").length - 1;
  return (
    before % 2 === 1 &&
    text.slice(span.end, Math.min(paragraph.end, span.end + NESTING_WINDOW)).includes("''")
  );
}

/** A quotation of one pronoun and at most its punctuation: "he", “she.”, ‘they,’. */
const QUOTED_PRONOUN =
  /^["“”„«‘’'`]+(?:he|she|him|her|his|hers|they|them|it|we|us|i|me|you)[.,!?]?["“”„»‘’'`]+$/i;

/** Small words a title keeps in lower case ("Contract with America", "Face the Nation"). */
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'on',
  'in',
  'and',
  'or',
  'for',
  'with',
  'to',
  'at',
  'by',
  'from',
  'is',
  'vs',
  'v',
]);
const MAX_TITLE_WORDS = 8;
/** The longest sentence, in tokens, searched for a speaker cue. */
const MAX_SENTENCE_TOKENS = 150;
/** How far around a single-quoted span doubled apostrophes are looked for. */
const NESTING_WINDOW = 2000;
/** A quoted modifier before a noun is at most this many words long. */
const MAX_MODIFIER_WORDS = 2;
const NAMING_WORDS = new Set([
  'as',
  'called',
  'calls',
  'call',
  'calling',
  'dubbed',
  'branded',
  'labeled',
  'labelled',
  'nicknamed',
  'termed',
]);
/** How many tokens before a capitalised quotation a verb of naming may stand. */
const NAMING_WINDOW = 5;

/** True for a quoted title or name: every word capitalised (or a small word), or a number. */
function isTitleLike(text: string, candidate: Candidate): boolean {
  const { span } = candidate;
  const inner = text
    .slice(span.start + 1, span.end - (candidate.closed ? 1 : 0))
    .replace(/[\s,.;:!?"”’'»)]+$/u, '')
    .replace(/^\(/, '');
  const words = inner.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  // Several sentences, or an exclamation, are speech even in capitals (“The Donald. Big Daddy.”).
  if (/[.!?]\s/.test(inner) || /[!?]["”’'»]*$/.test(text.slice(span.start, span.end))) return false;
  if (words.length === 1 && /^\p{N}/u.test(words[0]!)) return true;
  if (!/^[\p{Lu}\p{N}]/u.test(words[0]!)) return false;
  return words.every(
    (w, k) => /^[\p{Lu}\p{N}(]/u.test(w) || (k > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())),
  );
}

/**
 * True when a verb of naming stands shortly before the quotation ("called the winner “Miss Piggy”
 * and “Miss Housekeeping”"); quotations and "and" between them do not count towards the distance.
 */
function namedBefore(candidate: Candidate): boolean {
  let words = 0;
  for (let k = candidate.at - 1; k >= candidate.sentenceStart && words < NAMING_WINDOW; k--) {
    const token = candidate.tokens[k]!;
    if (
      token.type === 'quote' ||
      token.text === ',' ||
      token.lower === 'and' ||
      token.lower === 'or'
    )
      continue;
    if (NAMING_WORDS.has(token.lower)) return true;
    words++;
  }
  return false;
}

/**
 * True for a short quoted word used as a modifier of the noun after it ("the “fact-checking”
 * website", "“magic” weight loss pills"): the writer's distance from a word, not a statement.
 */
function isAttributiveModifier(text: string, candidate: Candidate): boolean {
  const { span } = candidate;
  if (
    wordCount(text, candidate) > MAX_MODIFIER_WORDS ||
    /[,.;:!?]["”’'»]*$/.test(text.slice(span.start, span.end))
  )
    return false;
  const next = candidate.tokens[candidate.at + 1];
  return (
    next?.type === 'word' &&
    /^\p{Ll}/u.test(next.text) &&
    !STOP_WORDS.has(next.lower) &&
    !DETERMINERS.has(next.lower) &&
    !PRONOUNS.has(next.lower) &&
    !VERB_MODIFIERS.has(next.lower) &&
    !/ly$/.test(next.lower) &&
    !/^(?:often|never|always|again)$/.test(next.lower)
  );
}

/** True for a nickname between the parts of a name: Robert C. "Bobby" Scott. */
function isNickname(candidate: Candidate): boolean {
  const before = candidate.tokens[candidate.at - 1];
  const after = candidate.tokens[candidate.at + 1];
  return (
    before?.type === 'word' &&
    before.capitalised &&
    after?.type === 'word' &&
    after.capitalised &&
    candidate.span.end - candidate.span.start < 24
  );
}

/** A single-quoted span without a speaker is still reported when it reads as a whole statement. */
function isStatementLike(text: string, candidate: Candidate): boolean {
  const { span } = candidate;
  if (wordCount(text, candidate) < MIN_UNATTRIBUTED_WORDS) return false;
  // A whole paragraph in quotation marks, or a full sentence, is a statement; a phrase inside a
  // sentence is not.
  return candidate.at === 0 || /[.!?…]["”’'»]?\s*$/.test(text.slice(span.start, span.end));
}

function wordCount(text: string, candidate: Candidate): number {
  const { span } = candidate;
  const inner = text.slice(span.start + 1, span.end - (candidate.closed ? 1 : 0));
  return inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
