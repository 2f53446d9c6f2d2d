import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runCli } from './runCli';

interface SpanRecord {
  start: number;
  end: number;
  text: string;
}
interface QuoteRecord extends SpanRecord {
  speaker: (SpanRecord & { name: string }) | null;
}
interface GoldSeed {
  quotes: Array<{
    start: number;
    end: number;
    speaker: { start: number; end: number; refers_to: string };
  }>;
  dates: Array<{ start: number; end: number; value: string }>;
}
const gold = JSON.parse(
  readFileSync(join(root, 'test/fixtures/seeds-gold.json'), 'utf8'),
) as Record<string, GoldSeed>;

suite('news-annotator annotate', () => {
  let scratch: string;
  suiteSetup(() => {
    scratch = mkdtempSync(join(tmpdir(), 'news-annotator-annotate-'));
  });
  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  test('annotates both seeds as the gold file says, borrowing the undated seed’s date', () => {
    const run = runCli(['annotate', '--jobs', '2', 'seeds']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.records.length, 2);
    for (const record of run.records) {
      const file = String(record.file).replace(/^seeds\//, '');
      const expected = gold[file]!;
      assert.equal(record.date, '2017-12-27');
      assert.equal(record.dateSource, file.startsWith('000') ? 'duplicate' : 'header');
      const quotes = record.quotes as QuoteRecord[];
      assert.deepEqual(
        quotes.map((quote) => [quote.start, quote.end, quote.speaker?.start, quote.speaker?.name]),
        expected.quotes.map((quote) => [
          quote.start,
          quote.end,
          quote.speaker.start,
          quote.speaker.refers_to,
        ]),
      );
      const dates = record.dates as Array<SpanRecord & { value: string | null }>;
      for (const date of expected.dates) {
        assert.ok(
          dates.some(
            (found) =>
              found.start === date.start && found.end === date.end && found.value === date.value,
          ),
          `${file}: date at ${date.start} = ${date.value}`,
        );
      }
    }
  });

  test('takes --date for an undated article, and records the source', () => {
    const article = join(scratch, 'story.article');
    writeFileSync(
      article,
      'Talks Resume\n\nThe talks resumed last month in Geneva, officials said on Tuesday.',
    );
    const run = runCli(['annotate', '--jobs', '1', '--date', '2017-12-27', article]);
    assert.equal(run.status, 0, run.stderr);
    const [record] = run.records;
    assert.equal(record!.dateSource, 'input');
    const dates = record!.dates as Array<SpanRecord & { value: string | null }>;
    assert.deepEqual(
      dates.map((date) => [date.text, date.value]),
      [
        ['last month', '2017-11'],
        ['Tuesday', '2017-12-26'],
      ],
    );
  });

  test('leaves relative dates unresolved when no date is known', () => {
    const run = runCli(
      ['annotate', '--jsonl', '-'],
      JSON.stringify({ id: 'x', text: 'The talks resumed last month in Geneva, officials said.' }),
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.records[0]!.dateSource, 'unknown');
    assert.deepEqual(run.records[0]!.dates, [
      { start: 18, end: 28, text: 'last month', value: null },
    ]);
  });

  test('reports bad inputs and keeps the order of the good ones', () => {
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    const run = runCli([
      'annotate',
      empty,
      join(scratch, 'missing.txt'),
      'seeds/001_2e408fe495f00e99.txt',
    ]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /missing\.txt: no such file or folder/);
    assert.deepEqual(
      run.records.map((record) => record.file),
      [empty, 'seeds/001_2e408fe495f00e99.txt'],
    );
    assert.deepEqual(run.records[0]!.quotes, []);
  });

  test('--jobs 2 writes the records in input order, exactly as --jobs 1 does', () => {
    const seedTexts = ['000_bfa63e976a24a0e6.txt', '001_2e408fe495f00e99.txt'].map((name) =>
      readFileSync(join(root, 'seeds', name), 'utf8'),
    );
    // Long and short articles interleaved, more than the workers hold at once, so analyses end
    // out of input order.
    const lines = Array.from({ length: 14 }, (_, i) =>
      JSON.stringify({
        id: `record-${i}`,
        text: i % 3 === 0 ? seedTexts[i % 2]! : `Short note ${i}: the mayor said on Monday.`,
      }),
    );
    const file = join(scratch, 'mixed.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const parallel = runCli(['annotate', '--jobs', '2', '--jsonl', file]);
    assert.equal(parallel.status, 0, parallel.stderr);
    assert.deepEqual(
      parallel.records.map((record) => record.id),
      lines.map((_, i) => `record-${i}`),
    );
    const serial = runCli(['annotate', '--jobs', '1', '--jsonl', file]);
    assert.equal(serial.status, 0, serial.stderr);
    assert.equal(parallel.stdout, serial.stdout);
  });

  test('--jobs 2 reports a bad record and writes the good ones around it in order', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '"We are ready," Anna Smith said on Tuesday.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'b', text: 'Talks resumed in Geneva.' }),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', text: 'Officials declined to comment.' }),
    ].join('\n');
    const run = runCli(['annotate', '--jobs', '2', '--jsonl', '-'], input);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /stdin:2: not valid JSON/);
    assert.match(run.stderr, /stdin:4: the record has no string "text"/);
    assert.match(run.stderr, /2 of 5 inputs failed/);
    assert.deepEqual(
      run.records.map((record) => record.id),
      ['a', 'b', 'd'],
    );
    assert.equal((run.records[0]!.quotes as QuoteRecord[])[0]!.speaker?.text, 'Anna Smith');
  });

  test('rejects a malformed --date or --jobs as bad usage', () => {
    assert.equal(runCli(['annotate', '--date', 'yesterday', 'seeds']).status, 2);
    assert.equal(runCli(['annotate', '--jobs', '0', 'seeds']).status, 2);
  });
});

suite('news-annotator duplicates', () => {
  test('finds the two seeds as one story with the clean body contained in the full page', () => {
    const run = runCli(['duplicates', 'seeds']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.records.length, 1);
    const [cluster] = run.records as Array<{
      files: string[];
      kind: string;
      pairs: Array<{ containment: number; similarity: number }>;
    }>;
    assert.deepEqual(cluster!.files, [
      'seeds/000_bfa63e976a24a0e6.txt',
      'seeds/001_2e408fe495f00e99.txt',
    ]);
    assert.equal(cluster!.kind, 'same-body');
    assert.ok(cluster!.pairs[0]!.containment > 0.99);
  });

  test('prints no cluster for unrelated stories, and checks --threshold', () => {
    const input = [
      {
        id: 'a',
        text: 'The council approved the budget on Monday after a long debate about parks.',
      },
      {
        id: 'b',
        text: 'Heavy rain flooded the coastal town, and schools stayed closed on Friday.',
      },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n');
    const run = runCli(['duplicates', '--jsonl', '-'], input);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.records, []);
    assert.equal(runCli(['duplicates', '--threshold', '2', 'seeds']).status, 2);
  });
});

suite('news-annotator eval', () => {
  let scratch: string;
  suiteSetup(() => {
    scratch = mkdtempSync(join(tmpdir(), 'news-annotator-eval-'));
  });
  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  test('scores quotes, speakers, dates and entities of a small gold file', () => {
    const text = '“We are ready,” said Maria Lopez, the mayor of Geneva, on Tuesday.';
    const span = (part: string): { start: number; end: number } => ({
      start: text.indexOf(part),
      end: text.indexOf(part) + part.length,
    });
    const goldFile = join(scratch, 'gold.jsonl');
    writeFileSync(
      goldFile,
      `${JSON.stringify({
        id: 'g1',
        text,
        dct: '2017-12-27',
        quotes: [
          {
            ...span('“We are ready,”'),
            speaker_start: span('Maria Lopez').start,
            speaker_end: span('Maria Lopez').end,
          },
        ],
        timexes: [{ ...span('Tuesday'), type: 'DATE', value: '2017-12-26' }],
        entities: [
          { ...span('Maria Lopez'), type: 'PER' },
          { ...span('Geneva'), type: 'LOC' },
        ],
      })}\nnot json\n`,
    );
    const run = runCli(['eval', '--gold', goldFile, '--jobs', '1']);
    assert.equal(run.status, 1, 'the malformed gold line counts as a failed input');
    assert.match(run.stderr, /gold\.jsonl:2: not valid JSON/);
    const report = run.records[0] as {
      documents: number;
      quotes: { exact: { f1: number }; speakers: { accuracy: number } };
      dates: { exact: { f1: number }; value: { accuracy: number } };
      entities: { exact: { overall: { recall: number } } };
    };
    assert.equal(report.documents, 1);
    assert.equal(report.quotes.exact.f1, 100);
    assert.equal(report.quotes.speakers.accuracy, 100);
    assert.equal(report.dates.exact.f1, 100);
    assert.equal(report.dates.value.accuracy, 100);
    assert.equal(report.entities.exact.overall.recall, 100);
  });

  test('prints a table for people and needs --gold', () => {
    const table = runCli([
      'eval',
      '--gold',
      join(root, 'test/fixtures/seeds-eval.jsonl'),
      '--format',
      'table',
    ]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /quotes, exact +P +100\.0 +R +100\.0/);
    assert.equal(runCli(['eval']).status, 2);
  });
});
