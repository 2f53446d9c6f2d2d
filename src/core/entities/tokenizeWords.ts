/**
 * Splits text into word tokens with the facts the entity rules need: capitalisation, whether the
 * word opens a sentence, whether it ends in a possessive, and whether its line is written in
 * capitals (a wire headline or dateline, where capitals say nothing about names).
 */

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
const LETTERS = /\p{L}/gu;
const LOWER = /\p{Ll}/gu;

/**
 * True when a line reads like a headline: in capitals, or in title case, where most words are
 * capitalised including at least two ordinary words ("Moscow Urges Yerevan and Baku to Intensify
 * Karabakh Talks"); a list of names ("Lisa Raymond (U.S.) beat Kimberly Po") is not a headline.
 */
function isCapsLine(line: string, isOrdinaryWord: (lower: string) => boolean): boolean {
  const letters = line.match(LETTERS)?.length ?? 0;
  if (letters === 0) return false;
  const lower = line.match(LOWER)?.length ?? 0;
  if (lower / letters < 0.15) return true;
  const words = line.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length < 4 || /[.!?]["”’]?\s*$/.test(line.trim()) || line.length > 200) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  const ordinary = capitalised.filter((word) => isOrdinaryWord(word.toLowerCase())).length;
  return capitalised.length / words.length >= 0.7 && ordinary >= 2;
}

function isSentenceStart(text: string, start: number, previous: WordToken | undefined): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"“”‘'([—–-]/.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  const before = text[i]!;
  if (!/[.!?:;…]/.test(before)) return false;
  // "P. Simmons" and "Mr. Smith" do not start sentences.
  if (before === '.' && previous && previous.end === i + 1) {
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
 * Splits text into word tokens; `isOrdinaryWord` tells title-case headlines from lists of names.
 */
export function tokenizeWords(
  text: string,
  isOrdinaryWord: (lower: string) => boolean = () => false,
): WordToken[] {
  const lineStarts = findLineStarts(text);
  const capsLines = lineStarts.map((_, l) =>
    isCapsLine(lineText(text, lineStarts, l), isOrdinaryWord),
  );
  const tokens: WordToken[] = [];
  scanTokens(
    text,
    0,
    lineStarts,
    (l) => capsLines[l]!,
    tokens,
    () => false,
  );
  return tokens;
}

/**
 * The tokens `tokenizeWords(text)` gives, worked out from the tokens of another text (usually the
 * previous version of the same paragraph): tokens in the stretch both texts start with are kept,
 * those in the stretch they end with are shifted, and only the words around the change are matched
 * again. Every field is what a fresh tokenisation gives; a line whose text changed has its
 * capitals test run again. Any pair of texts gives the right tokens; similar ones give them fast.
 */
export function retokenizeWords(
  previousText: string,
  previousTokens: readonly WordToken[],
  text: string,
  isOrdinaryWord: (lower: string) => boolean = () => false,
): WordToken[] {
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
  if (prefix === text.length && prefix === previousText.length) return [...previousTokens];
  const shift = text.length - previousText.length;
  // The common tail starts here in the new text; a line starting at or after it is unchanged.
  const tailStart = text.length - suffix;
  const lineStarts = findLineStarts(text);
  const lineShift = lineStarts.length - findLineStarts(previousText).length;
  const capsLines = new Map<number, boolean>();
  const capsLineOf = (l: number): boolean => {
    let caps = capsLines.get(l);
    if (caps === undefined) {
      caps = isCapsLine(lineText(text, lineStarts, l), isOrdinaryWord);
      capsLines.set(l, caps);
    }
    return caps;
  };
  // A line ending (with its line break) before the change, or starting after it, is unchanged.
  const lineUnchanged = (l: number): boolean => {
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! : text.length + 1;
    return end <= prefix || (l > 0 && lineStarts[l]! - 1 >= tailStart);
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
  if (resumeAt === undefined) return tokens;
  // From a match inside the common tail on, matching reads only the tail: the same matches,
  // shifted. Only the first one's sentence start can read across the change.
  for (let k = resumeAt; k < previousTokens.length; k++) {
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
  return tokens;
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
    const possessiveMatch = /['’]s$/.exec(word);
    if (possessiveMatch && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    if (word.length === 0) continue;
    const end = start + word.length;
    const letters = word.match(LETTERS)?.length ?? 0;
    const lower = word.toLowerCase();
    const token: WordToken = {
      start,
      end,
      text: word,
      lower,
      capitalised: /^\p{Lu}/u.test(word),
      upper: letters >= 2 && !/\p{Ll}/u.test(word),
      possessive,
      sentenceStart: false,
      capsLine: capsLineOf(line),
      line,
    };
    token.sentenceStart = isSentenceStart(text, start, tokens[tokens.length - 1]);
    tokens.push(token);
  }
}
