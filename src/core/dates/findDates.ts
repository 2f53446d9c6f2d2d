/**
 * Finds date and time expressions in news text and normalises them against the article date.
 * Chrono finds the expressions; our news rules fix their extents to TimeML's (no leading
 * preposition), drop what is not a calendar date (durations, event-relative spans), add what chrono
 * misses (bare years, decades, holidays, seasons, quarters) and resolve open expressions the way news
 * means them: "Friday" and "October" are the most recent ones unless the clause looks forward.
 */
import { engineFault, type FaultListener } from '../analysis/engineFault';
import type { DateMention, Span } from '../types';
import { parseWithChrono, type ChronoHit } from '../nlp/chrono';
import {
  addMonths,
  formatDay,
  formatMonth,
  formatYear,
  parseAnchor,
  type CalendarDay,
} from './calendar';
import { readLeaning } from './readLeaning';
import {
  HOLIDAYS,
  readModifier,
  resolveMonth,
  resolveMonthDay,
  resolveWeekday,
  resolveYearlyDay,
  type DateModifier,
} from './resolveRelative';
import { splitIntoChunks, splitIntoSentences } from './splitIntoChunks';

/** What an expression means before the article date is applied. */
type Meaning =
  /** A value the text states in full ("Dec. 27, 2017", "1995"), or null when none can be given. */
  | { kind: 'fixed'; value: string | null }
  /** A value chrono computed from the article date ("last month", "today"). */
  | { kind: 'relative'; value: string }
  | { kind: 'weekday'; weekday: number; modifier: DateModifier }
  | { kind: 'month'; month: number; modifier: DateModifier }
  | { kind: 'monthOfYear'; month: number; yearOffset: number }
  | { kind: 'monthDay'; month: number; day: number }
  | { kind: 'holiday'; dayInYear: (year: number) => CalendarDay; modifier: DateModifier }
  /** A year counted back from the article date ("a decade ago"). */
  | { kind: 'yearsAgo'; years: number }
  /** A clock time without a day: it takes the day of a date in the same sentence. */
  | { kind: 'time' };

interface Candidate extends Span {
  meaning: Meaning;
  /** A period such as "this year" or "last month", which takes "early"/"late" modifiers. */
  period?: boolean;
}

const MONTH_WORD =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b/gi;

/** Prepositions and part-of-day heads that TimeML leaves outside the extent. */
const LEADING_WORDS =
  /^\s*(?:(?:on|in|at|by|for|since|until|till|from|during|of|around|about|after|before|as of|through|throughout|between|within|(?:the\s+)?(?:morning|afternoon|evening|night)\s+of)\s+)+/i;
const TRAILING_JUNK = /(?:[\s,;:()[\]]|\s(?:of|at|on|in|and|to)\b)+$/i;
const UNIT = /\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)\b/i;
const DURATION_LEAD = /^(?:for|within|in|over|during|throughout)\s/i;
const EVENT_RELATIVE = /\b(?:after|before|later|earlier|afterwards?|prior)$/i;
const SPAN_OF_UNITS =
  /^(?:the\s+)?(?:(?:past|previous)\s+(?:\S+\s+)?|(?:last|next|coming|first|final)\s+\S+\s+)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;
const NOT_A_DATE =
  /^(?:(?:right\s+)?now|the\s+present|this\s+day|(?:the\s+)?(?:day|morning|afternoon|evening|night|noon|midday|midnight|dawn|dusk)|weekend|\d{1,2}|\d{1,2}\/\d{1,2}|\d+\s*[ap]|[\d\s]+(?:to|-|–|and|through)[\d\s]+|(?:this|that)\s+(?:second|minute|hour)|(?:a|one|the)\s+quarter)$/i;
/** A compound number before chrono's match ("Seventy-four years ago" read as "four years ago"). */
const COMPOUND_NUMBER_BEFORE = /\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-$/i;
/** Words after a holiday that make it a name or a thing ("Easter Island", "Christmas trees"). */
const NOT_HOLIDAY_AFTER =
  /^\s+(?:\p{Lu}\p{Ll}|(?:trees?|shopping|party|parties|cards?|gifts?|dinners?|lights|carols?|decorations|markets?|sales|eggs?|bunny|spirit|music|movies?|songs?|specials?|turkeys?)\b)/u;
const STATED_YEAR = /\b\d{4}\b|'\d{2}\b/;
const RELATIVE_WORD = /\b(?:ago|last|next|this|coming|past|today|tonight|tomorrow|yesterday)\b/i;
const WEEK_WORD = /\bweek(?:s|ends?)?\b/i;
const SAME_DAY_PART = /^(?:this\s+(?:morning|afternoon|evening)|tonight)$/i;
const MODIFIER_BEFORE = /\b(last|this|next|coming|past)\s+$/i;
const YEAR_AFTER_MONTH = /^\s+(?:of\s+)?(this|next|last)\s+year\b/i;
const HEDGE_BEFORE =
  /\b(?:almost|nearly|about|around|some|roughly|just|more\s+than|less\s+than|over)\s+$/i;
const WEEK_OF_BEFORE = /\bthe\s+week\s+of\s+$/i;
const EARLY_LATE_BEFORE = /\b(?:early|late|mid)(?:\s+|-)$/i;
const PROPER_NAME_BEFORE = /(?:^|[^.!?]\s)(\p{Lu}[\p{L}'’]*)\s+$/u;
const NOT_NAME_WORDS = new Set([
  'in',
  'on',
  'by',
  'since',
  'until',
  'last',
  'next',
  'this',
  'early',
  'late',
  'mid',
  'the',
  'of',
  'from',
  'through',
  'during',
  'and',
  'or',
  'but',
  'till',
]);

/** Bare years 1700-2099 that are not amounts, codes or clock times. */
const YEAR =
  /(?<![\d$£€¥#/.,:]|\b\d{1,2}-|\bNo\.\s?|\b(?:number|flight|route|highway|room|article|resolution|section|chapter|page|model|version)\s)\b(1[7-9]\d\d|20\d\d)\b(?![.,:/]?\d|%|-(?:\d{1,2}\b|[a-z])|\s*(?:percent|per\s+cent|GMT|UTC|EST|EDT|CST|PST|hrs?|hours?|local\s+time)\b|\s+(?:people|persons|men|women|children|troops|soldiers|police|officers|votes|voters|members|residents|workers|students|delegates|dollars|euros|pounds|yuan|rubles|tons|tonnes|meters|metres|kilometers|kilometres|km|miles|feet|acres|hectares|cases|deaths|units|shares|jobs|pages|words|calories|cars|homes|houses|seats|rooms|beds|points|miles?)\b)/gi;
const DECADE =
  /(?<![\w'])(?:(?:early|mid|late)[\s-]+)?(?:(1[7-9]\d0|20\d0)'?s|['’](\d0)s)(?![\w'])/gi;
const DECADES_AGO =
  /\b(a|one|two|three|four|five|six|seven|eight|nine|\d+)\s+(decades?|century|centuries)\s+ago\b/gi;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const SEASON =
  /\b(?:(last|this|next|early|late)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(1[7-9]\d\d|20\d\d))?\b/gi;
const QUARTER =
  /\b(the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)([\s-])quarter(?:\s+of\s+(?:1[7-9]\d\d|20\d\d))?\b/gi;
const WEEKEND = /\b(?:the|this|last|next)\s+weekend\b/gi;
const HOLIDAY = new RegExp(
  `\\b(?:(last|this|next|coming)\\s+)?(?:${HOLIDAYS.map((h) => `(${h.pattern})`).join('|')})(?![\\w'])`,
  'g',
);

/**
 * Finds the date and time expressions of `text` with TimeML-style extents and values `YYYY-MM-DD`,
 * `YYYY-MM` or `YYYY` resolved against `anchor` (the article date, `YYYY-MM-DD`); with no anchor,
 * expressions that depend on it get a null value. Spans are sorted and never overlap. A failure
 * inside one sentence loses that sentence's dates only; the function itself never throws.
 */
export function findDates(
  text: string,
  anchor: string | null,
  onFault?: FaultListener,
): DateMention[] {
  const anchorDay = parseAnchor(anchor);
  const reference = anchorDay
    ? new Date(anchorDay.year, anchorDay.month - 1, anchorDay.day, 12)
    : new Date(2000, 0, 1, 12);
  const candidates: Candidate[] = [];
  for (const chunk of splitIntoChunks(text)) {
    candidates.push(...chronoCandidates(text, chunk, reference, onFault));
    candidates.push(...ruleCandidates(text, chunk));
  }
  for (const candidate of candidates) extendCandidate(text, candidate);
  const chosen = removeOverlaps(candidates);
  return resolveValues(text, chosen, anchorDay, onFault);
}

/** Chrono's expressions in one chunk; a chunk that makes chrono fail is retried sentence by sentence. */
function chronoCandidates(
  text: string,
  chunk: Span,
  reference: Date,
  onFault: FaultListener | undefined,
): Candidate[] {
  const hits = parseSafely(text, chunk, reference, onFault);
  const candidates: Candidate[] = [];
  for (const { hit, offset } of hits) {
    const candidate = candidateFromHit(text, hit, offset, reference);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

function parseSafely(
  text: string,
  chunk: Span,
  reference: Date,
  onFault: FaultListener | undefined,
): Array<{ hit: ChronoHit; offset: number }> {
  try {
    return parseWithChrono(text.slice(chunk.start, chunk.end), reference).map((hit) => ({
      hit,
      offset: chunk.start,
    }));
  } catch {
    const found: Array<{ hit: ChronoHit; offset: number }> = [];
    for (const sentence of splitIntoSentences(text, chunk)) {
      try {
        const hits = parseWithChrono(text.slice(sentence.start, sentence.end), reference);
        for (const hit of hits) found.push({ hit, offset: sentence.start });
      } catch (error) {
        // This sentence defeats the parser: it loses its dates, the rest of the text keeps theirs.
        onFault?.(engineFault('dates of a sentence', error));
      }
    }
    return found;
  }
}

/** Turns one chrono hit into a candidate with a TimeML extent, or null when it is no calendar date. */
function candidateFromHit(
  text: string,
  hit: ChronoHit,
  offset: number,
  reference: Date,
): Candidate | null {
  const raw = hit.text;
  const leading = LEADING_WORDS.exec(raw)?.[0].length ?? 0;
  const trailing = TRAILING_JUNK.exec(raw.slice(leading))?.[0].length ?? 0;
  const start = offset + hit.index + leading;
  const end = offset + hit.index + raw.length - trailing;
  if (end <= start) return null;
  const core = text.slice(start, end);

  const compound = COMPOUND_NUMBER_BEFORE.exec(lineBefore(text, start, 10));
  if (compound) {
    // The number is longer than chrono read: the span is kept, its value would be wrong.
    return { start: start - compound[0].length, end, meaning: { kind: 'fixed', value: null } };
  }
  if (DURATION_LEAD.test(raw) && UNIT.test(core) && !/\bago\b/i.test(core)) return null;
  if (EVENT_RELATIVE.test(core) || SPAN_OF_UNITS.test(core) || NOT_A_DATE.test(core)) return null;
  if (hasLowercaseName(core)) return null;

  // A part-of-day head ("night of Friday, Oct. 23") hides the date from chrono's fields: reread it.
  let fields = hit;
  if (/\bof\s/i.test(raw.slice(0, leading))) {
    const reread = parseWithChrono(core, reference)[0];
    if (!reread || reread.index !== 0) return null;
    fields = reread;
  }
  const meaning = meaningOfHit(core, fields);
  if (
    ((meaning.kind === 'month' || /^T(?:oday|ODAY)$/.test(core)) && looksLikeName(text, start)) ||
    (meaning.kind === 'month' && looksLikeMarch(text, start, end))
  ) {
    return null;
  }
  return { start, end, meaning, period: /^(?:this|last|next)\s+(?:week|month|year)$/i.test(core) };
}

function meaningOfHit(core: string, hit: ChronoHit): Meaning {
  const { certain, computed } = hit;
  if (hit.isRange || WEEK_WORD.test(core)) return { kind: 'fixed', value: null };
  if (STATED_YEAR.test(core)) {
    const year = certain.year ?? computed.year;
    if (certain.month && certain.day) return fixedDay(year, certain.month, certain.day);
    if (certain.month) return { kind: 'fixed', value: formatMonth(year, certain.month) };
    return { kind: 'fixed', value: formatYear(year) };
  }
  if (SAME_DAY_PART.test(core)) return { kind: 'relative', value: formatDay(computed) };
  if (RELATIVE_WORD.test(core)) {
    if (certain.weekday !== undefined && !certain.day) {
      return { kind: 'weekday', weekday: certain.weekday, modifier: readModifier(firstWord(core)) };
    }
    if (certain.month !== undefined && !certain.day && !certain.year) {
      return { kind: 'month', month: certain.month, modifier: readModifier(firstWord(core)) };
    }
    if (certain.day) return { kind: 'relative', value: formatDay(computed) };
    if (certain.month)
      return { kind: 'relative', value: formatMonth(computed.year, computed.month) };
    if (certain.year) return { kind: 'relative', value: formatYear(computed.year) };
    return { kind: 'fixed', value: null };
  }
  if (certain.month && certain.day)
    return { kind: 'monthDay', month: certain.month, day: certain.day };
  if (certain.weekday !== undefined)
    return { kind: 'weekday', weekday: certain.weekday, modifier: null };
  if (certain.month) return { kind: 'month', month: certain.month, modifier: null };
  if (certain.hour !== undefined) return { kind: 'time' };
  return { kind: 'fixed', value: null };
}

function fixedDay(year: number, month: number, day: number): Meaning {
  return { kind: 'fixed', value: formatDay({ year, month, day }) };
}

function firstWord(core: string): string | undefined {
  return /^[A-Za-z]+/.exec(core)?.[0];
}

/** True when a month or weekday name is written in lower case ("march", "may", "sat"): a verb or word. */
function hasLowercaseName(core: string): boolean {
  for (const match of core.matchAll(MONTH_WORD)) {
    if (match[0][0] !== match[0][0]!.toUpperCase()) return true;
  }
  return false;
}

/** True when a bare month follows a capitalised word mid-sentence ("Women's March", "Theresa May"). */
function looksLikeName(text: string, start: number): boolean {
  const before = PROPER_NAME_BEFORE.exec(lineBefore(text, start, 40));
  return before !== null && !NOT_NAME_WORDS.has(before[1]!.toLowerCase());
}

/** True for a march, the event: "the March for Life", "a March of the Combatant Mothers". */
function looksLikeMarch(text: string, start: number, end: number): boolean {
  return (
    text.slice(start, end) === 'March' &&
    /\b(?:the|a|annual|this year's)\s+["“'`‘]*$/i.test(lineBefore(text, start, 20)) &&
    /^\s+(?:for|of|on|against|to)\s/.test(text.slice(end, end + 10))
  );
}

/** What our own rules find in one chunk: years, decades, seasons, quarters, weekends and holidays. */
function ruleCandidates(text: string, chunk: Span): Candidate[] {
  const slice = text.slice(chunk.start, chunk.end);
  const found: Candidate[] = [];
  const at = (index: number, length: number, meaning: Meaning): void => {
    found.push({ start: chunk.start + index, end: chunk.start + index + length, meaning });
  };
  for (const match of slice.matchAll(YEAR)) {
    // "mid-2016" and "post-1959" are one word: the prefix belongs to the date.
    const prefix = /\b(?:mid|post|pre)-$/i.exec(
      slice.slice(Math.max(0, match.index - 5), match.index),
    );
    const from = match.index - (prefix?.[0].length ?? 0);
    at(from, match.index + match[0].length - from, { kind: 'fixed', value: match[1]! });
  }
  for (const match of slice.matchAll(DECADES_AGO)) {
    const count = match[1]!.toLowerCase();
    const decades = /^\d+$/.test(count) ? Number(count) : (NUMBER_WORDS[count] ?? 1);
    const years = match[2]!.toLowerCase().startsWith('century') ? 100 * decades : 10 * decades;
    at(match.index, match[0].length, { kind: 'yearsAgo', years });
  }
  for (const match of slice.matchAll(DECADE))
    at(match.index, match[0].length, { kind: 'fixed', value: null });
  for (const match of slice.matchAll(SEASON)) {
    // "fall" and "spring" are verbs and nouns too: only a modifier or a year makes them a season.
    if (match[1] || match[3]) at(match.index, match[0].length, { kind: 'fixed', value: null });
  }
  for (const match of slice.matchAll(QUARTER)) {
    // "the third quarter" is one noun phrase; in "the third-quarter profit", "the" is the profit's.
    const skip = match[1] && match[2] === '-' ? match[1].length : 0;
    at(match.index + skip, match[0].length - skip, { kind: 'fixed', value: null });
  }
  for (const match of slice.matchAll(WEEKEND))
    at(match.index, match[0].length, { kind: 'fixed', value: null });
  for (const match of slice.matchAll(HOLIDAY)) {
    const which = match.slice(2).findIndex((group) => group !== undefined);
    const holiday = HOLIDAYS[which];
    const week = /^\s+week\b/i.exec(slice.slice(match.index + match[0].length));
    if (holiday && week) {
      // "Easter week" is a week: TimeML would write 2000-W16, which our values do not express.
      at(match.index, match[0].length + week[0].length, { kind: 'fixed', value: null });
    } else if (holiday && !NOT_HOLIDAY_AFTER.test(slice.slice(match.index + match[0].length))) {
      // "Easter Island" and "Christmas trees" are not days.
      at(match.index, match[0].length, {
        kind: 'holiday',
        dayInYear: holiday.dayInYear,
        modifier: readModifier(match[1]),
      });
    }
  }
  return found;
}

/**
 * Widens a candidate to the words TimeML counts as part of it: a modifier before a weekday or month
 * ("last October"), a year after a month ("January next year"), and "early"/"late" before a month or
 * a period ("late November", "earlier this year").
 */
function extendCandidate(text: string, candidate: Candidate): void {
  const meaning = candidate.meaning;
  const before = lineBefore(text, candidate.start, 12);
  if (
    (meaning.kind === 'weekday' || meaning.kind === 'month' || meaning.kind === 'holiday') &&
    !meaning.modifier
  ) {
    const modifier = MODIFIER_BEFORE.exec(before);
    if (modifier) {
      meaning.modifier = readModifier(modifier[1]);
      candidate.start -= modifier[0].length;
    }
  }
  // "this past Sunday": chrono reads "past Sunday".
  if (/^past\s/i.test(text.slice(candidate.start, candidate.end)) && /\bthis\s+$/i.test(before)) {
    candidate.start -= /\bthis\s+$/i.exec(before)![0].length;
  }
  if (meaning.kind === 'month' && !meaning.modifier) {
    const year = YEAR_AFTER_MONTH.exec(lineAfter(text, candidate.end, 20));
    if (year) {
      const yearOffset = { this: 0, next: 1, last: -1 }[year[1]!.toLowerCase() as 'this'];
      candidate.meaning = { kind: 'monthOfYear', month: meaning.month, yearOffset };
      candidate.end += year[0].length;
    }
  }
  const early =
    candidate.meaning.kind === 'month' ||
    candidate.meaning.kind === 'monthOfYear' ||
    candidate.period;
  if (early) {
    const modifier = EARLY_LATE_BEFORE.exec(lineBefore(text, candidate.start, 10));
    if (modifier) candidate.start -= modifier[0].length;
  }
  // "almost four years ago", "more than a decade ago": the hedge is part of the expression.
  if (/\bago$/i.test(text.slice(candidate.start, candidate.end))) {
    const hedge = HEDGE_BEFORE.exec(lineBefore(text, candidate.start, 16));
    if (hedge) candidate.start -= hedge[0].length;
  }
  // "the week of March 6" is a week, which our values do not express.
  if (candidate.meaning.kind === 'monthDay') {
    const week = WEEK_OF_BEFORE.exec(lineBefore(text, candidate.start, 16));
    if (week) {
      candidate.start -= week[0].length;
      candidate.meaning = { kind: 'fixed', value: null };
    }
  }
}

/**
 * Up to `length` characters before `position`, never reaching into the previous line: every rule
 * reads one line, so a paragraph analysed alone gets the dates it gets inside its article.
 */
function lineBefore(text: string, position: number, length: number): string {
  const slice = text.slice(Math.max(0, position - length), position);
  const lineBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => slice.lastIndexOf(c)));
  return slice.slice(lineBreak + 1);
}

/** Up to `length` characters after `position`, within its line. */
function lineAfter(text: string, position: number, length: number): string {
  return /^[^\n\r\u2028\u2029]*/.exec(text.slice(position, position + length))![0];
}

/**
 * Keeps the longest of overlapping candidates (the earliest on a tie), in text order. One sweep in
 * text order: a candidate that overlaps the last kept one replaces it only when it is longer.
 */
function removeOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) kept.push(candidate);
    else if (candidate.end - candidate.start > last.end - last.start) {
      kept[kept.length - 1] = candidate;
    }
  }
  return kept;
}

function resolveValues(
  text: string,
  chosen: Candidate[],
  anchor: CalendarDay | null,
  onFault: FaultListener | undefined,
): DateMention[] {
  const mentions = chosen.map((candidate) => ({
    start: candidate.start,
    end: candidate.end,
    text: text.slice(candidate.start, candidate.end),
    value: valueOf(text, candidate, anchor, onFault),
  }));
  chosen.forEach((candidate, i) => {
    if (candidate.meaning.kind === 'time') mentions[i]!.value = dayOfSentence(text, mentions, i);
  });
  return mentions;
}

/** The value of one candidate; a failure in our own rules costs this value only. */
function valueOf(
  text: string,
  candidate: Candidate,
  anchor: CalendarDay | null,
  onFault: FaultListener | undefined,
): string | null {
  try {
    return resolveValue(text, candidate, anchor);
  } catch (error) {
    onFault?.(engineFault('date value', error));
    return null;
  }
}

function resolveValue(
  text: string,
  candidate: Candidate,
  anchor: CalendarDay | null,
): string | null {
  const meaning = candidate.meaning;
  if (meaning.kind === 'fixed') return meaning.value;
  if (!anchor || meaning.kind === 'time') return null;
  const leaning = (): ReturnType<typeof readLeaning> =>
    readLeaning(text, candidate.start, candidate.end);
  switch (meaning.kind) {
    case 'relative':
      return meaning.value;
    case 'yearsAgo':
      return formatYear(anchor.year - meaning.years);
    case 'weekday':
      return resolveWeekday(anchor, meaning.weekday, meaning.modifier, leaning());
    case 'month':
      return resolveMonth(anchor, meaning.month, meaning.modifier, leaning());
    case 'monthOfYear':
      return formatMonth(addMonths(anchor.year + meaning.yearOffset, 1, 0).year, meaning.month);
    case 'monthDay':
      return resolveMonthDay(anchor, meaning.month, meaning.day, leaning());
    case 'holiday':
      return resolveYearlyDay(anchor, meaning.dayInYear, meaning.modifier, leaning());
  }
}

/** How far from a clock time a date in its sentence may stand. */
const TIME_TO_DATE_DISTANCE = 200;

/** The day of the nearest dated expression in the same sentence, for a bare clock time. */
function dayOfSentence(text: string, mentions: DateMention[], index: number): string | null {
  const own = mentions[index]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  // Mentions are in text order: look outwards from the time and stop at the first sentence end.
  for (const step of [-1, 1]) {
    for (let i = index + step; i >= 0 && i < mentions.length; i += step) {
      const other = mentions[i]!;
      const distance = Math.abs(other.start - own.start);
      const between = text.slice(Math.min(own.end, other.end), Math.max(own.start, other.start));
      if (distance > TIME_TO_DATE_DISTANCE || /[.!?]\s|[\n\r\u2028\u2029]/.test(between)) break;
      if (other.value && other.value.length === 10 && distance < bestDistance) {
        best = other.value;
        bestDistance = distance;
        break;
      }
    }
  }
  return best;
}
