import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { MIN_INPUT_BYTES_FOR_WORKERS, usesWorkers } from '../../src/cli/annotateCommand';
import { measureInputs, type ArticleSources } from '../../src/cli/forEachArticle';
import { root } from './runCli';

suite('measureInputs and usesWorkers (whether annotate starts worker threads)', () => {
  let scratch: string;
  suiteSetup(() => {
    scratch = mkdtempSync(join(tmpdir(), 'news-annotator-inputs-'));
  });
  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  const read = { maxBytes: 1024 * 1024, warn: () => undefined };
  const sources = (more: Partial<ArticleSources>): ArticleSources => ({ paths: [], read, ...more });
  const holdsSeveralArticles = (of: ArticleSources): boolean => measureInputs(of).several;

  test('counts files, walking folders', () => {
    assert.equal(
      holdsSeveralArticles(sources({ paths: ['seeds/001_2e408fe495f00e99.txt'] })),
      false,
    );
    assert.equal(holdsSeveralArticles(sources({ paths: [join(root, 'seeds')] })), true);
    assert.equal(holdsSeveralArticles(sources({ paths: [join(scratch, 'missing.txt')] })), false);
  });

  test('reads a JSON Lines file only as far as its second non-empty line', () => {
    const one = join(scratch, 'one.jsonl');
    writeFileSync(one, '\n  \n{"id": "a", "text": "x"}\n\r\n');
    const two = join(scratch, 'two.jsonl');
    writeFileSync(two, '{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}');
    assert.equal(holdsSeveralArticles(sources({ jsonl: one })), false);
    assert.equal(holdsSeveralArticles(sources({ jsonl: two })), true);
    assert.equal(holdsSeveralArticles(sources({ jsonl: join(scratch, 'none.jsonl') })), false);
    // One file plus one record are two articles.
    const mixed = sources({ paths: ['seeds/001_2e408fe495f00e99.txt'], jsonl: one });
    assert.equal(holdsSeveralArticles(mixed), true);
  });

  test('counts the records held in memory, not the failures among them', () => {
    const records = [
      { id: 'a', text: 'x' },
      { label: 'stdin:2', reason: 'not valid JSON' },
    ];
    assert.equal(holdsSeveralArticles(sources({ jsonl: '-', records })), false);
    records.push({ id: 'b', text: 'y' });
    assert.equal(holdsSeveralArticles(sources({ jsonl: '-', records })), true);
  });

  test('measures the bytes of files, of a JSON Lines file and of records held in memory', () => {
    const seed = 'seeds/001_2e408fe495f00e99.txt';
    const two = join(scratch, 'sized.jsonl');
    writeFileSync(two, '{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n');
    assert.equal(
      measureInputs(sources({ paths: [seed], jsonl: two })).bytes,
      statSync(seed).size + statSync(two).size,
    );
    const records = [
      { id: 'a', text: 'four' },
      { label: 'stdin:2', reason: 'not valid JSON' },
      { id: 'b', text: 'six ch' },
    ];
    assert.deepEqual(measureInputs(sources({ jsonl: '-', records })), { several: true, bytes: 10 });
    assert.equal(measureInputs(sources({ paths: [join(scratch, 'missing.txt')] })).bytes, 0);
  });

  test('workers run for several articles when --jobs is given, and by default for large inputs', () => {
    const small = { several: true, bytes: MIN_INPUT_BYTES_FOR_WORKERS - 1 };
    const large = { several: true, bytes: MIN_INPUT_BYTES_FOR_WORKERS };
    assert.equal(usesWorkers(small, false), false);
    assert.equal(usesWorkers(large, false), true);
    assert.equal(usesWorkers(small, true), true);
    // A single article never starts them, however large.
    assert.equal(
      usesWorkers({ several: false, bytes: 100 * MIN_INPUT_BYTES_FOR_WORKERS }, true),
      false,
    );
    // Standard input read as it comes is of unknown size: as large.
    assert.equal(usesWorkers(measureInputs(sources({ jsonl: '-' })), false), true);
  });
});
