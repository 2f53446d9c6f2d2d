import * as assert from 'node:assert/strict';
import {
  normalizeTimexValue,
  scoreDates,
  sumDateScores,
  type GoldTimex,
} from '../../src/core/eval/scoreDates';
import type { DateMention } from '../../src/core/types';

function mention(start: number, end: number, value: string | null): DateMention {
  return { start, end, text: '', value };
}

function timex(start: number, end: number, type: GoldTimex['type'], value: string): GoldTimex {
  return { start, end, type, value };
}

suite('scoreDates', () => {
  test('TimeML values are brought to our granularity', () => {
    assert.equal(normalizeTimexValue('1998-08-07T10:35'), '1998-08-07');
    assert.equal(normalizeTimexValue('2000-03-29TEV'), '2000-03-29');
    assert.equal(normalizeTimexValue('1998-10-XX'), '1998-10');
    assert.equal(normalizeTimexValue('1949-XX'), '1949');
    assert.equal(normalizeTimexValue('2000-W7'), '2000-W07');
    assert.equal(normalizeTimexValue('PRESENT_REF'), 'PRESENT_REF');
    assert.equal(normalizeTimexValue(null), null);
  });

  test('exact and overlap matching on DATE and TIME, values on the overlap matches', () => {
    const gold = [
      timex(0, 6, 'DATE', '1998-08-07'),
      timex(10, 20, 'TIME', '1998-08-07T10:35'),
      timex(30, 35, 'DATE', '1998'),
    ];
    const predicted = [
      mention(0, 6, '1998-08-07'),
      mention(12, 20, '1998-08-08'),
      mention(40, 44, '1999'),
    ];
    const scores = scoreDates(predicted, gold);
    assert.deepEqual(
      [scores.exact.truePositives, scores.exact.predicted, scores.exact.gold],
      [1, 3, 3],
    );
    assert.deepEqual(
      [scores.overlap.truePositives, scores.overlap.predicted, scores.overlap.gold],
      [2, 3, 3],
    );
    assert.deepEqual(scores.value, { found: 2, right: 1, wrong: 1, unresolved: 0, accuracy: 50 });
  });

  test('a prediction that meets only a DURATION or SET is set aside, not a false positive', () => {
    const gold = [
      timex(0, 9, 'DURATION', 'P1W'),
      timex(20, 25, 'SET', 'P1D'),
      timex(30, 36, 'DATE', '1998-08-07'),
    ];
    const scores = scoreDates(
      [mention(0, 9, null), mention(20, 25, null), mention(30, 36, null)],
      gold,
    );
    assert.equal(scores.setAside, 2);
    assert.equal(scores.exact.precision, 100);
    assert.deepEqual(scores.value, { found: 1, right: 0, wrong: 0, unresolved: 1, accuracy: 0 });
  });

  test('documents add up by counts', () => {
    const one = scoreDates([mention(0, 4, '1995')], [timex(0, 4, 'DATE', '1995')]);
    const two = scoreDates([], [timex(0, 4, 'DATE', '1996')]);
    const total = sumDateScores([one, two]);
    assert.equal(total.exact.recall, 50);
    assert.equal(total.exact.precision, 100);
    assert.equal(total.value.accuracy, 100);
  });
});
