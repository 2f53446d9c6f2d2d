import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDates } from '../../src/core/dates/findDates';
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

  // The first lines are read only where a line can state a year; this reads them whole, as the
  // first 500 characters in one text, and takes the first full date on a short or "Published" line.
  test('reading only the lines that can state a year finds the date reading them all finds', () => {
    const readingAll = (text: string): string | null => {
      // The first 500 characters, a CRLF counting as one.
      let cut = 0;
      for (let counted = 0; cut < text.length && counted < 500; counted++)
        cut += text.startsWith('\r\n', cut) ? 2 : 1;
      const top = text.slice(0, cut);
      for (const mention of findDates(top, null)) {
        if (!mention.value || !/^\d{4}-\d{2}-\d{2}$/.test(mention.value)) continue;
        const start = Math.max(
          ...['\n', '\r', '\u2028', '\u2029'].map(
            (c) => text.lastIndexOf(c, mention.start - 1) + 1,
          ),
        );
        const after = text.slice(mention.end, mention.end + 101).search(/[\n\r\u2028\u2029]/);
        const end = after < 0 ? Math.min(text.length, mention.end + 101) : mention.end + after;
        const before = text.slice(start, mention.start);
        if (end - start <= 100 || /\b(?:published|posted|updated|dated?)\b.{0,20}$/i.test(before))
          return mention.value;
      }
      return null;
    };
    const line = fc.constantFrom(
      'Published: Dec. 27, 2017',
      'Posted Sept. 5, 2016 at 3 p.m.',
      'Monday, March 6, 2017',
      'ROME 1996-12-06',
      'By Jane Doe and Ivan Petrov',
      'The president said on Tuesday that the talks would resume in October.',
      `The treaty signed on June 1, 1995 ${'still matters to the region '.repeat(4)}`,
      'March',
      'for the record',
      'December 5',
      '',
    );
    const lineEnd = fc.constantFrom('\n', '\r\n', '\u2028');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, lineEnd), { maxLength: 12 }), (lines) => {
        const text = lines.map(([words, end]) => words + end).join('');
        const found = resolveArticleDate({ text, zones: [] });
        const expected = readingAll(text);
        assert.deepEqual(
          found,
          expected ? { date: expected, dateSource: 'text' } : { date: null, dateSource: 'unknown' },
        );
      }),
      { numRuns: 400 },
    );
  });
});
