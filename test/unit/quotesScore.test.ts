import * as assert from 'node:assert/strict';
import { scoreQuotes, type GoldQuote } from '../../src/core/eval/scoreQuotes';
import type { Quote } from '../../src/core/types';

function quote(start: number, end: number, speaker: [number, number] | null): Quote {
  return {
    start,
    end,
    text: 'x'.repeat(end - start),
    speaker: speaker && { start: speaker[0], end: speaker[1], text: 'he', name: 'He' },
  };
}

function gold(start: number, end: number, speaker: [number, number] | null): GoldQuote {
  return { start, end, speaker_start: speaker?.[0] ?? null, speaker_end: speaker?.[1] ?? null };
}

suite('scoreQuotes', () => {
  test('counts exact and overlapping quotations, speakers of found quotations and quote+speaker', () => {
    const scores = scoreQuotes(
      [{ id: 'a', quotes: [quote(0, 10, [12, 14]), quote(20, 30, [40, 42]), quote(50, 58, null)] }],
      [
        {
          id: 'a',
          quotes: [
            gold(0, 10, [13, 15]),
            gold(20, 30, [31, 33]),
            gold(50, 60, null),
            gold(70, 80, null),
          ],
        },
      ],
    );
    assert.deepEqual(
      [scores.exact.truePositives, scores.exact.predicted, scores.exact.gold],
      [2, 3, 4],
    );
    assert.equal(scores.overlap.truePositives, 3);
    // Of the two exact matches, the first speaker overlaps the gold mention and the second does not.
    assert.deepEqual([scores.speakers.correct, scores.speakers.found], [1, 2]);
    assert.equal(scores.speakers.accuracy, 50);
    // Over overlap matches the third pair agrees too: no speaker on either side.
    assert.deepEqual([scores.speakersOverlap.correct, scores.speakersOverlap.found], [2, 3]);
    assert.equal(scores.quoteSpeaker.truePositives, 1);
  });

  test('a guessed speaker where the gold has none is wrong; a gold document without predictions is all missed', () => {
    const scores = scoreQuotes(
      [{ id: 'a', quotes: [quote(0, 10, [12, 14])] }],
      [
        { id: 'a', quotes: [gold(0, 10, null)] },
        { id: 'b', quotes: [gold(0, 5, [6, 8])] },
      ],
    );
    assert.equal(scores.speakers.correct, 0);
    assert.deepEqual([scores.exact.truePositives, scores.exact.gold], [1, 2]);
    assert.equal(scores.documents, 2);
  });
});
