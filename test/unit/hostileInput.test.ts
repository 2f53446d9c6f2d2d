/**
 * Issue 7, hostile input, at the unit layer: every case the issue lists, run through the core in
 * plain Node, each asserting a clear message or a sensible result. The inputs come from
 * test/shared/hostileInputs.ts, which the CLI and integration suites share; the fuzz run over the
 * engine is test/unit/engineFuzz.test.ts. Cases that only exist with files (a file deleted while
 * indexed, symbolic-link loops, a workspace of 100,000 files) are in the CLI and integration suites.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AnalysisCancelled,
  ArticleAnalyzer,
  analyzeArticle,
} from '../../src/core/analysis/articleAnalyzer';
import { MAX_UNIT_CHARS, splitAnalysisUnits } from '../../src/core/analysis/splitAnalysisUnits';
import { parseArticle } from '../../src/core/article/parseArticle';
import { buildEntityCard } from '../../src/core/cards/entityCard';
import { compareFingerprints } from '../../src/core/duplicates/compareFingerprints';
import { DuplicateIndex, MAX_BAND_CANDIDATES } from '../../src/core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../../src/core/duplicates/fingerprintArticle';
import { normalizedBodyLines } from '../../src/core/duplicates/normalizedBodyView';
import { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import {
  MAX_KNOWLEDGE_FILE_CHARS,
  parseKnowledgeFile,
} from '../../src/core/knowledge/parseKnowledgeFile';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { decodeText } from '../../src/core/text/decodeText';
import type { ArticleAnalysis, Span } from '../../src/core/types';
import {
  BINARY_FILE,
  BLANK_TEXTS,
  EMOJI_AND_COMBINING,
  HOSTILE_KNOWLEDGE,
  LATIN1,
  RIGHT_TO_LEFT,
  STUB_PAGE,
  bigArticle,
  distinctStory,
  nearCopy,
  deeplyNestedJson,
  deeplyNestedQuotes,
  textWithNulBytes,
  unmatchedQuotationMarks,
  utf16Bytes,
  utf8WithMark,
  withMixedLineEnds,
} from '../shared/hostileInputs';

const root = join(__dirname, '..', '..');
const seedName = '001_2e408fe495f00e99.txt';
const seed = readFileSync(join(root, 'seeds', seedName), 'utf8');

/** Every span of an analysis lies inside the text, is not empty and matches its text. */
function assertSpansInside(analysis: ArticleAnalysis, text: string): void {
  const spans: Array<Span & { text: string }> = [
    ...analysis.quotes,
    ...analysis.quotes.flatMap((quote) => (quote.speaker ? [quote.speaker] : [])),
    ...analysis.entities,
    ...analysis.dates,
  ];
  for (const span of spans) {
    assert.ok(0 <= span.start && span.start < span.end && span.end <= text.length);
    assert.equal(span.text, text.slice(span.start, span.end));
  }
}

/** True when an offset falls inside one character: between surrogates or before a combining mark. */
function insideCharacter(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return true;
  return offset > 0 && /^\p{M}/u.test(text.slice(offset, offset + 1));
}

function decodedText(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
  return decoded.text;
}

suite('Hostile input: an empty file and a file of only white space', () => {
  test('the analysis is empty, with no date, and nothing throws', () => {
    for (const text of BLANK_TEXTS) {
      const analysis = analyzeArticle(text);
      assert.deepEqual(
        { ...analysis, zones: analysis.zones.filter((zone) => zone.kind !== 'date-header') },
        { date: null, dateSource: 'unknown', zones: [], quotes: [], entities: [], dates: [] },
        JSON.stringify(text),
      );
    }
  });

  test('the duplicate fingerprint and the normalised view of a blank file are empty', () => {
    for (const text of BLANK_TEXTS) {
      const fingerprint = fingerprintArticle(text);
      assert.equal(fingerprint.bodyWords, 0, JSON.stringify(text));
      assert.deepEqual(normalizedBodyLines(text).paragraphs, []);
      // Two blank files are not reported as versions of one story.
      assert.equal(compareFingerprints(fingerprint, fingerprintArticle('\n')).kind, null);
    }
    const index = new DuplicateIndex();
    BLANK_TEXTS.forEach((text, i) => index.add(`blank-${i}`, fingerprintArticle(text)));
    index.add('story', fingerprintArticle(seed));
    index.add('copy', fingerprintArticle(seed));
    assert.deepEqual(
      index.clusters(0.45).map((cluster) => cluster.files),
      [['copy', 'story']].map((files) => files.sort()),
    );
  });

  test('an empty file decodes to an empty text, not an error', () => {
    assert.deepEqual(decodeText(new Uint8Array()), { ok: true, text: '', encoding: 'utf-8' });
  });
});

suite('Hostile input: a binary file and a file with NUL bytes', () => {
  test('a binary file is refused with a reason', () => {
    assert.deepEqual(decodeText(BINARY_FILE), {
      ok: false,
      reason: 'binary file (it contains NUL bytes)',
    });
  });

  test('NUL bytes past the sniffed head are kept, and the analysis reads around them', () => {
    const text = decodedText(new TextEncoder().encode(textWithNulBytes()));
    assert.ok(text.includes('\u0000'));
    const analysis = analyzeArticle(text);
    assertSpansInside(analysis, text);
    assert.deepEqual(
      analysis.quotes.map((quote) => quote.text),
      ['“We are\u0000 ready,”'],
    );
  });
});

suite('Hostile input: encodings (UTF-8 with BOM, UTF-16 LE and BE, Latin-1)', () => {
  test('a UTF-8 byte-order mark is dropped, so offsets are those of the text without it', () => {
    assert.equal(decodedText(utf8WithMark(seed)), seed);
  });

  test('UTF-16 LE and BE decode to the same text, with a byte-order mark or without one', () => {
    for (const order of ['le', 'be'] as const) {
      const marked = decodeText(utf16Bytes(seed, order, true));
      assert.deepEqual(marked, { ok: true, text: seed, encoding: `utf-16${order}` });
      const unmarked = decodeText(utf16Bytes(seed, order, false));
      assert.ok(unmarked.ok, 'UTF-16 without a mark is not binary');
      assert.equal(unmarked.text, seed);
      assert.match(unmarked.note ?? '', /no byte-order mark; decoded as UTF-16 [LB]E/);
    }
  });

  test('sixteen-bit numbers with NUL high bytes are still a binary file, not UTF-16', () => {
    const numbers = Uint8Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? i % 31 : 0));
    assert.equal(decodeText(numbers).ok, false);
  });

  test('Latin-1 (Windows-1252) is decoded with a note, curly marks included', () => {
    const decoded = decodeText(LATIN1.bytes);
    assert.deepEqual(decoded, {
      ok: true,
      text: LATIN1.text,
      encoding: 'windows-1252',
      note: 'not valid UTF-8; decoded as Windows-1252 (Latin-1)',
    });
    const quotes = analyzeArticle(LATIN1.text).quotes;
    assert.deepEqual(
      quotes.map((quote) => [quote.text, quote.speaker?.name]),
      [['“We are ready,”', 'Karasin']],
    );
  });
});

suite('Hostile input: mixed line ends (CRLF, CR, LF and U+2028 in one file)', () => {
  test('the seed with every kind of line end gives the analysis of the seed, at shifted offsets', () => {
    const mixed = withMixedLineEnds(seed);
    assert.ok(/\r\n/.test(mixed) && /\r[^\n]/.test(mixed) && mixed.includes('\u2028'));
    const analysis = analyzeArticle(mixed);
    const plain = analyzeArticle(seed);
    assertSpansInside(analysis, mixed);
    // Only CRLF adds a character; the texts of the spans are those of the seed but for line ends.
    const lf = (text: string): string => text.replace(/\r\n?|\u2028/g, '\n');
    const describe = (a: ArticleAnalysis) => ({
      date: a.date,
      quotes: a.quotes.map((q) => [lf(q.text), q.speaker?.name]),
      entities: a.entities.map((e) => [lf(e.text), e.type, e.name]),
      dates: a.dates.map((d) => [lf(d.text), d.value]),
    });
    assert.deepEqual(describe(analysis), describe(plain));
  });

  test('zones keep to their lines whatever the line end', () => {
    const mixed = withMixedLineEnds(seed);
    const kinds = (text: string) =>
      parseArticle(text).zones.map((zone) => [zone.kind, zone.children?.length ?? 0]);
    assert.deepEqual(kinds(mixed), kinds(seed));
  });
});

suite('Hostile input: a 20 MB article and a single 5 MB line', () => {
  const fiveMegabytes = 5 * 1024 * 1024;
  let twentyMegabyteArticle = '';
  let fiveMegabyteLine = '';
  suiteSetup(() => {
    twentyMegabyteArticle = bigArticle(20 * 1024 * 1024);
    fiveMegabyteLine = bigArticle(fiveMegabytes, ' ');
  });

  test('the zones of a 20 MB article (the outline, on the extension host) are found', () => {
    const text = twentyMegabyteArticle;
    const structure = parseArticle(text);
    const body = structure.zones.find((zone) => zone.kind === 'body');
    assert.ok(body && body.end === text.length);
    assert.ok((body.children?.length ?? 0) > 50_000, `${body.children?.length} paragraphs`);
  });

  test('a 20 MB analysis asks to stop between paragraphs, and stops when told', () => {
    const text = twentyMegabyteArticle;
    let asked = 0;
    assert.throws(
      () =>
        new ArticleAnalyzer().analyze(text, {
          shouldStop: () => (++asked > 1000 ? 'timeout' : undefined),
        }),
      (error: unknown) => error instanceof AnalysisCancelled && error.reason === 'timeout',
    );
    assert.equal(asked, 1001, 'it stopped at the first check after the limit');
  });

  test('the quotation phase asks to stop between quotations too, and its stop goes through', () => {
    const text = bigArticle(200_000);
    const unquoted = text.replace(/[“”]/g, ' ');
    const checks = (input: string): number => {
      let asked = 0;
      new ArticleAnalyzer().analyze(input, { shouldStop: () => void asked++ });
      return asked;
    };
    const quotations = analyzeArticle(text).quotes.length;
    assert.ok(quotations > 500);
    assert.ok(checks(text) - checks(unquoted) >= quotations, 'checks during the quotation phase');
    const stop = new AnalysisCancelled('cancelled');
    assert.throws(
      () =>
        findQuotes(text, {
          checkpoint: () => {
            throw stop;
          },
        }),
      (error: unknown) => error === stop,
    );
  });

  test('a single 5 MB line is cut into bounded units, each of which ends at a sentence end', () => {
    const text = fiveMegabyteLine;
    assert.ok(!text.includes('\n'));
    const units = splitAnalysisUnits(text);
    assert.ok(units.length > fiveMegabytes / MAX_UNIT_CHARS);
    for (const unit of units) {
      assert.ok(unit.end - unit.start <= MAX_UNIT_CHARS);
      assert.match(text.slice(unit.end - 1, unit.end), /[.,;:!?”\w]/);
    }
  });

  test('a single 1 MB line is analysed to the end: its last quotation has its speaker', () => {
    // The whole 5 MB line is annotated by the CLI suite; here a fifth of it, for time.
    const text = bigArticle(1024 * 1024, ' ');
    const analysis = analyzeArticle(text);
    const paragraphs = text.split('“We will meet again').length - 1;
    assert.equal(analysis.quotes.length, paragraphs);
    const last = analysis.quotes[analysis.quotes.length - 1]!;
    assert.ok(last.start > text.length - 400 && last.speaker !== null, JSON.stringify(last));
  });
});

suite('Hostile input: 100,000 unmatched quotation marks and deeply nested quotes', () => {
  test('100,000 opening marks that nothing closes give no quotation, and the name is still found', () => {
    const text = unmatchedQuotationMarks(100_000);
    const analysis = analyzeArticle(text);
    assert.deepEqual(analysis.quotes, []);
    assert.deepEqual(
      analysis.entities.map((entity) => entity.text),
      ['Karasin'],
    );
  });

  test('100,000 straight marks in a row are not 50,000 empty quotations', () => {
    assert.deepEqual(analyzeArticle('"'.repeat(100_000)).quotes, []);
    assert.deepEqual(findQuotes('He said “” and “‘’” and left.'), []);
  });

  test('20,000 paragraphs that each open a quotation are one quotation per paragraph', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `“we are ready for round ${i}`).join(
      '\n\n',
    );
    const quotes = findQuotes(text);
    assert.equal(quotes.length, 20_000);
    assert.equal(quotes[19_999]!.text, '“we are ready for round 19999');
  });

  test('a quotation nested 5,000 levels deep is one quotation with its speaker', () => {
    const text = deeplyNestedQuotes(5000);
    const analysis = analyzeArticle(text);
    assertSpansInside(analysis, text);
    assert.equal(analysis.quotes.length, 1);
    assert.equal(analysis.quotes[0]!.speaker?.name, 'Grigory Karasin');
    assert.ok(analysis.quotes[0]!.text.startsWith('“level 0 says ‘level 1'));
  });
});

suite('Hostile input: emoji and combining characters next to spans', () => {
  const { text, expected } = EMOJI_AND_COMBINING;

  test('no span starts or ends inside a character, and offsets are UTF-16 code units', () => {
    const analysis = analyzeArticle(text);
    assertSpansInside(analysis, text);
    const spans = [...analysis.quotes, ...analysis.entities, ...analysis.dates];
    for (const span of spans) {
      assert.ok(!insideCharacter(text, span.start), `${JSON.stringify(span)} starts inside`);
      assert.ok(!insideCharacter(text, span.end), `${JSON.stringify(span)} ends inside`);
    }
    assert.deepEqual(
      analysis.quotes.map((quote) => quote.text).filter((quote) => expected.quotes.includes(quote)),
      expected.quotes,
    );
    for (const place of expected.places) {
      const at = text.indexOf(place);
      assert.ok(
        analysis.entities.some((e) => e.start === at && e.end === at + place.length),
        `${place} at ${at}`,
      );
    }
    for (const date of expected.dates) {
      assert.ok(analysis.dates.some((d) => d.start === text.indexOf(date) && d.text === date));
    }
  });

  test('a name written with a combining accent keeps its accent', () => {
    const names = analyzeArticle(text).entities.map((entity) => entity.text);
    assert.ok(names.includes('Grigory Karasin\u0301'), JSON.stringify(names));
    assert.ok(names.includes('Ame\u0301lie Dubois'), JSON.stringify(names));
  });

  test('a date that a combining mark follows ends after the mark', () => {
    const withMark = 'The talks resumed on Tuesday\u0301 in Vienna.';
    const date = analyzeArticle(withMark, { date: '2017-12-27' }).dates[0];
    assert.equal(date?.text, 'Tuesday\u0301');
  });
});

suite('Hostile input: right-to-left text', () => {
  test('Arabic and Hebrew paragraphs with bidirectional controls leave the English quotation intact', () => {
    const { text, englishQuote } = RIGHT_TO_LEFT;
    const analysis = analyzeArticle(text);
    assertSpansInside(analysis, text);
    const quote = analysis.quotes.find((candidate) => candidate.text === englishQuote);
    assert.equal(quote?.speaker?.name, 'Karasin');
    assert.equal(quote?.start, text.indexOf(englishQuote));
    assert.ok(analysis.entities.some((entity) => entity.text === 'Moscow'));
  });
});

suite('Hostile input: knowledge-base files', () => {
  test('malformed JSON gives one problem at the error, and no entries', () => {
    for (const text of [
      '{"entities": [',
      '{"entities": [}',
      '\u0000\u0001',
      '{"entities": [] } extra',
    ]) {
      const parsed = parseKnowledgeFile(text, 'news-entities.json');
      assert.equal(parsed.entries.length, 0, text);
      assert.equal(parsed.problems.length, 1, text);
      assert.match(parsed.problems[0]!.message, /^Not valid JSON: /);
    }
  });

  test('valid JSON of the wrong shape gives one problem, also when nested 100,000 levels deep', () => {
    for (const text of ['[]', '42', '{"entities": "all"}', deeplyNestedJson(100_000)]) {
      const parsed = parseKnowledgeFile(text, 'news-entities.json');
      assert.equal(parsed.entries.length, 0);
      assert.equal(parsed.problems.length, 1, text.slice(0, 40));
    }
    const deep = parseKnowledgeFile(deeplyNestedJson(100_000), 'news-entities.json');
    assert.match(deep.problems[0]!.message, /nested more than 64 levels deep/);
  });

  test('a 50 MB file is refused whole, without being parsed', () => {
    const text = `{"entities": [${'{"name": "A", "type": "person"},'.repeat(1_700_000)}{"name": "B", "type": "person"}]}`;
    assert.ok(text.length > 50 * 1_000_000 && text.length > MAX_KNOWLEDGE_FILE_CHARS);
    const parsed = parseKnowledgeFile(text, 'news-entities.json');
    assert.deepEqual(parsed.entries, []);
    assert.match(
      parsed.problems[0]!.message,
      /^The file is 5\d\.\d MB; .* over 5 MB are not loaded\.$/,
    );
  });

  test('Markdown, HTML and command: links in an entry stay inert text in its hover card', () => {
    const file = JSON.stringify({
      entities: [
        {
          name: `Grigory Karasin ${HOSTILE_KNOWLEDGE.text}`,
          type: 'person',
          aliases: ['Karasin', HOSTILE_KNOWLEDGE.text],
          description: HOSTILE_KNOWLEDGE.text,
          links: [...HOSTILE_KNOWLEDGE.links, 'https://example.org/karasin'],
        },
      ],
    });
    const [entry] = parseKnowledgeFile(file, 'news-entities.json').entries;
    assert.ok(entry);
    assert.deepEqual(entry.links, ['https://example.org/karasin']);
    const known = new KnowledgeBase([entry]).lookup('Karasin');
    assert.ok(known, 'the entry is found by its alias');
    const card = buildEntityCard({
      name: entry.name,
      type: 'person',
      known: entry,
      knownFrom: [entry.origin.layer],
      learnedRoles: [],
      aliasesHere: [],
      mentionsHere: 1,
      quotesHere: [],
      otherArticles: [],
      actions: [],
    });
    assert.doesNotMatch(card, /\]\((?!https:\/\/example\.org)/, 'a link other than the web page');
    assert.doesNotMatch(card, /(?<!\\)<img/, 'an HTML tag');
    assert.doesNotMatch(card, /(?<!\\)`tick/, 'a code span');
    assert.doesNotMatch(card, /(?<!\\)\*\*bold/, 'emphasis from the file');
    assert.doesNotMatch(card, /^#/m, 'a heading');
    assert.doesNotMatch(card, /command:|javascript:|file:|data:|vscode:/, 'a dangerous scheme');
  });
});

suite('Hostile input: a workspace of 100,000 files (the duplicate index)', () => {
  test('10,000 copies of a stub page and 2,000 near-copies of a story cluster in linear time', () => {
    const index = new DuplicateIndex();
    const stub = fingerprintArticle(STUB_PAGE);
    for (let i = 0; i < 10_000; i++) index.add(`stub-${String(i).padStart(5, '0')}`, stub);
    for (let i = 0; i < 2_000; i++)
      index.add(`near-${String(i).padStart(5, '0')}`, fingerprintArticle(nearCopy(i)));
    index.add('seed', fingerprintArticle(seed));
    index.add('seed-copy', fingerprintArticle(`Karabakh talks\n\n${seed}`));
    const clusters = index.clusters(0.45);
    assert.deepEqual(
      clusters.map((cluster) => [cluster.files[0], cluster.files.length]),
      [
        ['near-00000', 2_000],
        ['seed', 2],
        ['stub-00000', 10_000],
      ],
    );
    const [near, , stubs] = clusters;
    // Exact copies pair with the first copy; near-copies with a bounded number of others.
    assert.equal(stubs!.pairs.length, 9_999);
    assert.ok(stubs!.pairs.every((pair) => pair.a === 'stub-00000' && pair.kind === 'exact'));
    assert.ok(near!.pairs.length <= 2_000 * MAX_BAND_CANDIDATES, `${near!.pairs.length} pairs`);
    // One file's versions are still all its exact copies, and its near-copies up to the bound.
    assert.equal(index.query('stub-00042').length, 9_999);
    const nearMatches = index.query('near-00042');
    assert.ok(
      nearMatches.length >= MAX_BAND_CANDIDATES / 2 && nearMatches.length <= MAX_BAND_CANDIDATES,
    );
    // Removing the first copy hands its place to the next, and the crowd stays one cluster.
    index.remove('stub-00000');
    const after = index.clusters(0.45).find((cluster) => cluster.files[0]!.startsWith('stub'));
    assert.deepEqual([after?.files[0], after?.files.length], ['stub-00001', 9_999]);
  });

  test('10,000 distinct short articles give no cluster (the CLI suite reads 100,000 files)', () => {
    const index = new DuplicateIndex();
    for (let i = 0; i < 10_000; i++) index.add(`story-${i}`, fingerprintArticle(distinctStory(i)));
    assert.equal(index.size, 10_000);
    assert.deepEqual(index.clusters(0.45), []);
  });
});
