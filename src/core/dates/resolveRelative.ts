/**
 * Resolves the date expressions whose year (or week) the text leaves open - "Friday", "October",
 * "Aug. 7", "Thanksgiving" - against the article date, the way news means them: the most recent
 * one, unless a modifier ("next", "last") or the clause's tense says otherwise.
 */
import {
  addDays,
  addMonths,
  easterSunday,
  formatDay,
  formatMonth,
  nthWeekdayOfMonth,
  toDayNumber,
  weekdayOf,
  type CalendarDay,
} from './calendar';
import type { Leaning } from './readLeaning';

/** A word in front of the expression that fixes its direction ("last Friday", "next October"). */
export type DateModifier = 'last' | 'this' | 'next' | null;

/** Reads a modifier word ("coming" and "past" mean "next" and "last"). */
export function readModifier(word: string | undefined): DateModifier {
  switch (word?.toLowerCase()) {
    case 'last':
    case 'past':
      return 'last';
    case 'next':
    case 'coming':
      return 'next';
    case 'this':
      return 'this';
    default:
      return null;
  }
}

/** The day a weekday ("Friday", "last Friday", "next Monday") refers to. */
export function resolveWeekday(
  anchor: CalendarDay,
  weekday: number,
  modifier: DateModifier,
  leaning: Leaning,
): string {
  const back = (weekdayOf(anchor) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(anchor) + 7) % 7;
  let offset: number;
  if (modifier === 'last') offset = -(back === 0 ? 7 : back);
  else if (modifier === 'next') offset = ahead === 0 ? 7 : ahead;
  else if (modifier === 'this') offset = leaning === 'past' ? -back : ahead;
  else offset = leaning === 'future' ? ahead : -back;
  return formatDay(addDays(anchor, offset));
}

/** The month a bare month name ("October", "last November", "next January") refers to. */
export function resolveMonth(
  anchor: CalendarDay,
  month: number,
  modifier: DateModifier,
  leaning: Leaning,
): string {
  const back = (anchor.month - month + 12) % 12;
  const ahead = (month - anchor.month + 12) % 12;
  let offset: number;
  if (modifier === 'last') offset = -(back === 0 ? 12 : back);
  else if (modifier === 'next') offset = ahead === 0 ? 12 : ahead;
  else if (modifier === 'this') offset = month - anchor.month;
  else offset = chooseDirection(back, ahead, 9, leaning) === 'future' ? ahead : -back;
  const target = addMonths(anchor.year, anchor.month, offset);
  return formatMonth(target.year, target.month);
}

/** The day a month and day without a year ("Aug. 7") refers to. */
export function resolveMonthDay(
  anchor: CalendarDay,
  month: number,
  day: number,
  leaning: Leaning,
): string | null {
  return resolveYearlyDay(anchor, (year) => ({ year, month, day }), null, leaning);
}

/**
 * The occurrence of a yearly day (a holiday, a month and day) nearest the anchor in the direction
 * the modifier or the leaning gives; null when the day does not exist (30 February).
 */
export function resolveYearlyDay(
  anchor: CalendarDay,
  dayInYear: (year: number) => CalendarDay,
  modifier: DateModifier,
  leaning: Leaning,
): string | null {
  const today = toDayNumber(anchor);
  let before: CalendarDay | null = null;
  let after: CalendarDay | null = null;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    const candidate = dayInYear(year);
    const check = addDays(candidate, 0);
    if (check.month !== candidate.month || check.day !== candidate.day) return null;
    const distance = toDayNumber(candidate) - today;
    const strictlyBefore = modifier === 'last' ? distance < 0 : distance <= 0;
    const strictlyAfter = modifier === 'next' ? distance > 0 : distance >= 0;
    if (strictlyBefore) before = candidate;
    if (strictlyAfter && !after) after = candidate;
  }
  if (modifier === 'last') return before ? formatDay(before) : null;
  if (modifier === 'next') return after ? formatDay(after) : null;
  if (modifier === 'this') return formatDay(dayInYear(anchor.year));
  if (!before) return after ? formatDay(after) : null;
  if (!after) return formatDay(before);
  const back = today - toDayNumber(before);
  const ahead = toDayNumber(after) - today;
  return formatDay(chooseDirection(back, ahead, 270, leaning) === 'future' ? after : before);
}

/**
 * Picks past or future. The tense decides when both occurrences are near (within `near` months or
 * days); otherwise, and when the tense is silent, news looks back unless the future occurrence is
 * much closer: "January" seen from late December, "Jan. 14" seen from Jan. 5 (a date more than a
 * few months back would carry its year).
 */
function chooseDirection(
  back: number,
  ahead: number,
  near: number,
  leaning: Leaning,
): 'past' | 'future' {
  if (back === 0) return 'past';
  if (leaning && back <= near && ahead <= near) return leaning;
  return 3 * ahead < back ? 'future' : 'past';
}

/** Holidays news names, each with the day it falls on in a given year. */
export const HOLIDAYS: ReadonlyArray<{
  pattern: string;
  dayInYear: (year: number) => CalendarDay;
}> = [
  { pattern: "New Year'?s(?: Day)?", dayInYear: (year) => ({ year, month: 1, day: 1 }) },
  { pattern: "New Year'?s Eve", dayInYear: (year) => ({ year, month: 12, day: 31 }) },
  { pattern: 'Christmas Eve', dayInYear: (year) => ({ year, month: 12, day: 24 }) },
  { pattern: 'Christmas(?: Day)?', dayInYear: (year) => ({ year, month: 12, day: 25 }) },
  { pattern: 'Boxing Day', dayInYear: (year) => ({ year, month: 12, day: 26 }) },
  { pattern: "Valentine'?s Day", dayInYear: (year) => ({ year, month: 2, day: 14 }) },
  { pattern: 'Halloween', dayInYear: (year) => ({ year, month: 10, day: 31 }) },
  { pattern: 'Independence Day', dayInYear: (year) => ({ year, month: 7, day: 4 }) },
  { pattern: 'Easter(?: Sunday)?', dayInYear: easterSunday },
  { pattern: 'Good Friday', dayInYear: (year) => addDays(easterSunday(year), -2) },
  { pattern: 'Easter Monday', dayInYear: (year) => addDays(easterSunday(year), 1) },
  { pattern: 'Thanksgiving(?: Day)?', dayInYear: (year) => nthWeekdayOfMonth(year, 11, 4, 4) },
  { pattern: 'Memorial Day', dayInYear: (year) => nthWeekdayOfMonth(year, 5, 1, -1) },
  { pattern: 'Labou?r Day', dayInYear: (year) => nthWeekdayOfMonth(year, 9, 1, 1) },
  {
    // United States general elections: the Tuesday after the first Monday of November.
    pattern: 'Election Day',
    dayInYear: (year) => addDays(nthWeekdayOfMonth(year, 11, 1, 1), 1),
  },
];
