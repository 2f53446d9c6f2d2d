/**
 * Finds the date an article was published, which every relative date in it ("last month", "on
 * Tuesday") is resolved against.
 */
import type { DateSource, Zone } from '../types';
import { formatDay as format, parseAnchor, type CalendarDay } from './calendar';
import { findDates } from './findDates';
import { resolveMonthDay } from './resolveRelative';
import { flattenZones } from '../article/parseArticle';
import { lineEndPattern } from '../text/lineEnds';

/** What `resolveArticleDate` reads: the text, its zones (from `parseArticle`) and a date given by the caller. */
export interface ArticleDateInput {
  text: string;
  zones: readonly Zone[];
  /** The date the caller knows (`--date`, a JSON Lines `date`), `YYYY-MM-DD`. */
  inputDate?: string | null;
}

/** The article date (`YYYY-MM-DD`) and where it came from; null and 'unknown' when nothing says. */
export interface ArticleDate {
  date: string | null;
  dateSource: DateSource;
}

/** How far into the text a date line may stand ("ROME 1996-12-06" is the second line of wire copy). */
const FIRST_LINES = 500;
/** A line this short reads as a label ("Published: Dec. 27, 2017"), not as prose about the past. */
const MAX_LABEL_LINE = 100;
const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PUBLISHED = /\b(?:published|posted|updated|dated?)\b[^\n\r\u2028\u2029]{0,20}$/i;
const STATED_YEAR = /\b(19\d\d|20\d\d)\b/;
/** What a line must hold for the date finder to state a year on it (its own test is stricter). */
const MAY_STATE_YEAR = /\d{4}|'\d\d/;

/**
 * Resolves the article date, in order of trust: the date header zone (` date 2017-12-27 `), a
 * dateline with a date ("ROME 1996-12-06", "LONDON, Dec 27 -": a dateline without a year takes it
 * from the input date, else from a year in the first lines), a full date on a short line near the
 * top ("Published: Dec. 27, 2017"), the input date, else unknown. Never throws.
 */
export function resolveArticleDate(input: ArticleDateInput): ArticleDate {
  const inputDay = parseAnchor(input.inputDate ?? null);
  try {
    const zones = flattenZones(input.zones);
    for (const zone of zones) {
      if (zone.kind !== 'date-header') continue;
      const day = parseAnchor(/\d{4}-\d{2}-\d{2}/.exec(zoneText(input.text, zone))?.[0]);
      if (day) return { date: format(day), dateSource: 'header' };
    }
    for (const zone of zones) {
      if (zone.kind !== 'dateline') continue;
      const date = dateOfDateline(input.text, zoneText(input.text, zone), inputDay);
      if (date) return { date, dateSource: 'dateline' };
    }
    const date = dateInFirstLines(input.text);
    if (date) return { date, dateSource: 'text' };
  } catch {
    // A failure reading the text leaves the caller's date, or none.
  }
  if (inputDay) return { date: format(inputDay), dateSource: 'input' };
  return { date: null, dateSource: 'unknown' };
}

function dateOfDateline(
  text: string,
  dateline: string,
  inputDay: CalendarDay | null,
): string | null {
  for (const mention of findDates(dateline, null)) {
    if (mention.value && FULL_DAY.test(mention.value)) return mention.value;
  }
  // "LONDON, Dec 27": the day is there, the year must come from elsewhere.
  const yearHint = inputDay ?? yearInFirstLines(text);
  if (!yearHint) return null;
  for (const mention of findDates(dateline, format(yearHint))) {
    const monthDay = /^\d{4}-(\d{2})-(\d{2})$/.exec(mention.value ?? '');
    if (!monthDay || STATED_YEAR.test(mention.text)) continue;
    return resolveMonthDay(yearHint, Number(monthDay[1]), Number(monthDay[2]), 'past');
  }
  return null;
}

function dateInFirstLines(text: string): string | null {
  const top = text.slice(0, firstLinesEnd(text));
  // Only a date that states its year has a full value without an article date, and the date
  // finder reads line by line: lines with no four digits and no "'17" are skipped. Most of the
  // first lines are a headline and prose, and reading them cost a tenth of a whole analysis.
  const lineEnd = lineEndPattern(top);
  for (let start = 0; start < top.length;) {
    const match = lineEnd.exec(top);
    const end = match ? match.index : top.length;
    const line = top.slice(start, end);
    if (MAY_STATE_YEAR.test(line)) {
      for (const mention of findDates(line, null)) {
        if (!mention.value || !FULL_DAY.test(mention.value)) continue;
        const around = lineAround(text, start + mention.start, start + mention.end);
        if (
          around.end - around.start <= MAX_LABEL_LINE ||
          PUBLISHED.test(text.slice(around.start, start + mention.start))
        ) {
          return mention.value;
        }
      }
    }
    if (!match) break;
    start = match.index + match[0].length;
  }
  return null;
}

/**
 * Where the first lines end: after `FIRST_LINES` characters, a CRLF counting as one character, so
 * that a file with Windows line ends reads as far as its LF twin.
 */
function firstLinesEnd(text: string): number {
  let counted = 0;
  let index = 0;
  while (index < text.length && counted < FIRST_LINES) {
    index += text[index] === '\r' && text[index + 1] === '\n' ? 2 : 1;
    counted++;
  }
  return index;
}

/**
 * The line around `[from, to)`, without its line end, read at most `MAX_LABEL_LINE + 1` characters
 * past `to`: only whether the line is a short label matters.
 */
function lineAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && !isLineEnd(text.charCodeAt(start - 1))) start--;
  const limit = Math.min(text.length, to + MAX_LABEL_LINE + 1);
  let end = to;
  while (end < limit && !isLineEnd(text.charCodeAt(end))) end++;
  return { start, end };
}

function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * How far into the text `resolveArticleDate` reads beyond the date header and dateline zones: a
 * cache may re-use an answer while this prefix, those zones and the input date are unchanged.
 */
export function articleDateReadsUpTo(text: string): number {
  return Math.min(text.length, firstLinesEnd(text) + MAX_LABEL_LINE + 1);
}

/** A year stated near the top stands in for the article's: its last day, so a past day falls in it. */
function yearInFirstLines(text: string): CalendarDay | null {
  const year = STATED_YEAR.exec(text.slice(0, firstLinesEnd(text)));
  return year ? { year: Number(year[1]), month: 12, day: 31 } : null;
}

function zoneText(text: string, zone: Zone): string {
  return zone.text ?? text.slice(zone.start, zone.end);
}
