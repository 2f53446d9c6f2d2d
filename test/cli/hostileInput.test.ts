/**
 * Issue 7, hostile input, at the CLI layer: the built `news-annotator` as a user runs it, on files
 * generated in a temporary folder from test/shared/hostileInputs.ts. Each case asserts a clear
 * message on stderr or a sensible record on stdout, and an exit status, never a crash or a hang.
 * The CLI reads no knowledge base; those cases are in the unit and integration suites.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BINARY_FILE,
  BLANK_TEXTS,
  EMOJI_AND_COMBINING,
  LATIN1,
  RIGHT_TO_LEFT,
  bigArticle,
  deeplyNestedQuotes,
  textWithNulBytes,
  unmatchedQuotationMarks,
  utf16Bytes,
  utf8WithMark,
  withMixedLineEnds,
} from '../shared/hostileInputs';
import { root, runCli, startCli } from './runCli';

interface SpanRecord {
  start: number;
  end: number;
  text: string;
}

interface AnnotateRecord {
  file: string;
  date: string | null;
  zones: Array<{ kind: string; start: number; end: number }>;
  quotes: Array<SpanRecord & { speaker: (SpanRecord & { name: string }) | null }>;
  entities: Array<SpanRecord & { type: string; name: string }>;
  dates: Array<SpanRecord & { value: string | null }>;
}

const seedPath = join(root, 'seeds', '001_2e408fe495f00e99.txt');
const seed = readFileSync(seedPath, 'utf8');

/** Every span of a record lies inside `text` and its `text` is that slice, in UTF-16 code units. */
function assertOffsetsInto(record: AnnotateRecord, text: string): void {
  const spans: SpanRecord[] = [
    ...record.quotes,
    ...record.quotes.flatMap((quote) => (quote.speaker ? [quote.speaker] : [])),
    ...record.entities,
    ...record.dates,
  ];
  for (const span of spans) {
    assert.ok(0 <= span.start && span.start < span.end && span.end <= text.length);
    assert.equal(span.text, text.slice(span.start, span.end));
  }
}

/** What an annotation says, without offsets: to compare a file with its re-encoded twin. */
function meaning(record: AnnotateRecord) {
  return {
    date: record.date,
    quotes: record.quotes.map((quote) => [quote.text, quote.speaker?.name ?? null]),
    entities: record.entities.map((entity) => [entity.text, entity.type, entity.name]),
    dates: record.dates.map((date) => [date.text, date.value]),
  };
}

suite('news-annotator on hostile input', () => {
  let scratch: string;
  const file = (name: string, content: string | Uint8Array): string => {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  };
  const annotate = (...args: string[]): AnnotateRecord[] => {
    const run = runCli(['annotate', '--jobs', '1', '--no-borrow', ...args]);
    assert.equal(run.status, 0, run.stderr);
    return run.records as unknown as AnnotateRecord[];
  };

  suiteSetup(() => {
    scratch = mkdtempSync(join(tmpdir(), 'news-annotator-hostile-'));
  });
  suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

  suite('an empty file and a file of only white space', () => {
    test('each gives a record with no zones, quotations, entities or dates, and exit 0', () => {
      const paths = BLANK_TEXTS.map((text, i) => file(`blank-${i}.txt`, text));
      const records = annotate(...paths);
      assert.deepEqual(
        records.map((record) => record.file),
        paths,
      );
      for (const record of records) {
        assert.deepEqual(
          {
            quotes: record.quotes,
            entities: record.entities,
            dates: record.dates,
            date: record.date,
          },
          { quotes: [], entities: [], dates: [], date: null },
        );
      }
      const zones = runCli(['zones', ...paths]);
      assert.equal(zones.status, 0, zones.stderr);
      assert.ok(zones.records.every((record) => (record.zones as unknown[]).length === 0));
    });

    test('empty files are not reported as duplicates of each other', () => {
      const folder = join(scratch, 'empties');
      mkdirSync(folder);
      for (let i = 0; i < 5; i++) writeFileSync(join(folder, `${i}.txt`), i % 2 ? '' : ' \n ');
      const run = runCli(['duplicates', folder]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.records, []);
    });
  });

  suite('a binary file and a file with NUL bytes', () => {
    test('a binary file is reported on one line, and the next input is still annotated', () => {
      const binary = file('image.txt', BINARY_FILE);
      const run = runCli(['annotate', '--jobs', '1', binary, seedPath]);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /image\.txt: binary file \(it contains NUL bytes\)\n/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(
        run.records.map((record) => record.file),
        [seedPath],
      );
    });

    test('NUL bytes after the start of a text file are kept and read around', () => {
      const text = textWithNulBytes();
      const [record] = annotate(file('nul.txt', text));
      assertOffsetsInto(record!, text);
      assert.deepEqual(
        record!.quotes.map((quote) => quote.text),
        ['“We are\u0000 ready,”'],
      );
    });
  });

  suite('UTF-8 with BOM, UTF-16 LE and BE, Latin-1', () => {
    test('a UTF-8 byte-order mark is dropped: offsets are those of the text without it', () => {
      const [withMark, plain] = annotate(file('bom.txt', utf8WithMark(seed)), seedPath);
      assertOffsetsInto(withMark!, seed);
      assert.deepEqual(withMark!.quotes, plain!.quotes);
    });

    test('UTF-16 LE and BE, with a byte-order mark or without, annotate like UTF-8', () => {
      const paths = [
        file('le.txt', utf16Bytes(seed, 'le', true)),
        file('be.txt', utf16Bytes(seed, 'be', true)),
        file('le-nomark.txt', utf16Bytes(seed, 'le', false)),
        file('be-nomark.txt', utf16Bytes(seed, 'be', false)),
      ];
      const run = runCli(['annotate', '--jobs', '1', '--no-borrow', ...paths, seedPath]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /le-nomark\.txt: no byte-order mark; decoded as UTF-16 LE/);
      assert.match(run.stderr, /be-nomark\.txt: no byte-order mark; decoded as UTF-16 BE/);
      const records = run.records as unknown as AnnotateRecord[];
      const expected = records[records.length - 1]!;
      for (const record of records.slice(0, -1)) {
        assert.deepEqual(record.quotes, expected.quotes, record.file);
        assert.deepEqual(record.entities, expected.entities, record.file);
      }
    });

    test('Latin-1 is decoded as Windows-1252 with a note, curly quotation marks included', () => {
      const path = file('latin1.txt', LATIN1.bytes);
      const run = runCli(['annotate', '--jobs', '1', path]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /latin1\.txt: not valid UTF-8; decoded as Windows-1252 \(Latin-1\)/);
      const [record] = run.records as unknown as AnnotateRecord[];
      assertOffsetsInto(record!, LATIN1.text);
      assert.deepEqual(
        record!.quotes.map((quote) => [quote.text, quote.speaker?.name]),
        [['“We are ready,”', 'Karasin']],
      );
    });
  });

  suite('mixed line ends (CRLF, CR, LF and U+2028 in one file)', () => {
    test('annotations say what they say for the LF file, at offsets into the mixed file', () => {
      const mixed = withMixedLineEnds(seed);
      const [record, plain] = annotate(file('mixed.txt', mixed), seedPath);
      assertOffsetsInto(record!, mixed);
      const lf = (value: unknown): unknown =>
        JSON.parse(JSON.stringify(value).replace(/\\r\\n|\\r|\\u2028/g, '\\n'));
      assert.deepEqual(lf(meaning(record!)), meaning(plain!));
    });
  });

  suite('a 20 MB article and a single 5 MB line', () => {
    test('the zones of a 20 MB article: one body with every paragraph', () => {
      const text = bigArticle(20 * 1024 * 1024);
      const run = runCli(['zones', file('big.txt', text)]);
      assert.equal(run.status, 0, run.stderr);
      const body = (
        run.records[0]!.zones as Array<{ kind: string; end: number; children: [] }>
      ).find((zone) => zone.kind === 'body');
      assert.equal(body?.end, text.length);
      assert.equal(body?.children.length, text.split('\n\n').length);
    });

    test('a 20 MB article over --max-size is refused with the option to raise it', () => {
      const path = file('big-refused.txt', bigArticle(20 * 1024 * 1024));
      const run = runCli(['annotate', '--max-size', '10', path, seedPath]);
      assert.equal(run.status, 1);
      assert.match(
        run.stderr,
        /big-refused\.txt: file is 2\d\.\d MB, over the 10\.0 MB limit \(raise it with --max-size\)/,
      );
      assert.equal(run.records.length, 1);
    });

    test('a single 5 MB line is annotated to its end', () => {
      const text = bigArticle(5 * 1024 * 1024, ' ');
      const [record] = annotate(file('line.txt', text));
      assert.equal(record!.quotes.length, text.split('“We will meet again').length - 1);
      const last = record!.quotes[record!.quotes.length - 1]!;
      assert.ok(last.start > text.length - 400 && last.speaker !== null);
      assertOffsetsInto(record!, text);
    });
  });

  suite('100,000 unmatched quotation marks and deeply nested quotes', () => {
    test('100,000 unmatched marks give no quotation; a quote nested 5,000 deep gives one', () => {
      const unmatched = unmatchedQuotationMarks(100_000);
      const nested = deeplyNestedQuotes(5000);
      const [marks, deep] = annotate(file('marks.txt', unmatched), file('nested.txt', nested));
      assert.deepEqual(marks!.quotes, []);
      assert.deepEqual(
        marks!.entities.map((entity) => entity.name),
        ['Karasin'],
      );
      assert.equal(deep!.quotes.length, 1);
      assert.equal(deep!.quotes[0]!.speaker?.name, 'Grigory Karasin');
      assertOffsetsInto(deep!, nested);
    });
  });

  suite('emoji, combining characters and right-to-left text', () => {
    test('offsets are UTF-16 code units into the text, whatever characters surround the spans', () => {
      const [emoji, rtl] = annotate(
        file('emoji.txt', EMOJI_AND_COMBINING.text),
        file('rtl.txt', RIGHT_TO_LEFT.text),
      );
      assertOffsetsInto(emoji!, EMOJI_AND_COMBINING.text);
      for (const quote of EMOJI_AND_COMBINING.expected.quotes) {
        assert.ok(
          emoji!.quotes.some((found) => found.start === EMOJI_AND_COMBINING.text.indexOf(quote)),
          quote,
        );
      }
      assertOffsetsInto(rtl!, RIGHT_TO_LEFT.text);
      const english = rtl!.quotes.find((quote) => quote.text === RIGHT_TO_LEFT.englishQuote);
      assert.equal(english?.speaker?.name, 'Karasin');
    });
  });

  suite('files deleted, renamed or rewritten while being read', () => {
    test('a file gone by the time it is read is reported, a rewritten one is read as it is now', async function () {
      if (process.platform === 'win32') this.skip();
      const folder = join(scratch, 'changing');
      mkdirSync(folder);
      // The first file is a named pipe: reading it waits until the test writes it, which happens
      // only after the CLI has listed the folder, so the changes below fall between the listing
      // and the reading of the other files.
      const gate = join(folder, '1-gate.txt');
      assert.equal(spawnSync('mkfifo', [gate]).status, 0, 'mkfifo');
      writeFileSync(join(folder, '2-deleted.txt'), seed);
      writeFileSync(join(folder, '3-renamed.txt'), seed);
      writeFileSync(join(folder, '4-rewritten.txt'), 'An old version.');
      const run = startCli(['zones', folder]);
      const pipe = await open(gate, 'w'); // Opens once the CLI is reading the pipe.
      unlinkSync(join(folder, '2-deleted.txt'));
      renameSync(join(folder, '3-renamed.txt'), join(folder, '5-new-name.txt'));
      writeFileSync(join(folder, '4-rewritten.txt'), ' date 2017-12-27 MOSCOW—A new version.');
      await pipe.writeFile('Headline\n\nMOSCOW—The gate.');
      await pipe.close();
      const result = await run.done;
      assert.equal(result.status, 1);
      assert.match(result.stderr, /2-deleted\.txt: no such file or folder/);
      assert.match(result.stderr, /3-renamed\.txt: no such file or folder/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(
        result.records.map((record) => [
          String(record.file).slice(folder.length + 1),
          record.headerDate,
        ]),
        [
          ['1-gate.txt', null],
          ['4-rewritten.txt', '2017-12-27'],
        ],
      );
    });

    test('a dangling symbolic link is reported as a missing file', () => {
      const link = join(scratch, 'dangling.txt');
      symlinkSync(join(scratch, 'nowhere.txt'), link);
      const run = runCli(['zones', link, seedPath]);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /dangling\.txt: no such file or folder/);
      assert.equal(run.records.length, 1);
    });
  });

  suite('a symbolic-link loop in the corpus folder', () => {
    test('each article is read once and the walk ends', () => {
      const folder = join(scratch, 'loop');
      mkdirSync(join(folder, 'inner'), { recursive: true });
      writeFileSync(join(folder, 'inner', 'story.txt'), seed);
      symlinkSync(folder, join(folder, 'inner', 'back-to-top'));
      symlinkSync(join(folder, 'inner'), join(folder, 'inner-again'));
      symlinkSync(join(folder, 'a.txt'), join(folder, 'b.txt'));
      symlinkSync(join(folder, 'b.txt'), join(folder, 'a.txt'));
      const run = runCli(['zones', folder]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(
        run.records.map((record) => String(record.file).slice(folder.length + 1)),
        ['inner/story.txt'],
      );
    });
  });

  suite('a folder of 100,000 files', () => {
    let folder: string;
    suiteSetup(function () {
      this.timeout(120_000);
      folder = join(scratch, 'corpus');
      for (let i = 0; i < 100_000; i++) {
        const subfolder = join(folder, `part-${i % 100}`);
        if (i < 100) mkdirSync(subfolder, { recursive: true });
        writeFileSync(
          join(subfolder, `${String(i).padStart(6, '0')}.txt`),
          `Story ${i}\n\nMOSCOW—Delegation ${i} arrived for talks on item ${i * 7919}.\n`,
        );
      }
    });
    suiteTeardown(function () {
      this.timeout(120_000);
      rmSync(folder, { recursive: true, force: true });
    });

    test('zones prints one record per file, in order', () => {
      const run = runCli(['zones', folder]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.records.length, 100_000);
      assert.ok(String(run.records[0]!.file).endsWith('part-0/000000.txt'));
    });

    test('duplicates compares these look-alike files (each with a few others) and finds no story told twice', () => {
      const run = runCli(['duplicates', folder]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.records, []);
    });
  });
});
