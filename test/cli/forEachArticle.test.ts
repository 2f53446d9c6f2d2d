import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdsSeveralArticles, type ArticleSources } from '../../src/cli/forEachArticle';
import { root } from './runCli';

suite('holdsSeveralArticles (whether annotate starts worker threads)', () => {
  let scratch: string;
  suiteSetup(() => {
    scratch = mkdtempSync(join(tmpdir(), 'news-annotator-inputs-'));
  });
  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  const read = { maxBytes: 1024 * 1024, warn: () => undefined };
  const sources = (more: Partial<ArticleSources>): ArticleSources => ({ paths: [], read, ...more });

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
});
