/**
 * Reads whether the clause around a date expression speaks of the past or of the future. News
 * reports what happened, so a bare "Friday" or "October" is the most recent one; only a future cue
 * ("will", "scheduled for", "plans to", "as early as") turns it forward.
 */

import { IRREGULAR_PAST_TENSES } from '../text/pastTenses';

/** The time a clause points to, or null when it gives no cue. */
export type Leaning = 'past' | 'future' | null;

/** Words that put the clause in the future (checked before the past cues: "planned", "expected"). */
const FUTURE_WORDS = new Set([
  'will',
  "'ll",
  '’ll',
  'shall',
  'would',
  "won't",
  'won’t',
  'plan',
  'plans',
  'planned',
  'planning',
  'schedule',
  'scheduled',
  'expect',
  'expects',
  'expected',
  'due',
  'ahead',
  'intend',
  'intends',
  'intended',
  'going',
  'until',
  'till',
  'upcoming',
  'coming',
  'next',
  'soon',
  'deadline',
  'tomorrow',
  'await',
  'awaits',
  'awaiting',
]);

/** Words that put the clause in the past; any other word ending in "-ed" counts as well. */
const PAST_WORDS: ReadonlySet<string> = new Set([
  'says',
  'say',
  'was',
  'were',
  'had',
  'did',
  'ago',
  'last',
  'earlier',
  'since',
  ...IRREGULAR_PAST_TENSES,
]);

/** Auxiliaries that make the "-ed" word after them a participle, not a past tense ("will be held"). */
const PARTICIPLE_AUXILIARIES = new Set(['be', 'been', 'being', 'to', 'is', 'are']);

/** Future words that are also past tenses: after the date they describe the past ("On Friday, X planned"). */
const PAST_FORMS_OF_FUTURE_WORDS = /ed$/;

/** Characters that end the clause a cue may come from. */
const CLAUSE_END = /[.!?;:\n\r\u2028\u2029"“”«»{}[\]]/;

/** How many words on each side of the expression are read. */
const WINDOW_WORDS = 8;
/** How many words after a clause-opening date are read: the subject may be a long name. */
const FORWARD_WINDOW_WORDS = 12;
/** How many words before a possessive date ("Wednesday's ruling") are read: it names a known event. */
const POSSESSIVE_WINDOW_WORDS = 3;

const WORD = /[\p{L}'’]+/gu;

/**
 * The leaning of the clause around `[start, end)` in `text`: the nearest cue word before the
 * expression decides; when the expression opens its clause ("On Tuesday, the league will ..."), the
 * first cue after it does.
 */
export function readLeaning(text: string, start: number, end: number): Leaning {
  const original = clauseBefore(text, start).match(WORD) ?? [];
  const words = original.map((w) => w.toLowerCase());
  // A capitalised "-ed" word is a name ("United States"), not a past tense.
  const capitalized = original.map((w) => /^\p{Lu}/u.test(w));
  const possessive = /^['’]s\b/.test(text.slice(end, end + 3));
  const window = possessive ? POSSESSIVE_WINDOW_WORDS : WINDOW_WORDS;
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < window; i--, seen++) {
    const leaning = leaningOfWord(words, capitalized, i, words[i + 1]);
    if (leaning) return leaning;
  }
  if (words.length > 2 || possessive) return null;
  const after = clauseAfter(text, end).match(WORD) ?? [];
  const next = after.map((w) => w.toLowerCase());
  const nextCapitalized = after.map((w) => /^\p{Lu}/u.test(w));
  for (let i = 0; i < next.length && i < FORWARD_WINDOW_WORDS; i++) {
    const leaning = leaningOfWord(next, nextCapitalized, i, next[i + 1]);
    // After the date, a past form such as "planned" is the clause's own past tense.
    if (leaning === 'future' && PAST_FORMS_OF_FUTURE_WORDS.test(next[i]!)) {
      return next[i - 1] !== undefined && PARTICIPLE_AUXILIARIES.has(next[i - 1]!)
        ? 'future'
        : 'past';
    }
    if (leaning) return leaning;
  }
  return null;
}

function leaningOfWord(
  words: readonly string[],
  capitalized: readonly boolean[],
  i: number,
  following: string | undefined,
): Leaning {
  const word = words[i]!;
  const previous = words[i - 1];
  // "set for April" and "set to meet" look forward; "set aside" does not.
  if (word === 'set') return following === 'to' || following === 'for' ? 'future' : null;
  // "postponed until Tuesday" looks forward; a clause opened by "Until Thursday" looks back.
  if ((word === 'until' || word === 'till') && i <= 1) return null;
  if (FUTURE_WORDS.has(word)) return 'future';
  // "as early as Tuesday" looks forward; "in early October" gives no cue.
  if (word === 'early' && previous === 'as') return 'future';
  if (PAST_WORDS.has(word) || (word.length > 4 && word.endsWith('ed') && !capitalized[i])) {
    return previous !== undefined && PARTICIPLE_AUXILIARIES.has(previous) ? null : 'past';
  }
  return null;
}

function clauseBefore(text: string, start: number): string {
  let from = start;
  const limit = Math.max(0, start - 200);
  while (from > limit && !CLAUSE_END.test(text[from - 1]!)) from--;
  return text.slice(from, start);
}

function clauseAfter(text: string, end: number): string {
  let to = end;
  const limit = Math.min(text.length, end + 200);
  while (to < limit && !CLAUSE_END.test(text[to]!)) to++;
  return text.slice(end, to);
}
