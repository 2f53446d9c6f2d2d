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
import type { ArticleAnalysis } from '../../src/core/types';

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
    const cache = new EntityParagraphCache(64);
    fc.assert(
      fc.property(fc.array(newsText, { minLength: 1, maxLength: 6 }), fc.nat(), (paragraphs, n) => {
        const separator = ['\n\n', '\n', '\r\n\r\n', '\n \n'][n % 4]!;
        const text = paragraphs.join(separator);
        const zones = parseArticle(text).zones;
        assert.deepEqual(cache.findEntities(text, { zones }), findEntities(text, { zones }));
      }),
      { seed: 7, numRuns: 150 },
    );
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
