import { strict as assert } from 'node:assert';
import { BoundedCache } from '../../src/core/cache/boundedCache';
import { ParagraphCache, detachText } from '../../src/core/cache/paragraphCache';

suite('BoundedCache', () => {
  test('forgets the least recently used entries past its entry cap', () => {
    const cache = new BoundedCache<number>(2, 1000);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // "a" is now the most recently used.
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  test('forgets entries past its character cap, charging what the caller gives', () => {
    const cache = new BoundedCache<string>(10, 10);
    cache.set('one', 'x', 4);
    cache.set('two', 'y', 4);
    cache.set('three', 'z', 4);
    assert.equal(cache.get('one'), undefined);
    assert.equal(cache.chars, 8);
    cache.set('two', 'w', 2); // Replacing an entry charges it anew.
    assert.equal(cache.chars, 6);
    assert.equal(cache.get('two'), 'w');
  });
});

suite('ParagraphCache', () => {
  const computeCounting = () => {
    const computed: string[] = [];
    return {
      computed,
      compute: (_: number, key: string): string => {
        computed.push(key);
        return key.toUpperCase();
      },
    };
  };

  test('computes only paragraphs not seen before, found at their place or by content', () => {
    const cache = new ParagraphCache<string>(100, 10_000);
    const first = computeCounting();
    assert.deepEqual(cache.lookUp(['a', 'b', 'c'], first.compute), ['A', 'B', 'C']);
    assert.deepEqual(first.computed, ['a', 'b', 'c']);
    const second = computeCounting();
    // An edit in the middle, a paragraph inserted, and one moved to the front.
    assert.deepEqual(cache.lookUp(['c', 'a', 'x', 'y', 'c'], second.compute), [
      'C',
      'A',
      'X',
      'Y',
      'C',
    ]);
    assert.deepEqual(second.computed, ['x', 'y']);
  });

  test('a paragraph unchanged since the last document is found even when the content cache forgot it', () => {
    const cache = new ParagraphCache<string>(1, 10_000);
    const first = computeCounting();
    cache.lookUp(['first paragraph', 'second paragraph', 'third paragraph'], first.compute);
    const second = computeCounting();
    cache.lookUp(['first paragraph', 'second, edited', 'third paragraph'], second.compute);
    assert.deepEqual(second.computed, ['second, edited']);
    assert.ok(cache.stats.paragraphs <= 1);
  });

  test('a value that does not fit its paragraph is computed again', () => {
    const cache = new ParagraphCache<string>(100, 10_000);
    cache.lookUp(['same'], (_, key) => `${key}:0`);
    const values = cache.lookUp(
      ['same'],
      (_, key) => `${key}:1`,
      (value) => value.endsWith(':1'),
    );
    assert.deepEqual(values, ['same:1']);
  });

  test('keys longer than the limit are computed every time and never kept', () => {
    const cache = new ParagraphCache<string>(100, 10_000, 5);
    const first = computeCounting();
    cache.lookUp(['short', 'much longer'], first.compute);
    const second = computeCounting();
    cache.lookUp(['short', 'much longer'], second.compute);
    assert.deepEqual(second.computed, ['much longer']);
    assert.deepEqual(cache.stats, { paragraphs: 1, chars: 5 });
  });

  test('detached copies are equal to the text they copy', () => {
    const article = 'A paragraph of an article, long enough to be sliced as a view. '.repeat(20);
    const slice = article.slice(100, 400);
    assert.equal(detachText(slice), slice);
    assert.equal(detachText(''), '');
  });
});
