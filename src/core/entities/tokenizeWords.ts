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
  const tokens: WordToken[] = [];
  const lineStarts: number[] = [0];
  const capsLines: boolean[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  for (let l = 0; l < lineStarts.length; l++) {
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : text.length;
    capsLines.push(isCapsLine(text.slice(lineStarts[l], end), isOrdinaryWord));
  }
  let line = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    const start = match.index;
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
      capsLine: capsLines[line]!,
      line,
    };
    token.sentenceStart = isSentenceStart(text, start, tokens[tokens.length - 1]);
    tokens.push(token);
  }
  return tokens;
}
