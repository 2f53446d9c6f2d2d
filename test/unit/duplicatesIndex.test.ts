import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article/parseArticle';
import { BandTable } from '../../src/core/duplicates/bandTable';
import { borrowDatesFromDuplicates } from '../../src/core/duplicates/borrowDate';
import { compareFingerprints } from '../../src/core/duplicates/compareFingerprints';
import { clusterPairs, DuplicateIndex } from '../../src/core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../../src/core/duplicates/fingerprintArticle';

const root = join(__dirname, '..', '..');
const fullPageSeed = '000_bfa63e976a24a0e6.txt';
const cleanSeed = '001_2e408fe495f00e99.txt';

function readSeed(name: string): string {
  return readFileSync(join(root, 'seeds', name), 'utf8');
}

function fingerprint(text: string) {
  return fingerprintArticle(text, parseArticle(text).zones);
}

/** Sentences about distinct subjects, so that articles built from different ones share nothing. */
function article(subject: string, sentences = 12): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < sentences / 3; p++) {
    const lines: string[] = [];
    for (let s = 0; s < 3; s++) {
      const n = p * 3 + s;
      lines.push(
        `The ${subject} committee reviewed item ${n} of the ${subject} plan and reported ${n * 7 + 3} findings to the ${subject} council on day ${n + 1}.`,
      );
    }
    paragraphs.push(lines.join(' '));
  }
  return paragraphs.join('\n\n');
}

suite('duplicates: the seeds', () => {
  test('the full page and the clean body are found as the same story', () => {
    const index = new DuplicateIndex();
    index.add(fullPageSeed, fingerprint(readSeed(fullPageSeed)));
    index.add(cleanSeed, fingerprint(readSeed(cleanSeed)));
    const [match] = index.query(fullPageSeed);
    assert.ok(match, 'no duplicate found');
    assert.equal(match.id, cleanSeed);
    assert.equal(match.kind, 'same-body');
    assert.ok(match.containment >= 0.98, `containment ${match.containment}`);
    assert.deepEqual(
      index.clusters().map((cluster) => [cluster.files, cluster.kind]),
      [[[fullPageSeed, cleanSeed], 'same-body']],
    );
  });

  test('the undated full page borrows the clean body’s header date', () => {
    const index = new DuplicateIndex();
    const dates = new Map<string, string | null>();
    for (const name of [fullPageSeed, cleanSeed]) {
      const text = readSeed(name);
      const structure = parseArticle(text);
      index.add(name, fingerprintArticle(text, structure.zones));
      dates.set(name, structure.headerDate);
    }
    const borrowed = borrowDatesFromDuplicates(dates, index);
    assert.deepEqual([...borrowed.keys()], [fullPageSeed]);
    assert.equal(borrowed.get(fullPageSeed)?.date, '2017-12-27');
    assert.equal(borrowed.get(fullPageSeed)?.from, cleanSeed);
  });
});

suite('duplicates: DuplicateIndex', () => {
  test('finds versions, forgets removed files and replaces changed ones', () => {
    const index = new DuplicateIndex();
    index.add('a', fingerprint(article('harbour')));
    index.add('b', fingerprint(' date 2020-01-01 ' + article('harbour')));
    index.add('c', fingerprint(article('railway')));
    assert.deepEqual(
      index.query('a').map((match) => match.id),
      ['b'],
    );
    assert.deepEqual(index.query('c'), []);
    index.add('b', fingerprint(article('railway')));
    assert.deepEqual(
      index.query('c').map((match) => [match.id, match.kind]),
      [['b', 'exact']],
    );
    assert.deepEqual(index.query('a'), []);
    assert.equal(index.remove('b'), true);
    assert.equal(index.remove('b'), false);
    assert.deepEqual(index.query('c'), []);
    assert.equal(index.size, 2);
    assert.deepEqual(index.query('unknown'), []);
    const edited = fingerprint('Harbour Plan\n\n' + article('harbour'));
    assert.deepEqual(
      index.query(edited).map((match) => match.id),
      ['a'],
    );
    assert.deepEqual(index.query(edited, { exclude: 'a' }), []);
  });

  test('ranks matches by score and honours threshold and limit', () => {
    const index = new DuplicateIndex();
    const base = article('airport', 24);
    const paragraphs = base.split('\n\n');
    const revised = [...paragraphs.slice(0, 6), article('orchard', 6)].join('\n\n');
    index.add('original', fingerprint(base));
    index.add('copy', fingerprint(base));
    index.add('revised', fingerprint(revised));
    const matches = index.query('original');
    assert.deepEqual(
      matches.map((match) => [match.id, match.kind]),
      [
        ['copy', 'exact'],
        ['revised', 'revised'],
      ],
    );
    assert.ok(matches[1]!.similarity < 1);
    assert.equal(index.query('original', { limit: 1 }).length, 1);
    assert.deepEqual(
      index.query('original', { threshold: 0.99 }).map((match) => match.id),
      ['copy'],
    );
  });

  test('clusters group versions with their pairs and the loosest kind', () => {
    const index = new DuplicateIndex();
    const base = article('bridge', 24);
    const revised = base
      .replace('item 4 of', 'point 4 of the revised')
      .replace('item 5 of', 'point 5 of');
    index.add('x1', fingerprint(base));
    index.add('x2', fingerprint('Bridge Report\n\n' + base));
    index.add('x3', fingerprint(revised));
    index.add('y1', fingerprint(article('library')));
    const clusters = index.clusters();
    assert.equal(clusters.length, 1);
    assert.deepEqual(clusters[0]!.files, ['x1', 'x2', 'x3']);
    assert.equal(clusters[0]!.kind, 'revised');
    for (const pair of clusters[0]!.pairs) {
      assert.ok(pair.a < pair.b);
      assert.ok(pair.similarity > 0.5 && pair.containment > 0.5);
    }
  });

  test('pairs found slot by slot are the pairs, and cluster as clusters() does', () => {
    const index = new DuplicateIndex();
    const base = article('harbour', 24);
    index.add('a1', fingerprint(base));
    index.add('b1', fingerprint(article('museum')));
    index.add('a2', fingerprint('Harbour News\n\n' + base));
    index.add('b2', fingerprint(article('museum') + '\n\nShare this:'));
    index.remove('b1');
    index.add('a3', fingerprint(base.replace('item 3 of', 'point 3 of')));
    const sliced = [];
    for (let slot = 0; slot < index.slotCount; slot++)
      sliced.push(...index.pairsOfSlots(slot, slot + 1));
    assert.deepEqual(sliced, index.pairs());
    assert.ok(sliced.length >= 3);
    assert.deepEqual(clusterPairs(sliced), index.clusters());
  });

  test('survives JSON and rejects an index of another scheme', () => {
    const index = new DuplicateIndex();
    index.add('a', fingerprint(article('harbour')));
    index.add('b', fingerprint('Harbour News\n\n' + article('harbour')));
    const restored = DuplicateIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    assert.ok(restored);
    assert.deepEqual(restored.query('a'), index.query('a'));
    assert.equal(DuplicateIndex.fromJSON({ scheme: 'old', entries: [] }), undefined);
    assert.equal(DuplicateIndex.fromJSON(null), undefined);
  });

  test('after any sequence of adds and removes it agrees with brute-force comparison', () => {
    const subjects = ['harbour', 'railway', 'orchard', 'bridge'];
    const command = fc.record({
      add: fc.boolean(),
      id: fc.integer({ min: 0, max: 7 }),
      subject: fc.integer({ min: 0, max: subjects.length - 1 }),
      header: fc.boolean(),
    });
    const texts = new Map<string, string>();
    const fingerprintOf = (key: string) => {
      if (!texts.has(key)) {
        const [subject, header] = key.split('|');
        texts.set(key, (header === '1' ? 'A Headline\n\n' : '') + article(subject!));
      }
      return fingerprint(texts.get(key)!);
    };
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const index = new DuplicateIndex();
        const model = new Map<string, ReturnType<typeof fingerprint>>();
        for (const { add, id, subject, header } of commands) {
          const name = `f${id}`;
          if (add) {
            const value = fingerprintOf(`${subjects[subject]}|${header ? 1 : 0}`);
            index.add(name, value);
            model.set(name, value);
          } else {
            assert.equal(index.remove(name), model.delete(name));
          }
        }
        assert.equal(index.size, model.size);
        for (const [name, value] of model) {
          const expected = [...model]
            .filter(
              ([other, otherValue]) =>
                other !== name && compareFingerprints(value, otherValue).kind,
            )
            .map(([other]) => other)
            .sort();
          assert.deepEqual(
            index
              .query(name)
              .map((match) => match.id)
              .sort(),
            expected,
          );
        }
        // The clusters are the connected groups of the brute-force pairs.
        const group = new Map([...model.keys()].map((name) => [name, name]));
        const root = (name: string): string =>
          group.get(name) === name ? name : root(group.get(name)!);
        for (const [a, first] of model) {
          for (const [b, second] of model) {
            if (a < b && compareFingerprints(first, second).kind) group.set(root(b), root(a));
          }
        }
        const components = new Map<string, string[]>();
        for (const name of model.keys()) {
          components.set(root(name), [...(components.get(root(name)) ?? []), name]);
        }
        assert.deepEqual(
          index
            .clusters()
            .map((cluster) => cluster.files)
            .sort(),
          [...components.values()]
            .filter((files) => files.length > 1)
            .map((files) => files.sort())
            .sort(),
        );
      }),
      { numRuns: 60 },
    );
  });
});

suite('duplicates: BandTable', () => {
  test('stores, finds and removes (key, slot) pairs through growth', () => {
    const table = new BandTable(16);
    for (let slot = 0; slot < 1000; slot++) table.insert(slot % 37, slot);
    assert.equal(table.size, 1000);
    const found: number[] = [];
    table.forEachSlot(5, (slot) => {
      found.push(slot);
    });
    assert.deepEqual(
      found.sort((x, y) => x - y),
      Array.from({ length: 27 }, (_, i) => 5 + 37 * i),
    );
    const firstThree: number[] = [];
    table.forEachSlot(5, (slot) => firstThree.push(slot) < 3);
    assert.deepEqual(firstThree, [5 + 37 * 26, 5 + 37 * 25, 5 + 37 * 24], 'newest first, stops');
    assert.equal(table.remove(5, 42), true);
    assert.equal(table.remove(5, 42), false);
    assert.equal(table.size, 999);
  });
});
