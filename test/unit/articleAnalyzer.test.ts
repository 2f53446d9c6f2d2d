import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  AnalysisCancelled,
  ArticleAnalyzer,
  analyzeArticle,
} from '../../src/core/analysis/articleAnalyzer';
import { parseArticle } from '../../src/core/article/parseArticle';
import { EntityParagraphCache } from '../../src/core/entities/entityParagraphCache';
import { findEntities } from '../../src/core/entities/findEntities';
import type { ArticleAnalysis, SpeakerResolution } from '../../src/core/types';

const root = join(__dirname, '..', '..');

interface SeedGold {
  quotes: Array<{
    start: number;
    end: number;
    speaker: { text: string; start: number; end: number; refers_to: string };
  }>;
  dates: Array<{ start: number; end: number; text: string; value: string }>;
  entities: Record<string, string[]>;
}

const gold = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'seeds-gold.json'), 'utf8'),
) as Record<string, SeedGold>;
const readSeed = (file: string): string => readFileSync(join(root, 'seeds', file), 'utf8');
const [firstSeed, secondSeed] = Object.keys(gold) as [string, string];

/** Words, names, quote marks and line breaks that exercise every rule of the engine. */
const newsPiece = fc.constantFrom(
  'Grigory Karasin',
  'Karasin',
  'MOSCOW',
  'MOSCOW—',
  'OSCE Minsk Group',
  'Minsk Group',
  'the',
  'said',
  'he added',
  'on Tuesday',
  'last month',
  'third-quarter',
  '“',
  '”',
  '"',
  "'",
  '.',
  ',',
  ' ',
  ' ',
  '\n',
  '\n\n',
  'Deputy Foreign Minister',
  'in Vienna',
);
const newsText = fc.array(newsPiece, { maxLength: 60 }).map((parts) => parts.join(' '));

suite('ArticleAnalyzer: seeds', () => {
  for (const [file, expected] of Object.entries(gold)) {
    test(`every quotation, speaker, date and entity of ${file}`, () => {
      const text = readSeed(file);
      const analysis = analyzeArticle(
        text,
        file === firstSeed ? { date: '2017-12-27', dateFromDuplicate: true } : {},
      );
      assert.deepEqual(
        analysis.quotes.map((q) => ({
          start: q.start,
          end: q.end,
          speaker: q.speaker && {
            text: q.speaker.text,
            start: q.speaker.start,
            end: q.speaker.end,
            refers_to: q.speaker.name,
          },
        })),
        expected.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker })),
      );
      for (const date of expected.dates) {
        assert.ok(
          analysis.dates.some(
            (d) => d.start === date.start && d.end === date.end && d.value === date.value,
          ),
          `date "${date.text}" = ${date.value} not found`,
        );
      }
      for (const [type, names] of Object.entries(expected.entities)) {
        for (const written of names) {
          assert.ok(
            analysis.entities.some((m) => m.type === type && m.text === written),
            `${type} "${written}" not found`,
          );
        }
      }
    });
  }

  test('a date borrowed from a duplicate version is reported as such', () => {
    const analysis = analyzeArticle(readSeed(firstSeed), {
      date: '2017-12-27',
      dateFromDuplicate: true,
    });
    assert.equal(analysis.date, '2017-12-27');
    assert.equal(analysis.dateSource, 'duplicate');
  });
});

suite('ArticleAnalyzer: incremental', () => {
  test('re-analysis after random edits equals a fresh analysis', () => {
    const seed = readSeed(secondSeed);
    const analyzer = new ArticleAnalyzer();
    analyzer.analyze(seed);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), newsPiece), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          let text = seed;
          for (const [at, removed, inserted] of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + inserted + text.slice(position + removed);
          }
          assert.deepEqual(analyzer.analyze(text), analyzeArticle(text));
        },
      ),
      { seed: 4, numRuns: 25 },
    );
  });

  test('cached entities equal findEntities on composed paragraphs', () => {
    const cache = new EntityParagraphCache(64, 20_000);
    fc.assert(
      fc.property(fc.array(newsText, { minLength: 1, maxLength: 6 }), fc.nat(), (paragraphs, n) => {
        const separator = ['\n\n', '\n', '\r\n\r\n', '\n \n'][n % 4]!;
        const text = paragraphs.join(separator);
        const zones = parseArticle(text).zones;
        assert.deepEqual(cache.findEntities(text, { zones }), findEntities(text, { zones }));
      }),
      { seed: 7, numRuns: 150 },
    );
    // Memory stays bounded by the caps, by entries and by characters.
    assert.ok(cache.stats.paragraphs <= 64 && cache.stats.chars <= 20_000);
  });
});

/** An article whose quotations use the rules that read across paragraphs. */
const quotedArticle = [
  'Russia is ready to talk, says Karasin',
  '',
  'MOSCOW, Dec 27 — Deputy Foreign Minister Grigory Karasin said on Tuesday that Russia was ready.',
  '',
  '“We are ready to talk,” Karasin told Interfax. “The OSCE Minsk Group has done its work.”',
  '',
  '“Nobody wants a war,” he added.',
  '',
  'Karasin continued:',
  '',
  '“The talks will go on in Vienna next month.',
  '',
  '“We have said so many times.',
  '',
  '“And we will say it again,” the minister said.',
  '',
  "'This is a statement of some length that we make today,' said Elmar Mammadyarov, the minister.",
  '',
  '“It is not over,” Mammadyarov said last week. “Not yet.”',
  '',
  // An opener inside a paragraph, continued by the next one: whether it runs on depends on it.
  'Mammadyarov called it “a first step” and told reporters that “the region needs peace,',
  '',
  '“and we will bring it,” he said.',
].join('\n');

/** One edit of an article; `mark` and `speaker` edits land on a quotation mark or a speaker. */
interface Edit {
  kind: 'insert' | 'delete' | 'replace' | 'split' | 'join' | 'mark' | 'speaker';
  at: number;
  piece: string;
}

const anEdit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'split', 'join', 'mark', 'speaker'),
  at: fc.nat(),
  piece: fc.constantFrom(
    '“',
    '”',
    '"',
    "'",
    ' ',
    'e',
    'K',
    '.',
    ',',
    ':',
    '\n',
    ' he said',
    'Karasin',
  ),
});

/** Every index where `pattern` occurs in `text`. */
function occurrences(text: string, pattern: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push(at);
  return found;
}

/** Applies one edit, using the current analysis to find quotation marks and speakers. */
function applyEdit(text: string, analysis: ArticleAnalysis, edit: Edit): string {
  const replaceAt = (at: number, by: string): string => text.slice(0, at) + by + text.slice(at + 1);
  const pick = <T>(items: readonly T[]): T | undefined =>
    items[edit.at % Math.max(1, items.length)];
  switch (edit.kind) {
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.piece + text.slice(at);
    }
    case 'delete':
      return replaceAt(edit.at % Math.max(1, text.length), '');
    case 'replace':
      return replaceAt(edit.at % Math.max(1, text.length), edit.piece[0]!);
    case 'split': {
      const at = pick(occurrences(text, '. '));
      return at === undefined ? text : text.slice(0, at + 1) + '\n\n' + text.slice(at + 2);
    }
    case 'join': {
      const at = pick(occurrences(text, '\n\n'));
      return at === undefined ? text : text.slice(0, at) + ' ' + text.slice(at + 2);
    }
    case 'mark': {
      const quote = pick(analysis.quotes);
      if (!quote) return text;
      // The opening or the closing mark: removed, or replaced by another mark or character.
      const at = edit.at % 2 === 0 ? quote.start : quote.end - 1;
      return replaceAt(at, edit.piece === ' ' ? '' : edit.piece[0]!);
    }
    case 'speaker': {
      const speaker = pick(
        analysis.quotes.flatMap((quote) => (quote.speaker ? [quote.speaker] : [])),
      );
      if (!speaker) return text;
      const at = speaker.start + (edit.at % (speaker.end - speaker.start));
      return edit.piece.length > 1
        ? text.slice(0, at) + edit.piece + text.slice(at)
        : replaceAt(at, edit.piece);
    }
  }
}

suite('ArticleAnalyzer: incremental quotations and speakers', () => {
  test('after edits to marks, speakers and paragraphs, quotations and speakers equal a fresh analysis', () => {
    // One analyzer for every run: its caches also hold the earlier runs' versions.
    const analyzer = new ArticleAnalyzer();
    const resolutions = new Set<SpeakerResolution | undefined>();
    let quoteChanges = 0;
    fc.assert(
      fc.property(fc.array(anEdit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = quotedArticle;
        let previous = analyzer.analyze(text);
        for (const edit of edits) {
          text = applyEdit(text, previous, edit);
          const fresh = analyzeArticle(text);
          const incremental = analyzer.analyze(text);
          assert.deepEqual(incremental.quotes, fresh.quotes, `quotations after ${edit.kind}`);
          assert.deepEqual(incremental, fresh);
          if (JSON.stringify(fresh.quotes) !== JSON.stringify(previous.quotes)) quoteChanges++;
          for (const quote of fresh.quotes) resolutions.add(quote.speaker?.resolution);
          previous = fresh;
        }
      }),
      { seed: 12, numRuns: 60 },
    );
    // The property is not vacuous: the edits changed quotations and speakers, and the speakers
    // carried across sentences and paragraphs were among those compared.
    assert.ok(quoteChanges >= 30, `only ${quoteChanges} edits changed the quotations`);
    for (const resolution of ['alias', 'pronoun', 'previous-quote', 'named'] as const) {
      assert.ok(resolutions.has(resolution), `no ${resolution} speaker was compared`);
    }
  });

  test('an opener inside a paragraph runs on only while the next paragraph continues it, also after undo', () => {
    const analyzer = new ArticleAnalyzer();
    const cut = quotedArticle.replace('“and we', 'and we');
    const continued = (text: string): boolean =>
      analyzer.analyze(text).quotes.some((quote) => quote.text === '“the region needs peace,');
    assert.equal(continued(quotedArticle), true);
    assert.equal(continued(cut), false);
    assert.equal(continued(quotedArticle), true);
    assert.equal(continued(cut), false);
    assert.deepEqual(analyzer.analyze(quotedArticle), analyzeArticle(quotedArticle));
  });

  test('a quotation over several paragraphs keeps its speaker after an edit inside it', () => {
    const analyzer = new ArticleAnalyzer();
    analyzer.analyze(quotedArticle);
    const at = quotedArticle.indexOf('so many times');
    const edited = quotedArticle.slice(0, at) + 'very ' + quotedArticle.slice(at);
    const quotes = analyzer.analyze(edited).quotes;
    const run = quotes.filter((quote) => quote.speaker?.text === 'the minister');
    assert.equal(run.length, 3);
    assert.ok(run[1]!.text.includes('very so many times'));
    assert.deepEqual(quotes, analyzeArticle(edited).quotes);
  });
});

suite('ArticleAnalyzer: cancellation and bad input', () => {
  test('shouldStop stops the analysis with AnalysisCancelled', () => {
    for (const stopAfter of [0, 1, 3, 10]) {
      let asked = 0;
      assert.throws(
        () =>
          new ArticleAnalyzer().analyze(readSeed(firstSeed), {
            shouldStop: () => (asked++ >= stopAfter ? 'timeout' : undefined),
          }),
        (error: unknown) => error instanceof AnalysisCancelled && error.reason === 'timeout',
      );
    }
  });

  test('an analysis stopped half-way leaves the cache usable', () => {
    const analyzer = new ArticleAnalyzer();
    const text = readSeed(firstSeed);
    let asked = 0;
    assert.throws(() =>
      analyzer.analyze(text, { shouldStop: () => (asked++ > 5 ? 'cancelled' : undefined) }),
    );
    assert.deepEqual(analyzer.analyze(text), analyzeArticle(text));
  });

  test('CRLF and LF text give the same analysis modulo offsets', () => {
    const lf = readSeed(firstSeed).replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const toLf = (offset: number): number =>
      offset - (crlf.slice(0, offset).match(/\r/g) ?? []).length;
    const project = (analysis: ArticleAnalysis, map: (offset: number) => number) => ({
      quotes: analysis.quotes.map((q) => [map(q.start), map(q.end), q.speaker?.name]),
      dates: analysis.dates.map((d) => [map(d.start), map(d.end), d.value]),
      entities: analysis.entities.map((e) => [map(e.start), map(e.end), e.type, e.name]),
    });
    assert.deepEqual(
      project(analyzeArticle(crlf), toLf),
      project(analyzeArticle(lf), (offset) => offset),
    );
  });

  test('never throws on adversarial text, and every span lies inside it', () => {
    const adversarial = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      newsText,
    );
    const analyzer = new ArticleAnalyzer();
    fc.assert(
      fc.property(adversarial, (text) => {
        const analysis = analyzer.analyze(text);
        for (const span of [...analysis.quotes, ...analysis.dates, ...analysis.entities]) {
          assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length);
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
