import * as assert from 'node:assert/strict';
import { resolveArticleDate } from '../../src/core/dates/resolveArticleDate';
import type { Zone } from '../../src/core/types';

/** A zone over the first occurrence of `part` in `text`. */
function zoneOver(text: string, part: string, kind: Zone['kind']): Zone {
  const start = text.indexOf(part);
  return { kind, start, end: start + part.length, text: part };
}

suite('resolveArticleDate', () => {
  test('the date header wins over everything else', () => {
    const text = ' date 2017-12-27 ROME 1996-12-06 - The talks resumed.';
    const zones = [
      zoneOver(text, ' date 2017-12-27 ', 'date-header'),
      zoneOver(text, 'ROME 1996-12-06', 'dateline'),
    ];
    assert.deepEqual(resolveArticleDate({ text, zones, inputDate: '2001-01-01' }), {
      date: '2017-12-27',
      dateSource: 'header',
    });
  });

  test('a dateline with a full date, nested in the body', () => {
    const text = 'SOCCER - ROMA WIN\nROME 1996-12-06\nRoma beat Lazio on Friday.';
    const dateline = zoneOver(text, 'ROME 1996-12-06', 'dateline');
    const body: Zone = {
      kind: 'body',
      start: dateline.start,
      end: text.length,
      children: [dateline],
    };
    assert.deepEqual(resolveArticleDate({ text, zones: [body] }), {
      date: '1996-12-06',
      dateSource: 'dateline',
    });
  });

  test('a dateline without a year takes it from the input date, looking back', () => {
    const text = 'LONDON, Dec 27 - Shares fell.';
    const zones = [zoneOver(text, 'LONDON, Dec 27', 'dateline')];
    assert.deepEqual(resolveArticleDate({ text, zones, inputDate: '2018-01-02' }), {
      date: '2017-12-27',
      dateSource: 'dateline',
    });
  });

  test('a dateline without a year takes it from a year near the top', () => {
    const text = 'LONDON, Dec 27 - Shares fell in 2017 for the first time.';
    const zones = [zoneOver(text, 'LONDON, Dec 27', 'dateline')];
    assert.deepEqual(resolveArticleDate({ text, zones }), {
      date: '2017-12-27',
      dateSource: 'dateline',
    });
  });

  test('a full date on a short line near the top', () => {
    const text = 'Talks resume\nPublished Dec. 27, 2017\nThe talks resumed on Tuesday in Vienna.';
    assert.deepEqual(resolveArticleDate({ text, zones: [] }), {
      date: '2017-12-27',
      dateSource: 'text',
    });
  });

  test('a date line reads the same with LF, CRLF, CR or U+2028 line ends', () => {
    // The label line is exactly 100 characters, the longest a label may be, without its line end.
    const label = 'Published Dec. 27, 2017'.padEnd(100, ' ');
    // The date stands near the end of the first 500 characters once each line end counts as one.
    const filler = Array.from({ length: 36 }, () => 'Talks resume').join('\n');
    for (const lines of [
      [label, 'The talks resumed on Tuesday in Vienna.'],
      [filler, label],
    ]) {
      for (const lineEnd of ['\n', '\r\n', '\r', '\u2028']) {
        const text = lines.join(lineEnd).replace(/\n/g, lineEnd);
        assert.deepEqual(
          resolveArticleDate({ text, zones: [] }),
          { date: '2017-12-27', dateSource: 'text' },
          JSON.stringify(lineEnd),
        );
      }
    }
  });

  test('a historical date inside prose is not the article date', () => {
    const text =
      'The speech Churchill delivered on March 5, 1946, at Westminster College in Fulton is remembered by historians to this day.';
    assert.deepEqual(resolveArticleDate({ text, zones: [], inputDate: '1999-03-12' }), {
      date: '1999-03-12',
      dateSource: 'input',
    });
  });

  test('the input date, then unknown', () => {
    assert.deepEqual(
      resolveArticleDate({ text: 'The talks resumed.', zones: [], inputDate: '2017-12-27' }),
      {
        date: '2017-12-27',
        dateSource: 'input',
      },
    );
    assert.deepEqual(
      resolveArticleDate({ text: 'The talks resumed.', zones: [], inputDate: 'yesterday' }),
      {
        date: null,
        dateSource: 'unknown',
      },
    );
    assert.deepEqual(resolveArticleDate({ text: '', zones: [] }), {
      date: null,
      dateSource: 'unknown',
    });
  });
});
