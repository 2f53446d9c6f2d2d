import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_UNIT_CHARS, splitAnalysisUnits } from '../../src/core/analysis/splitAnalysisUnits';

function unitTexts(text: string): string[] {
  return splitAnalysisUnits(text).map((unit) => text.slice(unit.start, unit.end));
}

suite('splitAnalysisUnits', () => {
  test('splits at blank lines and keeps lines of one paragraph together', () => {
    const text = '  Headline\n\nFirst line\nsecond line\r\n \r\nLast.  \n';
    assert.deepEqual(unitTexts(text), ['Headline', 'First line\nsecond line', 'Last.']);
  });

  test('cuts a very long line after sentence ends, within the size bound', () => {
    const sentence = 'The council met again on Monday and said nothing new. ';
    const text = sentence.repeat(1000);
    const units = splitAnalysisUnits(text);
    assert.ok(units.length > 1);
    for (const unit of units) {
      assert.ok(unit.end - unit.start <= MAX_UNIT_CHARS);
      assert.ok(text.slice(unit.start, unit.end).endsWith('new.'));
    }
  });

  test('covers every non-blank character once, in order, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '.', 'B', '\u2028') }),
        (text) => {
          const units = splitAnalysisUnits(text);
          let previousEnd = 0;
          for (const unit of units) {
            assert.ok(unit.start >= previousEnd && unit.end > unit.start);
            previousEnd = unit.end;
          }
          const covered = units.map((unit) => text.slice(unit.start, unit.end)).join('');
          assert.equal(covered.replace(/\s/g, ''), text.replace(/\s/g, ''));
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
