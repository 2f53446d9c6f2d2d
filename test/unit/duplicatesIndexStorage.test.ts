import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/article/parseArticle';
import { DuplicateIndex } from '../../src/core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../../src/core/duplicates/fingerprintArticle';
import { fingerprintFile } from '../../src/core/duplicates/fingerprintFile';
import {
  indexStorageHeader,
  indexStorageLine,
  isCurrentIndexStorage,
  readIndexStorageLine,
} from '../../src/core/duplicates/indexStorage';

const seeds = ['000_bfa63e976a24a0e6.txt', '001_2e408fe495f00e99.txt'];
const root = join(__dirname, '..', '..');

suite('duplicate index storage (JSON Lines)', () => {
  test('an index written line by line and read back finds the same duplicates', () => {
    const index = new DuplicateIndex();
    const lines = [indexStorageHeader()];
    for (const seed of seeds) {
      const text = readFileSync(join(root, 'seeds', seed), 'utf8');
      const fingerprint = fingerprintArticle(text, parseArticle(text).zones);
      index.add(seed, fingerprint);
      lines.push(indexStorageLine(seed, fingerprint, { mtime: 1, size: seed.length, date: null }));
    }
    const [header, ...files] = lines.join('\n').split('\n');
    assert.equal(isCurrentIndexStorage(header!), true);
    const restored = new DuplicateIndex();
    for (const line of files) {
      const stored = readIndexStorageLine(line);
      assert.ok(stored, `line not read back: ${line.slice(0, 60)}`);
      assert.deepEqual(stored.fingerprint, index.get(stored.id));
      assert.deepEqual(stored.record, { mtime: 1, size: stored.id.length, date: null });
      restored.add(stored.id, stored.fingerprint);
    }
    assert.deepEqual(restored.query(seeds[0]!), index.query(seeds[0]!));
    assert.equal(restored.query(seeds[0]!)[0]?.id, seeds[1]);
  });

  test('a damaged line, another storage version or another scheme is not read', () => {
    assert.equal(readIndexStorageLine('["000.txt", {"scheme": "news-dup/0"}, {}]'), undefined);
    assert.equal(readIndexStorageLine('["000.txt", {"scheme"'), undefined);
    assert.equal(readIndexStorageLine('{"not": "a line"}'), undefined);
    assert.equal(isCurrentIndexStorage('{"version": 1, "index": {}, "files": {}}'), false);
    assert.equal(isCurrentIndexStorage('{"version": 2, "scheme": "news-dup/0"}'), false);
    assert.equal(isCurrentIndexStorage('not json'), false);
  });

  test('fingerprintFile decodes the bytes, finds the own date and fingerprints, as the index did', () => {
    const bytes = readFileSync(join(root, 'seeds', seeds[1]!));
    const outcome = fingerprintFile(bytes);
    assert.ok(outcome.ok);
    const text = bytes.toString('utf8');
    assert.deepEqual(outcome.fingerprint, fingerprintArticle(text, parseArticle(text).zones));
    assert.equal(outcome.date, '2017-12-27');
    // The first bytes of a PNG image: not an article.
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];
    assert.equal(fingerprintFile(Uint8Array.from(png)).ok, false);
  });
});
