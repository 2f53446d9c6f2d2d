import type { Span } from '../types';
import {
  CAPITALISED_FUNCTION_WORDS,
  DETERMINERS,
  PRONOUNS,
  STOP_WORDS,
  TIME_WORDS,
  VERB_MODIFIERS,
} from './speakerLexicon';
import type { Token } from './tokenizeContext';
import { IRREGULAR_PAST_TENSES } from '../text/pastTenses';

/** Small words that join the parts of a name ("Secretary of State", "Osama bin Laden"). */
const NAME_CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'al',
  'la',
  'le',
  'da',
  'dos',
  'du',
  'y',
  'st.',
  'ibn',
  'el',
  'the',
  'and',
]);
const PAREN_OPEN = '(';
const PAREN_CLOSE = ')';
const MAX_DESCRIPTION_WORDS = 6;
const MAX_APPOSITION_TOKENS = 16;
const MAX_FRONTED_TOKENS = 25;

function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.type === 'word';
}

/** True for a capitalised word that can be part of a name. */
export function isNameWord(token: Token | undefined): boolean {
  return (
    isWord(token) &&
    token.capitalised &&
    !TIME_WORDS.has(token.lower) &&
    // "Oct." and "Monday's" are times too; only such endings need the copy without them.
    !(
      /(?:\.|['’]s)$/.test(token.lower) && TIME_WORDS.has(token.lower.replace(/(?:\.|['’]s)$/, ''))
    ) &&
    !NUMBER_WORD.test(token.lower)
  );
}

/** Numbers written as words ("Twenty-two years ago", "Hundreds of people"): never a name. */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?)(?:-[a-z]+)?$/;

/**
 * True for a capitalised participle that opens a sentence ("Following the debate …", "Wearing
 * their …"): it and the words after it up to the first comma are not the sentence's subject.
 */
export function isFrontedParticiple(token: Token | undefined): boolean {
  return isWord(token) && token.capitalised && /^[a-z]{3,}ing$/.test(token.lower);
}

/**
 * True when the span starting at `start` lies inside a fronted participle phrase of the sentence
 * that starts at `sentenceStart` ("Following initial reports of …, Trump said").
 */
export function insideFrontedParticiple(
  tokens: readonly Token[],
  sentenceStart: number,
  start: number,
): boolean {
  if (!isFrontedParticiple(tokens[sentenceStart])) return false;
  for (let k = sentenceStart + 1; k < tokens.length && tokens[k]!.start <= start; k++) {
    if (tokens[k]!.text === ',') return false;
  }
  return true;
}

function isPronoun(token: Token | undefined): boolean {
  return isWord(token) && PRONOUNS.has(token.lower) && token.lower !== 'you';
}

/** True for a possessive word: "Clinton's", "Davis'". */
export function isPossessive(token: Token): boolean {
  return /['’]s$/i.test(token.text) || /s['’]$/i.test(token.text);
}

/** Skips back over a parenthetical such as "(R-Fla.)"; returns the index before it or -1. */
function skipParenthesisBack(tokens: readonly Token[], close: number): number {
  for (let k = close - 1; k >= 0 && close - k < 10; k--) {
    if (tokens[k]!.text === PAREN_OPEN) return k - 1;
  }
  return -1;
}

/** Walks back over a capitalised name ending at `last`; returns the index of its first token. */
function nameStartBack(tokens: readonly Token[], last: number): number {
  let first = last;
  for (let k = last - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (isNameWord(token) && !CAPITALISED_FUNCTION_WORDS.has(token.lower) && !isPossessive(token)) {
      first = k;
    } else if (isWord(token) && token.lower === 'the' && token.capitalised) {
      first = k;
      break;
    } else if (
      isWord(token) &&
      NAME_CONNECTORS.has(token.lower) &&
      !token.capitalised &&
      isNameWord(tokens[k - 1])
    ) {
      continue;
    } else if (token.text === PAREN_CLOSE) {
      break;
    } else {
      break;
    }
  }
  // A connector cannot open a name.
  while (first < last && !tokens[first]!.capitalised) first++;
  return first;
}

/**
 * The speaker mention that ends just before `verb` (the subject of "Karasin said", "a source said",
 * "Flynn, a top Trump surrogate, said"), or null when the words there cannot be one.
 */
export function nounPhraseBefore(tokens: readonly Token[], verb: number, floor = 0): Span | null {
  let i = verb - 1;
  while (
    i >= floor &&
    isWord(tokens[i]) &&
    (VERB_MODIFIERS.has(tokens[i]!.lower) || isAdverb(tokens[i]!))
  )
    i--;
  if (
    i >= floor &&
    isWord(tokens[i]) &&
    (TIME_WORDS.has(tokens[i]!.lower) || /^\d{4}$/.test(tokens[i]!.text))
  ) {
    i--;
    if (
      i >= floor &&
      isWord(tokens[i]) &&
      /^(?:on|last|this|late|early|in)$/.test(tokens[i]!.lower)
    )
      i--;
  }
  if (i < floor) return null;
  let end = tokens[i]!.end;
  if (tokens[i]!.text === ',') {
    // An apposition between commas: "Flynn, a top Trump surrogate, said".
    let j = i - 1;
    while (
      j >= floor &&
      tokens[j]!.text !== ',' &&
      tokens[j]!.type !== 'quote' &&
      i - j <= MAX_APPOSITION_TOKENS &&
      !/^[.!?;:]$/.test(tokens[j]!.text)
    )
      j--;
    if (j < floor || tokens[j]!.text !== ',' || j === i - 1) return null;
    end = tokens[i - 1]!.end;
    i = j - 1;
    if (i < floor) return null;
  }
  if (tokens[i]!.text === PAREN_CLOSE) {
    const before = skipParenthesisBack(tokens, i);
    if (before < floor) return null;
    i = before;
  }
  const head = tokens[i]!;
  if (!isWord(head)) return null;
  if (isPronoun(head)) return { start: head.start, end };
  // A relative pronoun is the mention the annotators mark ("McConnell, who in 2010 said …").
  if (head.lower === 'who' || head.lower === 'which') return { start: head.start, end };
  if (isNameWord(head) && !CAPITALISED_FUNCTION_WORDS.has(head.lower)) {
    const first = Math.max(floor, nameStartBack(tokens, i));
    return { start: tokens[first]!.start, end };
  }
  if (
    head.capitalised ||
    STOP_WORDS.has(head.lower) ||
    DETERMINERS.has(head.lower) ||
    !/^\p{L}/u.test(head.text)
  )
    return null;
  if (isAdverb(head)) return null;
  // A participle after the noun ("a report released in August called …") is not the head.
  const beforeHead = tokens[i - 1];
  if (
    /[a-z]ed$/.test(head.lower) &&
    i - 1 >= floor &&
    isWord(beforeHead) &&
    !DETERMINERS.has(beforeHead.lower) &&
    !STOP_WORDS.has(beforeHead.lower) &&
    !isPossessive(beforeHead)
  ) {
    i--;
    end = beforeHead.end;
  }
  // A description: words back to a determiner or a possessive ("the ministry", "Clinton's campaign").
  let first = i;
  for (let k = i - 1; k >= floor && i - k < MAX_DESCRIPTION_WORDS; k--) {
    const token = tokens[k]!;
    if (!isWord(token) || (STOP_WORDS.has(token.lower) && !DETERMINERS.has(token.lower))) break;
    first = k;
    if (DETERMINERS.has(token.lower) || isPossessive(token)) break;
  }
  return { start: tokens[first]!.start, end };
}

/**
 * True when the word at `k`, after a description's noun, is its verb rather than one more of its
 * words: a past tense followed by an object, a name, a small word or punctuation ("a Times
 * article hailed Trump", "a report released in August"), where an adjective would be followed by
 * its noun ("the retired general").
 */
function isVerbAfterNoun(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (
    token.capitalised ||
    !(/[a-z]ed$/.test(token.lower) || IRREGULAR_PAST_TENSES.has(token.lower))
  )
    return false;
  const next = tokens[k + 1];
  return (
    !isWord(next) ||
    next.capitalised ||
    STOP_WORDS.has(next.lower) ||
    DETERMINERS.has(next.lower) ||
    isPronoun(next)
  );
}

/** Words in "-ly" that are nouns or adjectives ("the daily newspaper", "a family friend"). */
const NOT_ADVERBS =
  /^(?:family|ally|rally|italy|belly|jelly|bully|july|supply|reply|assembly|fly|only|daily|weekly|monthly|yearly|quarterly|elderly|friendly|deadly|costly|lonely|likely|unlikely|holy|ugly|silly|lovely|orderly|anomaly|monopoly|lily|butterfly|homily|melancholy|early|hourly|nightly|burly|curly|surly|bodily|kindly|manly|womanly|worldly|scholarly|sickly)$/;

function isAdverb(token: Token): boolean {
  return !token.capitalised && isAdverbWord(token.lower);
}

/** True for a lower-cased word in "-ly" that is an adverb ("specifically", not "family"). */
function isAdverbWord(lower: string): boolean {
  return /^[a-z]{3,}ly$/.test(lower) && !NOT_ADVERBS.test(lower);
}

/**
 * The speaker mention that starts at `from` (the object of "said Karasin", "according to the
 * ministry"), or null when the words there cannot be one ("said Thursday", "said in a statement").
 */
export function nounPhraseAfter(
  tokens: readonly Token[],
  from: number,
  limit = tokens.length,
): Span | null {
  if (from >= limit) return null;
  const head = tokens[from];
  if (!isWord(head)) return null;
  if (isPronoun(head)) return { start: head.start, end: head.end };
  if (TIME_WORDS.has(head.lower)) return null;
  // "said that …" opens a clause, not a speaker.
  if (head.lower === 'that') return null;
  // "The" before words in lower case opens a description ("The choice"), not a name.
  const titledThe = head.lower === 'the' && !isNameWord(tokens[from + 1]);
  if (head.capitalised && !titledThe && !(DETERMINERS.has(head.lower) && head.lower !== 'the')) {
    if (CAPITALISED_FUNCTION_WORDS.has(head.lower) && head.lower !== 'the') return null;
    let last = from;
    for (let k = from + 1; k < limit; k++) {
      const token = tokens[k]!;
      if (isNameWord(token)) last = k;
      else if (
        isWord(token) &&
        NAME_CONNECTORS.has(token.lower) &&
        isNameWord(tokens[k + 1]) &&
        token.lower !== 'and'
      )
        continue;
      else if (token.text === PAREN_OPEN) {
        let close = -1;
        for (let c = k + 1; c < limit && c - k < 10; c++) {
          if (tokens[c]!.text === PAREN_CLOSE) {
            close = c;
            break;
          }
        }
        if (close === -1) break;
        last = close;
        k = close;
      } else break;
    }
    return { start: head.start, end: tokens[last]!.end };
  }
  if (STOP_WORDS.has(head.lower) && !DETERMINERS.has(head.lower)) return null;
  let last = from;
  for (let k = from + 1; k < limit && k - from < MAX_DESCRIPTION_WORDS; k++) {
    const token = tokens[k]!;
    if (!isWord(token) || STOP_WORDS.has(token.lower) || isAdverb(token)) break;
    if (k > from + 1 && isVerbAfterNoun(tokens, k)) break;
    last = k;
  }
  if (last === from && DETERMINERS.has(head.lower)) return null;
  return { start: head.start, end: tokens[last]!.end };
}

/**
 * The grammatical subject of a sentence, for cues that attribute to it ("Karasin welcomed the
 * meeting, saying, …" and colon introductions "Caddell continued:"): the first name, pronoun or
 * description that is not inside a prepositional phrase and is followed by a verb-like word.
 */
export function sentenceSubject(tokens: readonly Token[], from: number, to: number): Span | null {
  from = skipFrontedPhrase(tokens, skipDateline(tokens, from, to), to);
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (!isWord(token)) continue;
    // A participle without its comma ("Following Monday's debate Politifact did …") is no subject.
    if (i === from && isFrontedParticiple(token)) continue;
    const previous = tokens[i - 1];
    const afterPreposition =
      i > from &&
      isWord(previous) &&
      (STOP_WORDS.has(previous.lower) || DETERMINERS.has(previous.lower)) &&
      !/^(?:and|but|so|then|that)$/.test(previous.lower);
    if (afterPreposition) continue;
    let phrase: Span | null = null;
    let next = i + 1;
    if (isPronoun(token)) {
      phrase = { start: token.start, end: token.end };
    } else if (
      isNameWord(token) &&
      !CAPITALISED_FUNCTION_WORDS.has(token.lower) &&
      !/^\p{N}/u.test(token.text) &&
      !(token.lower === 'the' && !isNameWord(tokens[i + 1]))
    ) {
      const span = nounPhraseAfter(tokens, i, to);
      if (span) {
        phrase = span;
        while (next < to && tokens[next]!.start < span.end) next++;
      }
    } else if (
      DETERMINERS.has(token.lower) &&
      !/^(?:that|this|no|all|such|one|each|every)$/.test(token.lower)
    ) {
      const span = descriptionBeforeVerb(tokens, i, to) ?? nounPhraseAfter(tokens, i, to);
      if (span && span.end > token.end) {
        phrase = span;
        while (next < to && tokens[next]!.start < span.end) next++;
      }
    }
    if (!phrase) continue;
    // An auxiliary is a verb ("He did not address …", "The ministry was …").
    if (isWord(tokens[next]) && AUXILIARIES.has(tokens[next]!.lower)) return phrase;
    while (next < to && isWord(tokens[next]) && VERB_MODIFIERS.has(tokens[next]!.lower)) next++;
    const verb = tokens[next];
    // A determiner starts the object of a fronted participle ("Bemoaning the …"), not a verb.
    if (
      isWord(verb) &&
      !verb.capitalised &&
      !STOP_WORDS.has(verb.lower) &&
      !DETERMINERS.has(verb.lower)
    )
      return phrase;
    if (verb && verb.text === ',') {
      // "Trump, speaking at a rally, called …": an apposition or aside after the subject.
      let k = next + 1;
      while (k < to && tokens[k]!.text !== ',' && k - next < 2 * MAX_APPOSITION_TOKENS) k++;
      const after = tokens[k + 1];
      if (k < to && isWord(after) && !after.capitalised && !STOP_WORDS.has(after.lower))
        return phrase;
    }
  }
  return null;
}

/**
 * The shortest description from the determiner at `from` that a verb follows ("The article closes
 * with …", "the government gave …", "the White House press office said …"), or null.
 */
function descriptionBeforeVerb(tokens: readonly Token[], from: number, to: number): Span | null {
  for (let k = from + 1; k < to && k - from <= MAX_DESCRIPTION_WORDS; k++) {
    const token = tokens[k]!;
    if (!isWord(token) || STOP_WORDS.has(token.lower) || DETERMINERS.has(token.lower)) return null;
    const next = tokens[k + 1];
    if (isPossessive(token) || !isWord(next) || next.capitalised) continue;
    if (
      LIKELY_VERB.test(next.lower) ||
      IRREGULAR_PAST_TENSES.has(next.lower) ||
      VERB_MODIFIERS.has(next.lower)
    )
      return { start: tokens[from]!.start, end: token.end };
  }
  return null;
}

/** Auxiliaries and modals, which follow a subject ("He did not …", "The ministry was …"). */
const AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'has',
  'had',
  'have',
  'did',
  'does',
  'will',
  'would',
  'could',
  'should',
  'might',
  'must',
  'can',
]);

/** Word forms that are most often a verb after a noun: "closes", "called", "is", "has". */
const LIKELY_VERB = /^(?:[a-z]+(?:[^s]s|ed)|is|was|are|were|says)$/;

/** True when the word before `start` is a preposition, so a phrase there is not a clause subject. */
export function followsPreposition(
  tokens: readonly Token[],
  start: number,
  before: number,
): boolean {
  let index = Math.min(before, tokens.length - 1);
  while (index > 0 && tokens[index]!.start > start) index--;
  const previous = tokens[index - 1];
  return (
    index > 0 &&
    isWord(previous) &&
    STOP_WORDS.has(previous.lower) &&
    !/^(?:and|but|so|that|then|as|while|when|because|if|though|although|whether)$/.test(
      previous.lower,
    ) &&
    !previous.capitalised
  );
}

/**
 * Skips a fronted phrase that ends at a comma ("In a statement, …", "Following the meeting, …",
 * "Bemoaning the system, …"), so that the subject search starts at the main clause.
 */
function skipFrontedPhrase(tokens: readonly Token[], from: number, to: number): number {
  const first = tokens[from];
  if (!isWord(first) || !first.capitalised) return from;
  const fronted =
    CAPITALISED_FUNCTION_WORDS.has(first.lower) ||
    /ing$/.test(first.lower) ||
    isAdverbWord(first.lower) ||
    NUMBER_WORD.test(first.lower) ||
    TIME_WORDS.has(first.lower.replace(/\.$/, ''));
  if (!fronted || first.lower === 'the') return from;
  for (let k = from + 1; k < to && k - from <= MAX_FRONTED_TOKENS; k++) {
    if (tokens[k]!.text === ',') return k + 1 < to ? k + 1 : from;
  }
  return from;
}

/** How many tokens a dateline may take before its dash ("FLINT, Mich., Oct. 4 (UPI) —"). */
const MAX_DATELINE_TOKENS = 14;

/** Skips a dateline that opens the sentence, so its place and date are not read as the subject. */
function skipDateline(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from; k < to && k - from <= MAX_DATELINE_TOKENS; k++) {
    const token = tokens[k]!;
    if (token.text === '\u2014' || token.text === '--' || token.text === '\u2013')
      return k > from ? k + 1 : from;
    const datelineWord =
      token.type !== 'word' ||
      token.capitalised ||
      /^\d/.test(token.text) ||
      /^[,.()]$/.test(token.text);
    if (!datelineWord) return from;
  }
  return from;
}
