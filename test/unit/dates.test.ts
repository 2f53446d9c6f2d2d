import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDates } from '../../src/core/dates/findDates';
import { loadChrono } from '../../src/core/nlp/chrono';

/** The article date of most fixtures: a Wednesday. */
const ANCHOR = '2017-12-27';

/** The dates of `text` as `text=value` strings, in text order. */
function datesOf(text: string, anchor: string | null = ANCHOR): string[] {
  return findDates(text, anchor).map((date) => `${date.text}=${date.value}`);
}

suite('findDates: extents follow TimeML', () => {
  test('a leading preposition stays outside the date', () => {
    assert.deepEqual(datesOf('They met on Tuesday.'), ['Tuesday=2017-12-26']);
    assert.deepEqual(datesOf('It was founded in 2016.'), ['2016=2016']);
  });

  test('a month used as a modifier is the month alone', () => {
    assert.deepEqual(datesOf('Karasin touched on the October summit.'), ['October=2017-10']);
  });

  test('a month with "next year" is one date', () => {
    assert.deepEqual(datesOf('the meeting in January next year'), ['January next year=2018-01']);
  });

  test('full dates, relative periods and ages', () => {
    assert.deepEqual(datesOf('It began Dec. 27, 2017, and ended last month.'), [
      'Dec. 27, 2017=2017-12-27',
      'last month=2017-11',
    ]);
    assert.deepEqual(datesOf('He left two months ago.'), ['two months ago=2017-10']);
    assert.deepEqual(datesOf('It happened a decade ago.'), ['a decade ago=2007']);
    assert.deepEqual(datesOf('The war ended almost four years ago.'), [
      'almost four years ago=2013',
    ]);
  });

  test('a part of the day belongs to its weekday', () => {
    assert.deepEqual(datesOf('Protesters gathered Friday night.'), ['Friday night=2017-12-22']);
  });

  test('"early" and "late" belong to a month or decade, "earlier" does not', () => {
    assert.deepEqual(datesOf('He arrived in late November.'), ['late November=2017-11']);
    assert.deepEqual(datesOf('Prices fell in the early 1990s.'), ['early 1990s=null']);
    assert.deepEqual(datesOf('She wrote earlier this week.'), ['this week=null']);
  });

  test('prefixes that make one word with a year, and year ranges', () => {
    assert.deepEqual(datesOf('Sales peaked in mid-2016 and post-1959 politics changed.'), [
      'mid-2016=2016',
      'post-1959=1959',
    ]);
    assert.deepEqual(datesOf('He served from 1994-1997, not in the 1996-97 season.'), [
      '1994=1994',
      '1997=1997',
    ]);
    assert.deepEqual(datesOf('It was big in the early ’90s.'), ['early ’90s=null']);
  });

  test('"the" belongs to a quarter used as a noun, not to a noun it modifies', () => {
    assert.deepEqual(datesOf('Profit fell in the third quarter of 2017.'), [
      'the third quarter of 2017=null',
    ]);
    assert.deepEqual(datesOf('The third-quarter profit fell.'), ['third-quarter=null']);
  });

  test('a modifier before a month or weekday is part of it', () => {
    assert.deepEqual(datesOf('It aired this past Sunday.'), ['this past Sunday=2017-12-24']);
    assert.deepEqual(datesOf('The boy was found last November.'), ['last November=2017-11']);
    assert.deepEqual(datesOf('He spoke last Friday.'), ['last Friday=2017-12-22']);
  });
});

suite('findDates: what is not a calendar date', () => {
  test('durations are left out', () => {
    assert.deepEqual(datesOf('He was held for three days and freed within two weeks.'), []);
    assert.deepEqual(datesOf('Jobs he held over the past 20 years.'), []);
  });

  test('spans counted from another event are left out', () => {
    assert.deepEqual(datesOf('He was arrested two days later.'), []);
    assert.deepEqual(datesOf('They came the day after the shooting.'), []);
  });

  test('month and weekday words used as verbs, names and events are left out', () => {
    assert.deepEqual(datesOf('Thousands march in the capital; it may rain.'), []);
    assert.deepEqual(datesOf('Prime Minister Theresa May said nothing.'), []);
    assert.deepEqual(datesOf('They joined the annual March for Life in Washington.'), []);
    assert.deepEqual(datesOf('She led the “March of the Mothers” downtown.'), []);
  });

  test('numbers that are amounts, codes or clock times are not years', () => {
    assert.deepEqual(datesOf('Some 1995 people paid $2000 at 1430 GMT.'), []);
    assert.deepEqual(datesOf('It rose 2000% on Route 1995.'), []);
  });

  test('names and amounts that look like dates are left out', () => {
    assert.deepEqual(datesOf('Reporters from USA Today visited Easter Island.'), []);
    assert.deepEqual(datesOf('They sold Christmas trees for $25,000 a year.'), []);
    assert.deepEqual(datesOf('Both parties split 4 to 1 in favor.'), []);
    assert.deepEqual(datesOf('He left Pakistan today.'), ['today=2017-12-27']);
  });

  test('a compound number chrono reads in part keeps its span and gets no value', () => {
    assert.deepEqual(datesOf('Seventy-four years ago, a battle raged.'), [
      'Seventy-four years ago=null',
    ]);
  });

  test('"now" and a bare part of the day are not dates', () => {
    assert.deepEqual(datesOf('Right now, in the morning, at noon.'), []);
    assert.deepEqual(datesOf('This day, in the history of our relations, matters.'), []);
  });

  test('"third-quarter" is a date without a value and breaks nothing around it', () => {
    assert.deepEqual(datesOf('Third-quarter profits rose on Tuesday.'), [
      'Third-quarter=null',
      'Tuesday=2017-12-26',
    ]);
  });
});

suite('findDates: news looks back', () => {
  test('a bare weekday is the most recent one, the article day included', () => {
    assert.deepEqual(datesOf('Officials said Wednesday and Thursday.'), [
      'Wednesday=2017-12-27',
      'Thursday=2017-12-21',
    ]);
  });

  test('a future cue turns a weekday forward', () => {
    assert.deepEqual(datesOf('The ministers will meet on Friday.'), ['Friday=2017-12-29']);
    assert.deepEqual(datesOf('The team planned to leave on Thursday.'), ['Thursday=2017-12-28']);
    assert.deepEqual(datesOf('He could arrive as early as Saturday.'), ['Saturday=2017-12-30']);
  });

  test('a clause opened by the date reads its verb after it', () => {
    assert.deepEqual(
      datesOf('On Tuesday, the league plans to hold a news conference.', '2017-12-25'),
      ['Tuesday=2017-12-26'],
    );
    assert.deepEqual(datesOf('On Friday, the government planned a rally.'), ['Friday=2017-12-22']);
  });

  test('a possessive weekday names a known event, and "Until Thursday," looks back', () => {
    assert.deepEqual(datesOf('They would look for ways around Monday’s ruling.'), [
      'Monday=2017-12-25',
    ]);
    assert.deepEqual(datesOf('Until Tuesday, they had not called him a suspect.'), [
      'Tuesday=2017-12-26',
    ]);
  });

  test('a name ending in "-ed" is not a past tense', () => {
    assert.deepEqual(datesOf('He would be traveling to the United States Friday.'), [
      'Friday=2017-12-29',
    ]);
  });

  test('a bare month is the most recent one unless scheduled or much nearer ahead', () => {
    assert.deepEqual(datesOf('a meeting scheduled for January'), ['January=2018-01']);
    assert.deepEqual(datesOf('The rifle was found in April.'), ['April=2017-04']);
    assert.deepEqual(datesOf('Three countries are expected to join in April.'), ['April=2018-04']);
  });

  test('a month and day without a year is the nearest, looking back', () => {
    assert.deepEqual(datesOf('He was killed Oct. 23.'), ['Oct. 23=2017-10-23']);
    assert.deepEqual(datesOf('He must go home by Jan. 14.'), ['Jan. 14=2018-01-14']);
    assert.deepEqual(datesOf('He gave no reason for the Jan. 14 deadline.', '2000-01-05'), [
      'Jan. 14=2000-01-14',
    ]);
  });

  test('holidays resolve to their day in the right year', () => {
    assert.deepEqual(datesOf('He was rescued on Thanksgiving Day.', '2000-04-03'), [
      'Thanksgiving Day=1999-11-25',
    ]);
    assert.deepEqual(datesOf('They met at Easter.', '2018-03-20'), ['Easter=2018-04-01']);
  });

  test('parts of today and of the days around it', () => {
    assert.deepEqual(datesOf('He spoke this morning, after a debate last night.'), [
      'this morning=2017-12-27',
      'last night=2017-12-26',
    ]);
  });

  test('relative periods follow the article date', () => {
    assert.deepEqual(datesOf('This year and last year, today and tomorrow.'), [
      'This year=2017',
      'last year=2016',
      'today=2017-12-27',
      'tomorrow=2017-12-28',
    ]);
  });

  test('weeks, weekends, seasons and decades are found but get no value in our formats', () => {
    assert.deepEqual(
      datesOf('Last week, over the weekend, last fall, in the 1960s, last weekend.'),
      ['Last week=null', 'the weekend=null', 'last fall=null', '1960s=null', 'last weekend=null'],
    );
    assert.deepEqual(datesOf('A hearing is set for the week of March 6.'), [
      'the week of March 6=null',
    ]);
  });

  test('a clock time takes the day of a date in its sentence', () => {
    assert.deepEqual(datesOf('The blast came at 10:35 a.m. (0735 GMT) Friday.'), [
      '10:35 a.m.=2017-12-22',
      'Friday=2017-12-22',
    ]);
    assert.deepEqual(datesOf('He was shot at 10 p.m. in his kitchen.'), ['10 p.m.=null']);
  });
});

suite('findDates: failures stay local', () => {
  test('a sentence that makes the parser throw loses only its own dates', () => {
    const chrono = loadChrono();
    const parse = chrono.parse.bind(chrono);
    // Stand in for a parser bug that one phrase triggers.
    chrono.parse = (text, ...rest) => {
      if (text.includes('BOOM')) throw new TypeError('cannot read properties of undefined');
      return parse(text, ...rest);
    };
    try {
      assert.deepEqual(datesOf('He left on Friday. BOOM on Monday. She came back in 2016.'), [
        'Friday=2017-12-22',
        '2016=2016',
      ]);
    } finally {
      chrono.parse = parse;
    }
  });
});

suite('findDates: without an article date', () => {
  test('relative dates get no value, absolute ones still resolve', () => {
    assert.deepEqual(
      datesOf('On Dec. 27, 2017, last month, in 1995, on Friday and Aug. 7.', null),
      ['Dec. 27, 2017=2017-12-27', 'last month=null', '1995=1995', 'Friday=null', 'Aug. 7=null'],
    );
  });
});

suite('findDates: seeds', () => {
  const root = join(__dirname, '..', '..');
  const gold = JSON.parse(
    readFileSync(join(root, 'test/fixtures/seeds-gold.json'), 'utf8'),
  ) as Record<
    string,
    {
      article_date: string;
      dates: Array<{ start: number; end: number; text: string; value: string }>;
    }
  >;
  for (const [file, expected] of Object.entries(gold)) {
    test(`${file}: every date with its value (anchor ${expected.article_date})`, () => {
      const text = readFileSync(join(root, 'seeds', file), 'utf8');
      // Seed 000 has no date of its own: its anchor comes from its duplicate, passed in here.
      const found = findDates(text, expected.article_date);
      for (const date of expected.dates) {
        const match = found.find((f) => f.start === date.start && f.end === date.end);
        assert.ok(match, `${date.text} at ${date.start} not found`);
        assert.equal(match.text, date.text);
        assert.equal(match.value, date.value, date.text);
      }
    });
  }
});
