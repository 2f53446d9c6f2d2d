import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article/parseArticle';
import {
  normalizedBodyLines,
  normalizedBodyView,
} from '../../src/core/duplicates/normalizedBodyView';

const root = join(__dirname, '..', '..');

function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

function linesOf(name: string) {
  const text = readFileSync(join(root, 'seeds', name), 'utf8');
  return normalizedBodyLines(text, parseArticle(text).zones);
}

suite('duplicates: normalizedBodyView', () => {
  test('the two seeds’ bodies give identical lines, one paragraph each', () => {
    const page = linesOf('000_bfa63e976a24a0e6.txt');
    const clean = linesOf('001_2e408fe495f00e99.txt');
    assert.equal(page.paragraphs.length, 6);
    assert.deepEqual(page.paragraphs, clean.paragraphs);
    assert.ok(page.paragraphs.every((line) => !/[“”‘’]/.test(line)));
  });

  test('the full page keeps its headline and one collapsed caption as marked first lines', () => {
    assert.deepEqual(linesOf('000_bfa63e976a24a0e6.txt').header, [
      '[headline] Moscow Urges Yerevan and Baku to Intensify Karabakh Talks',
      "[caption ×3] Russia's Deputy Foreign Minister Grigory Karasin",
    ]);
    assert.deepEqual(linesOf('001_2e408fe495f00e99.txt').header, ['[date-header] date 2017-12-27']);
  });

  test('leaves out boilerplate and comments and joins hard-wrapped lines', () => {
    const text = joinLines(
      'Storm Closes Port',
      '',
      'ROTTERDAM—The port closed on Monday as winds reached',
      'hurricane force along the coast, the harbour master said.',
      '',
      'Advertisement',
      '',
      '“Ships will wait outside,” he said in a statement issued late on Monday evening.',
      '',
      'Related Articles',
      'Port strike ends',
      '',
      '2 Comments',
      '',
      'jan said:',
      'About time.',
    );
    const view = normalizedBodyView(text, parseArticle(text).zones);
    assert.equal(
      view,
      joinLines(
        '[headline] Storm Closes Port',
        'ROTTERDAM—The port closed on Monday as winds reached hurricane force along the coast, the harbour master said.',
        '"Ships will wait outside," he said in a statement issued late on Monday evening.',
        '',
      ),
    );
  });

  test('never throws and never yields a blank line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const view = normalizedBodyView(text);
        assert.ok(
          !view
            .split('\n')
            .slice(0, -1)
            .some((line) => line.trim() === ''),
        );
      }),
    );
  });
});
