import { ABBREVIATIONS } from './speakerLexicon';

/** A word or punctuation token of the text around a quotation. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** 'word', 'punct', or 'quote' for a masked quotation. */
  type: 'word' | 'punct' | 'quote';
  /** True for a word that starts with a capital letter or digit-free initial ("G."). */
  capitalised: boolean;
}

/** The character that stands in for every character of a quotation in the masked text. */
export const QUOTE_FILLER = '\uE000';

const TOKEN = /\uE000+|[\p{L}\p{N}](?:[\p{L}\p{N}’'-]|\.(?=[\p{L}\p{N}]))*\.?|[^\s\uE000]/gu;
// The per-token tests, compiled once: a literal in the loop would make a new object per token.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ABBREVIATION_FOLLOWER = /[),;:\p{Ll}]/u;
const TRAILING_APOSTROPHE = /['’]$/;
const PLURAL_POSSESSIVE = /s['’]$/i;
const CAPITALISED = /^\p{Lu}/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** True for an abbreviation or an initial whose full stop belongs to the word ("Sen.", "G.", "U.S."). */
export function isAbbreviation(word: string): boolean {
  const base = word.endsWith('.') ? word.slice(0, -1) : word;
  if (SINGLE_CAPITAL.test(base)) return true;
  if (base.includes('.')) return true;
  return ABBREVIATIONS.has(base.toLowerCase());
}

/**
 * Splits `text[from, to)` into tokens. A full stop stays on an abbreviation ("Rep.", "D-Wis.") and
 * is split off any other word, so that sentence ends stay visible.
 */
export function tokenizeContext(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let value = m[0];
    const start = from + m.index;
    if (value[0] === QUOTE_FILLER) {
      tokens.push({
        start,
        end: start + value.length,
        text: value,
        lower: '',
        type: 'quote',
        capitalised: false,
      });
      continue;
    }
    if (WORD_CHARACTER.test(value[0]!)) {
      let stop = false;
      // A full stop before ")" or "," ("(D-Wis.)", "R-Ky.,") belongs to an abbreviation too.
      const following = text[start + value.length] ?? '';
      if (value.endsWith('.') && !isAbbreviation(value) && !ABBREVIATION_FOLLOWER.test(following)) {
        value = value.slice(0, -1);
        stop = true;
      }
      const trailing = TRAILING_APOSTROPHE.test(value) && !PLURAL_POSSESSIVE.test(value) ? 1 : 0;
      if (trailing) value = value.slice(0, -1);
      tokens.push({
        start,
        end: start + value.length,
        text: value,
        lower: value.toLowerCase(),
        type: 'word',
        capitalised: CAPITALISED.test(value),
      });
      if (trailing) {
        const at = start + value.length;
        tokens.push({
          start: at,
          end: at + 1,
          text: text[at]!,
          lower: text[at]!,
          type: 'punct',
          capitalised: false,
        });
      }
      if (stop) {
        const at = start + value.length + trailing;
        tokens.push({
          start: at,
          end: at + 1,
          text: '.',
          lower: '.',
          type: 'punct',
          capitalised: false,
        });
      }
      continue;
    }
    tokens.push({
      start,
      end: start + value.length,
      text: value,
      lower: value,
      type: 'punct',
      capitalised: false,
    });
  }
  return tokens;
}
