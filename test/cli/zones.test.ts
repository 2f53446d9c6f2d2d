import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

interface ZoneRecord {
  kind: string;
  start: number;
  end: number;
  text?: string;
}

suite('news-annotator zones', () => {
  let scratch: string;
  suiteSetup(() => {
    scratch = mkdtempSync(join(tmpdir(), 'news-annotator-cli-'));
  });
  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  test('prints one record per seed with the seed zones', () => {
    const run = runCli([
      'zones',
      'seeds/000_bfa63e976a24a0e6.txt',
      'seeds/001_2e408fe495f00e99.txt',
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      run.records.map((record) => record.file),
      ['seeds/000_bfa63e976a24a0e6.txt', 'seeds/001_2e408fe495f00e99.txt'],
    );
    const kinds = (record: Record<string, unknown>): string[] =>
      (record.zones as ZoneRecord[]).map((zone) => zone.kind);
    assert.deepEqual(kinds(run.records[0]!), [
      'headline',
      'caption',
      'caption',
      'caption',
      'body',
      'boilerplate',
      'comments',
    ]);
    assert.deepEqual(kinds(run.records[1]!), ['date-header', 'body']);
    assert.equal(run.records[1]!.headerDate, '2017-12-27');
  });

  test('walks a folder for article files', () => {
    const run = runCli(['zones', 'seeds']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.records.length, 2);
  });

  test('reads JSON Lines from standard input and reports bad records without stopping', () => {
    const input = [
      JSON.stringify({
        id: 'a',
        text: 'Headline\n\nMOSCOW—The talks resumed on Monday in the capital.',
      }),
      'not json',
      JSON.stringify({ id: 'b', text: '' }),
    ].join('\n');
    const run = runCli(['zones', '--jsonl', '-'], input);
    assert.equal(run.status, 1);
    assert.deepEqual(
      run.records.map((record) => record.id),
      ['a', 'b'],
    );
    assert.match(run.stderr, /stdin:2: not valid JSON/);
    assert.deepEqual(run.records[1]!.zones, []);
  });

  test('gives clear messages for bad files and still processes the good ones', () => {
    const binary = join(scratch, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
    const latin1 = join(scratch, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Caf\xe9 \x93Hello\x94 she said.', 'latin1'));
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    const huge = join(scratch, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const missing = join(scratch, 'missing.txt');

    const run = runCli([
      'zones',
      binary,
      latin1,
      empty,
      huge,
      missing,
      'seeds/001_2e408fe495f00e99.txt',
    ]);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.match(run.stderr, /binary\.txt: binary file/);
    assert.match(run.stderr, /latin1\.txt: not valid UTF-8; decoded as Windows-1252/);
    assert.match(run.stderr, /huge\.txt: file is 50\.0 MB, over the 32\.0 MB limit/);
    assert.match(run.stderr, /missing\.txt: no such file or folder/);
    assert.deepEqual(
      run.records.map((record) => record.file),
      [latin1, empty, 'seeds/001_2e408fe495f00e99.txt'],
    );
    assert.deepEqual(run.records[1]!.zones, []);
  });

  test('decodes Latin-1 quotation marks into the right characters', () => {
    const latin1 = join(scratch, 'quotes.txt');
    writeFileSync(latin1, Buffer.from('\x93We are ready,\x94 she said.', 'latin1'));
    const run = runCli(['zones', latin1]);
    const body = (run.records[0]!.zones as ZoneRecord[]).find((zone) => zone.kind === 'body')!;
    assert.equal(body.end - body.start, '“We are ready,” she said.'.length);
  });

  test('exits 2 with the usage on bad usage', () => {
    for (const args of [[], ['frobnicate', 'x'], ['zones'], ['zones', '--max-size', 'zero', 'x']]) {
      const run = runCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage: news-annotator/);
    }
  });

  test('prints the usage for --help', () => {
    const run = runCli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /zones/);
  });
});
