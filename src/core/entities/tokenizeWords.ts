/**
 * Splits text into word tokens with the facts the entity rules need: capitalisation, whether the
 * word opens a sentence, whether it ends in a possessive, and whether its line is written in
 * capitals (a wire headline or dateline, where capitals say nothing about names).
 */
import { isWhiteSpaceCode } from '../text/whiteSpace';

/** One word of the text; offsets are UTF-16 code units, end exclusive. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** The first character is an upper-case letter. */
  capitalised: boolean;
  /** Every letter is upper case and there are at least two ("OSCE", "U.S."). */
  upper: boolean;
  /** The word was followed by "'s" or "’s", which ends any name it belongs to. */
  possessive: boolean;
  /** Nothing but punctuation or an opening quote lies between the sentence start and the word. */
  sentenceStart: boolean;
  /** The word's line is written in capitals or in title case, so capitals carry no information. */
  capsLine: boolean;
  /** Index of the word's line, so that names never run across lines. */
  line: number;
}

/** Abbreviations that keep their full stop as part of the word ("Mr.", "Inc.", "St."). */
const DOTTED_ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr inc corp co ltd gen lt col gov sen rep prof bros mt ft capt sgt adm maj rev messrs no'.split(
    ' ',
  ),
);

// Dotted initialisms first ("U.S.", "U.N."), then words with inner hyphens or apostrophes.
const WORD_PATTERN =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?/gu;
const LETTER = /^\p{L}$/u;
const LOWER_LETTER = /^\p{Ll}$/u;

/** What the capitals test counts on a line: its letters, and its lower-case letters. */
export interface LineLetters {
  letters: number;
  lower: number;
}

/** A text's tokens, with the letter counts of each of its lines (see `retokenizeWords`). */
export interface Tokenization {
  text: string;
  tokens: WordToken[];
  lines: LineLetters[];
}

/**
 * Counts the letters and the lower-case letters of `text`, code point by code point, as
 * `/\p{L}/gu` and `/\p{Ll}/gu` would. Most text is ASCII, which is counted by character code; a
 * pattern is tried only on other characters. (Matching the patterns allocated an array of every
 * letter: a tenth of a full analysis.)
 */
function countLetters(text: string): LineLetters {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) {
        letters++;
        lower++;
      } else if (code >= 0x41 && code <= 0x5a) {
        letters++;
      }
      continue;
    }
    const point = text.codePointAt(i)!;
    const character = String.fromCodePoint(point);
    if (point > 0xffff) i++;
    if (LETTER.test(character)) {
      letters++;
      if (LOWER_LETTER.test(character)) lower++;
    }
  }
  return { letters, lower };
}

/**
 * True when a line reads like a headline: in capitals, or in title case, where most words are
 * capitalised including at least two ordinary words ("Moscow Urges Yerevan and Baku to Intensify
 * Karabakh Talks"); a list of names ("Lisa Raymond (U.S.) beat Kimberly Po") is not a headline.
 * `counts` are the line's letter counts.
 */
function isCapsLine(
  line: string,
  isOrdinaryWord: (lower: string) => boolean,
  counts: LineLetters,
): boolean {
  const { letters, lower } = counts;
  if (letters === 0) return false;
  if (lower / letters < 0.15) return true;
  // A line this long is never a title-case headline; the words need not be read.
  if (line.length > MAX_TITLE_LINE) return false;
  const words = line.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length < 4 || /[.!?]["”’]?\s*$/.test(line.trim())) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  const ordinary = capitalised.filter((word) => isOrdinaryWord(word.toLowerCase())).length;
  return capitalised.length / words.length >= 0.7 && ordinary >= 2;
}

/** The longest line that can be a title-case headline. */
const MAX_TITLE_LINE = 200;

function isSentenceStart(text: string, start: number, previous: WordToken | undefined): boolean {
  let i = start - 1;
  while (i >= 0 && isSpaceOrOpening(text, i)) {
    if (text.charCodeAt(i) === 0x0a) return true;
    i--;
  }
  if (i < 0) return true;
  const before = text.charCodeAt(i);
  if (!isSentenceEndMark(before)) return false;
  // "P. Simmons" and "Mr. Smith" do not start sentences.
  if (before === 0x2e && previous && previous.end === i + 1) {
    const stem = previous.lower.replace(/\.$/, '');
    if (
      stem.length === 1 ||
      DOTTED_ABBREVIATIONS.has(stem) ||
      /^(?:\p{L}\.){2,}$/u.test(previous.lower)
    ) {
      return false;
    }
  }
  return true;
}

/**
 * True for white space or a mark that can open a sentence before its first word, as
 * `/[\s"“”‘'([—–-]/` is, told by character code.
 */
function isSpaceOrOpening(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (
    isWhiteSpaceCode(code) ||
    code === 0x22 || // "
    code === 0x27 || // '
    code === 0x28 || // (
    code === 0x5b || // [
    code === 0x2d || // -
    code === 0x201c || // “
    code === 0x201d || // ”
    code === 0x2018 || // ‘
    code === 0x2014 || // —
    code === 0x2013 // –
  );
}

/** True for `.`, `!`, `?`, `:`, `;` and `…`, the marks after which a word starts a sentence. */
function isSentenceEndMark(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3a ||
    code === 0x3b ||
    code === 0x2026
  );
}

/** True when `word` starts with an upper-case letter, as `/^\p{Lu}/u` tells. */
function startsUpperCase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^\p{Lu}/u.test(word);
}

/**
 * Splits text into word tokens; `isOrdinaryWord` tells title-case headlines from lists of names.
 */
export function tokenizeWords(
  text: string,
  isOrdinaryWord: (lower: string) => boolean = () => false,
): WordToken[] {
  return tokenizeWithLines(text, isOrdinaryWord).tokens;
}

/** `tokenizeWords`, with the letter counts of each line, for `retokenizeWords` to start from. */
export function tokenizeWithLines(
  text: string,
  isOrdinaryWord: (lower: string) => boolean = () => false,
): Tokenization {
  const lineStarts = findLineStarts(text);
  const lines: LineLetters[] = [];
  const capsLines: boolean[] = [];
  for (let l = 0; l < lineStarts.length; l++) {
    const line = lineText(text, lineStarts, l);
    lines.push(countLetters(line));
    capsLines.push(isCapsLine(line, isOrdinaryWord, lines[l]!));
  }
  const tokens: WordToken[] = [];
  scanTokens(
    text,
    0,
    lineStarts,
    (l) => capsLines[l]!,
    tokens,
    () => false,
  );
  return { text, tokens, lines };
}

/**
 * What `tokenizeWithLines(text)` gives, worked out from the tokenisation of another text (usually
 * the previous version of the same paragraph): tokens in the stretch both texts start with are
 * kept, those in the stretch they end with are shifted, and only the words around the change are
 * matched again; a line changed inside has its letters counted again only in the changed stretch.
 * Every field is what a fresh tokenisation gives, for any pair of texts; similar ones are fast.
 */
export function retokenizeWords(
  previous: Tokenization,
  text: string,
  isOrdinaryWord: (lower: string) => boolean = () => false,
): Tokenization {
  const { text: previousText, tokens: previousTokens } = previous;
  const shortest = Math.min(previousText.length, text.length);
  let prefix = 0;
  while (prefix < shortest && previousText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    previousText.charCodeAt(previousText.length - 1 - suffix) ===
      text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  if (prefix === text.length && prefix === previousText.length) {
    return { text, tokens: [...previousTokens], lines: [...previous.lines] };
  }
  // The stretches that differ, widened to whole characters so that letters are counted alike.
  if (prefix > 0 && isHighSurrogate(text.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(text.charCodeAt(text.length - suffix))) suffix--;
  const shift = text.length - previousText.length;
  // The common tail starts here in the new text; a line starting at or after it is unchanged.
  const tailStart = text.length - suffix;
  const lineStarts = findLineStarts(text);
  const lineShift = lineStarts.length - previous.lines.length;
  // A line ending (with its line break) before the change, or starting after it, is unchanged.
  const lineUnchanged = (l: number): boolean => {
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! : text.length + 1;
    return end <= prefix || (l > 0 && lineStarts[l]! - 1 >= tailStart);
  };
  const lines = lineStarts.map((_, l): LineLetters | undefined => {
    if (!lineUnchanged(l)) return undefined;
    return previous.lines[lineStarts[l]! < prefix ? l : l - lineShift];
  });
  // A change inside one line moves that line's counts by the counts of the stretches.
  const removed = previousText.slice(prefix, previousText.length - suffix);
  const added = text.slice(prefix, tailStart);
  if (lineShift === 0 && !removed.includes('\n') && !added.includes('\n')) {
    const l = lineIndexAt(lineStarts, prefix);
    const before = previous.lines[l]!;
    const less = countLetters(removed);
    const more = countLetters(added);
    lines[l] = {
      letters: before.letters - less.letters + more.letters,
      lower: before.lower - less.lower + more.lower,
    };
  }
  const capsLines = new Map<number, boolean>();
  const capsLineOf = (l: number): boolean => {
    let caps = capsLines.get(l);
    if (caps === undefined) {
      const line = lineText(text, lineStarts, l);
      lines[l] ??= countLetters(line);
      caps = isCapsLine(line, isOrdinaryWord, lines[l]);
      capsLines.set(l, caps);
    }
    return caps;
  };
  const tokens: WordToken[] = [];
  // A kept token's match (with the full stop and "'s" it may have shed, three characters) and the
  // two characters after it that matching reads end before the change, so matching from the start
  // would find it unchanged.
  let kept = 0;
  while (kept < previousTokens.length && previousTokens[kept]!.end + MATCH_READS_PAST < prefix) {
    const token = previousTokens[kept]!;
    const capsLine = lineUnchanged(token.line) ? token.capsLine : capsLineOf(token.line);
    tokens.push(capsLine === token.capsLine ? token : { ...token, capsLine });
    kept++;
  }
  // Between the last kept match and the next match lie only characters that start no match.
  const from = Math.min(previousTokens[kept]?.start ?? prefix, prefix);
  const byStart = new Map<number, number>();
  for (let k = kept; k < previousTokens.length; k++) {
    const start = previousTokens[k]!.start + shift;
    if (start >= tailStart) byStart.set(start, k);
  }
  let resumeAt: number | undefined;
  scanTokens(text, from, lineStarts, capsLineOf, tokens, (start) => {
    resumeAt = byStart.get(start);
    return resumeAt !== undefined;
  });
  // From a match inside the common tail on, matching reads only the tail: the same matches,
  // shifted. Only the first one's sentence start can read across the change.
  for (let k = resumeAt ?? previousTokens.length; k < previousTokens.length; k++) {
    const token = previousTokens[k]!;
    const line = token.line + lineShift;
    const capsLine = lineUnchanged(line) ? token.capsLine : capsLineOf(line);
    const start = token.start + shift;
    const sentenceStart =
      k === resumeAt
        ? isSentenceStart(text, start, tokens[tokens.length - 1])
        : token.sentenceStart;
    const same =
      shift === 0 &&
      lineShift === 0 &&
      capsLine === token.capsLine &&
      sentenceStart === token.sentenceStart;
    tokens.push(
      same ? token : { ...token, start, end: token.end + shift, line, capsLine, sentenceStart },
    );
  }
  // Lines without tokens were never tested; their counts are still needed next time.
  return {
    text,
    tokens,
    lines: lines.map((counts, l) => counts ?? countLetters(lineText(text, lineStarts, l))),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The index of the line holding `offset`. */
function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let l = 0;
  while (l + 1 < lineStarts.length && lineStarts[l + 1]! <= offset) l++;
  return l;
}

/** How far past a token's end its match, and what matching read to end it, can reach. */
const MATCH_READS_PAST = 5;

/** Where each line of `text` starts. */
function findLineStarts(text: string): number[] {
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return lineStarts;
}

function lineText(text: string, lineStarts: readonly number[], l: number): string {
  const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : text.length;
  return text.slice(lineStarts[l], end);
}

/**
 * Matches words from `from` (a position where no match is under way) to the end, pushing their
 * tokens, until `stopAt` says yes to a match's start; that match is not pushed.
 */
function scanTokens(
  text: string,
  from: number,
  lineStarts: readonly number[],
  capsLineOf: (line: number) => boolean,
  tokens: WordToken[],
  stopAt: (start: number) => boolean,
): void {
  const pattern = new RegExp(WORD_PATTERN);
  pattern.lastIndex = from;
  let line = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    if (stopAt(start)) return;
    let word = match[0];
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= start) line++;
    if (word.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(word)) {
      const stem = word.slice(0, -1);
      const keep =
        (stem.length === 1 && /\p{Lu}/u.test(stem)) || DOTTED_ABBREVIATIONS.has(stem.toLowerCase());
      if (!keep) word = stem;
    }
    let possessive = false;
    if (word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) {
      word = word.slice(0, -2);
      possessive = true;
    }
    if (word.length === 0) continue;
    const end = start + word.length;
    const letters = countLetters(word);
    const lower = word.toLowerCase();
    const token: WordToken = {
      start,
      end,
      text: word,
      lower,
      capitalised: startsUpperCase(word),
      upper: letters.letters >= 2 && letters.lower === 0,
      possessive,
      sentenceStart: false,
      capsLine: capsLineOf(line),
      line,
    };
    token.sentenceStart = isSentenceStart(text, start, tokens[tokens.length - 1]);
    tokens.push(token);
  }
}
