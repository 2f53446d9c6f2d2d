/**
 * Reads whether the clause around a date expression speaks of the past or of the future. News
 * reports what happened, so a bare "Friday" or "October" is the most recent one; only a future cue
 * ("will", "scheduled for", "plans to", "as early as") turns it forward.
 */

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
  'set',
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
const PAST_WORDS = new Set([
  'said',
  'says',
  'say',
  'told',
  'was',
  'were',
  'had',
  'did',
  'ago',
  'last',
  'earlier',
  'since',
  'began',
  'took',
  'came',
  'went',
  'met',
  'made',
  'gave',
  'held',
  'left',
  'found',
  'won',
  'lost',
  'spoke',
  'wrote',
  'saw',
  'fell',
  'rose',
  'broke',
  'ran',
  'sent',
  'paid',
  'led',
  'kept',
  'got',
  'brought',
  'thought',
  'struck',
  'hit',
  'shot',
]);

/** Auxiliaries that make the "-ed" word after them a participle, not a past tense ("will be held"). */
const PARTICIPLE_AUXILIARIES = new Set(['be', 'been', 'being', 'to']);

/** Characters that end the clause a cue may come from. */
const CLAUSE_END = /[.!?;:\n\r"“”«»(){}[\]]/;

/** How many words on each side of the expression are read. */
const WINDOW_WORDS = 8;

const WORD = /[\p{L}'’]+/gu;

/**
 * The leaning of the clause around `[start, end)` in `text`: the nearest cue word before the
 * expression decides; when there is none before it in the clause, the first cue after it does.
 */
export function readLeaning(text: string, start: number, end: number): Leaning {
  const before = clauseBefore(text, start);
  const words = before.match(WORD) ?? [];
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < WINDOW_WORDS; i--, seen++) {
    const leaning = leaningOfWord(words[i]!.toLowerCase(), words[i - 1]?.toLowerCase());
    if (leaning) return leaning;
  }
  // Only a clause opened by the date ("On Tuesday, the league will ...") reads forward.
  if (words.length > 2) return null;
  const after = clauseAfter(text, end);
  const next = after.match(WORD) ?? [];
  for (let i = 0; i < next.length && i < WINDOW_WORDS; i++) {
    const leaning = leaningOfWord(next[i]!.toLowerCase(), next[i - 1]?.toLowerCase());
    if (leaning) return leaning;
  }
  return null;
}

function leaningOfWord(word: string, previous: string | undefined): Leaning {
  if (FUTURE_WORDS.has(word)) return 'future';
  // "as early as Tuesday" looks forward; "in early October" gives no cue.
  if (word === 'early' && previous === 'as') return 'future';
  if (PAST_WORDS.has(word)) return 'past';
  if (word.length > 4 && word.endsWith('ed')) {
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
