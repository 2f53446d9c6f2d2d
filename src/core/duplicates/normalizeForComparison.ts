/**
 * Text normalisation for comparing article versions. Scrapers and cleaners change the typography
 * of a story without changing the story: curly or straight quotes, an em dash or two hyphens,
 * non-breaking spaces, line wrapping. These functions erase those differences.
 */

/** Single quotes, apostrophes and primes that stand for the ASCII apostrophe. */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4\u02bc\u02b9\uff07]/g;
/** Double quotes and guillemets that stand for the ASCII double quote. */
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02]/g;
/** Hyphens, dashes and the minus sign, which scrapers swap for one another. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|--+/g;
/** Hyphen-like characters that are always a plain hyphen. */
const HYPHENS = /[\u2010\u2011]/g;
/** Every run of white space, including no-break, zero-width-adjacent and line separators. */
const WHITE_SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Characters that change nothing visible and that some scrapers leave behind. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Normalises a text for comparison: lower case, every quote and apostrophe straight, every dash
 * a hyphen, invisible characters dropped and white space collapsed to single spaces.
 */
export function normalizeForComparison(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(WHITE_SPACE, ' ')
    .trim();
}

/**
 * Normalises a text for display in a diff: the case and the dashes are kept (they are part of
 * the story), but quotes and apostrophes are made straight, hyphen look-alikes become hyphens,
 * invisible characters are dropped and white space, line breaks included, collapses to one space.
 */
export function normalizeForDisplay(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(HYPHENS, '-')
    .replace(WHITE_SPACE, ' ')
    .trim();
}

/** A word for shingling: letters and digits, with inner apostrophes kept ("russia's", "don't"). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Splits a text normalised by `normalizeForComparison` into words. Punctuation is dropped, so a
 * changed comma or quote mark does not change the words.
 */
export function tokenizeWords(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}
