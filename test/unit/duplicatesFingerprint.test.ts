import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article/parseArticle';
import { decodeWords, encodeWords } from '../../src/core/duplicates/base64';
import {
  compareFingerprints,
  DEFAULT_DUPLICATE_THRESHOLD,
} from '../../src/core/duplicates/compareFingerprints';
import {
  fingerprintArticle,
  fingerprintFromJSON,
  fingerprintToJSON,
} from '../../src/core/duplicates/fingerprintArticle';
import { estimateJaccard, minHashSignature } from '../../src/core/duplicates/minHash';
import {
  normalizeForComparison,
  normalizeForDisplay,
  tokenizeWords,
} from '../../src/core/duplicates/normalizeForComparison';
import { countCommon, sampleHashes, shingleHashes } from '../../src/core/duplicates/shingles';
import type { Zone } from '../../src/core/types';

function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

const storyA = [
  'GENEVA—Negotiators from both delegations met for six hours on Tuesday without agreeing on a ceasefire line, officials said after the session ended late in the evening.',
  'The talks, hosted by the Swiss foreign ministry, were the first direct contact between the two sides since the spring, when a truce collapsed after artillery fire near the border villages.',
  '“We have narrowed the gaps on prisoner exchanges, but the map is still the problem,” a senior mediator told reporters outside the conference hall.',
  'A second round is planned for February, according to a statement released by the mediators, who asked both governments to refrain from hostile rhetoric in the meantime.',
];

const storyB = [
  'NAIROBI—Heavy rains flooded three districts of the capital overnight, forcing hundreds of families from their homes and closing the main road to the airport until Thursday.',
  'City engineers blamed blocked drains and rapid construction along the river banks, and the county governor promised an inquiry into the permits granted last year.',
  '“The water came into the house in minutes and we only saved the children,” said a market trader who spent the night in a school building with her neighbours.',
  'Forecasters expect more storms before the end of the month, and the national disaster agency has asked schools in low-lying areas to stay closed for the week.',
];

const boilerplate = joinLines(
  'Discussion Policy',
  '',
  'Comments are welcomed and encouraged. Comments that include profanity, personal attacks or other inappropriate material will not be permitted, and we reserve the right to block users who violate any of our posting standards and policies.',
);
const comments = joinLines(
  'One Comment;',
  '',
  '  1. reader42 said:',
  '',
  '    Nothing will change until the politicians stop talking and start listening to ordinary people who have to live with the consequences of every decision they make.',
);

function fullPage(headline: string, caption: string, paragraphs: readonly string[]): string {
  return joinLines(
    headline,
    '',
    caption,
    caption,
    '',
    paragraphs.join('\n\n'),
    '',
    boilerplate,
    '',
    comments,
  );
}

function cleanBody(date: string, paragraphs: readonly string[]): string {
  return ` date ${date} ${paragraphs.join('\n\n')}`;
}

function fingerprint(text: string) {
  return fingerprintArticle(text, parseArticle(text).zones);
}

suite('duplicates: normalisation and shingles', () => {
  test('normalisation erases case, quote, dash and white-space differences', () => {
    const curly = 'He said: “It’s over”—and LEFT.\u00a0 Then\r\nsilence.';
    const straight = 'he said: "it\'s over"--and left. then silence.';
    assert.equal(normalizeForComparison(curly), normalizeForComparison(straight));
  });

  test('display normalisation keeps case and dashes but straightens quotes', () => {
    assert.equal(normalizeForDisplay('  “It’s over”—\n he said '), '"It\'s over"— he said');
  });

  test('words keep inner apostrophes and drop punctuation', () => {
    assert.deepEqual(tokenizeWords("russia's high-level talks, don't stop."), [
      "russia's",
      'high',
      'level',
      'talks',
      "don't",
      'stop',
    ]);
  });

  test('shingles are distinct and ascending; a short text gives one shingle', () => {
    const hashes = shingleHashes(['a', 'b', 'c', 'd', 'e', 'a', 'b', 'c', 'd', 'e']);
    assert.equal(hashes.length, 5);
    for (let i = 1; i < hashes.length; i++) assert.ok(hashes[i - 1]! < hashes[i]!);
    assert.equal(shingleHashes(['only', 'three', 'words']).length, 1);
    assert.equal(shingleHashes([]).length, 0);
  });

  test('sampling by hash keeps the same shingles of what two sets share', () => {
    const words = (seed: number, n: number) =>
      Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed) % 997}`);
    const a = shingleHashes([...words(1, 400), ...words(5, 300)]);
    const b = shingleHashes([...words(1, 400), ...words(9, 300)]);
    const common = countCommon(a, b);
    const sampledCommon = countCommon(sampleHashes(a, 2), sampleHashes(b, 2));
    assert.ok(
      sampledCommon > common / 8 && sampledCommon < common / 2,
      `${sampledCommon}/${common}`,
    );
    for (const h of sampleHashes(a, 2)) assert.equal(h & 3, 0);
  });

  test('MinHash estimates Jaccard resemblance', () => {
    const base = Uint32Array.from({ length: 600 }, (_, i) => (i * 2654435761) >>> 0);
    const a = base.slice(0, 400).sort();
    const b = base.slice(200, 600).sort();
    // |A ∩ B| = 200 and |A ∪ B| = 600: J = 1/3.
    const estimate = estimateJaccard(minHashSignature(a), minHashSignature(b));
    assert.ok(Math.abs(estimate - 1 / 3) < 0.15, `estimate ${estimate}`);
    assert.equal(estimateJaccard(minHashSignature(a), minHashSignature(a)), 1);
  });

  test('base64 round-trips any array of 32-bit words and rejects garbage', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff })), (values) => {
        const words = Uint32Array.from(values);
        assert.deepEqual(decodeWords(encodeWords(words)), words);
      }),
    );
    assert.equal(decodeWords('a$b='), undefined);
    assert.equal(decodeWords(42), undefined);
  });
});

suite('duplicates: comparing fingerprints', () => {
  test('a full page and the clean body of the same story are the same body', () => {
    const page = fingerprint(
      fullPage('Talks End Without Ceasefire Deal', 'Delegates at the Geneva talks', storyA),
    );
    const clean = fingerprint(cleanBody('2019-01-15', storyA));
    const comparison = compareFingerprints(page, clean);
    assert.equal(comparison.kind, 'same-body');
    assert.equal(comparison.similarity, 1);
    assert.equal(comparison.containment, 1);
  });

  test('the same text with other line endings, quotes and case is an exact copy', () => {
    const text = fullPage(
      'Talks End Without Ceasefire Deal',
      'Delegates at the Geneva talks',
      storyA,
    );
    const copy = text.replace(/\n/g, '\r\n').replace(/[“”]/g, '"').replace(/’/g, "'");
    assert.equal(compareFingerprints(fingerprint(text), fingerprint(copy)).kind, 'exact');
  });

  test('a changed paragraph makes a revised version, still over the threshold', () => {
    const revised = [...storyA];
    revised[2] =
      'Mediators said the sides had agreed to exchange lists of detainees by the end of January, a step both delegations described as modest but real.';
    const comparison = compareFingerprints(
      fingerprint(cleanBody('2019-01-15', storyA)),
      fingerprint(cleanBody('2019-01-15', revised)),
    );
    assert.equal(comparison.kind, 'revised');
    assert.ok(comparison.similarity < 1 && comparison.score >= DEFAULT_DUPLICATE_THRESHOLD);
  });

  test('shared headline style, boilerplate and comments do not make two stories duplicates', () => {
    const first = fingerprint(
      fullPage('Talks End Without Ceasefire Deal', 'Photo: Reuters', storyA),
    );
    const second = fingerprint(fullPage('Floods Close Airport Road', 'Photo: Reuters', storyB));
    const comparison = compareFingerprints(first, second);
    assert.equal(comparison.kind, null);
    assert.ok(comparison.score < 0.1, `score ${comparison.score}`);
  });

  test('the containment of a clean body inside a page whose zones were misread is still high', () => {
    // Without zones the whole page counts as body: the clean body is inside it, not equal to it.
    const page = fullPage(
      'Talks End Without Ceasefire Deal',
      'Delegates at the Geneva talks',
      storyA,
    );
    const pageWithoutZones = fingerprintArticle(page, []);
    const clean = fingerprint(cleanBody('2019-01-15', storyA));
    const comparison = compareFingerprints(pageWithoutZones, clean);
    assert.ok(comparison.containment > 0.95, `containment ${comparison.containment}`);
    assert.ok(comparison.similarity < 0.8);
    assert.equal(comparison.kind, 'revised');
  });

  test('fingerprints survive JSON and refuse another scheme', () => {
    const original = fingerprint(fullPage('Talks End', 'Delegates', storyA));
    const json = JSON.parse(JSON.stringify(fingerprintToJSON(original)));
    assert.deepEqual(fingerprintFromJSON(json), original);
    assert.equal(fingerprintFromJSON({ ...json, scheme: 'other' }), undefined);
    assert.equal(fingerprintFromJSON({ ...json, signature: 'AAAA' }), undefined);
    assert.equal(fingerprintFromJSON('nonsense'), undefined);
  });

  test('fingerprinting never throws, whatever the text and zones', () => {
    const zone = fc.record({
      kind: fc.constantFrom<Zone['kind']>(
        'headline',
        'caption',
        'body',
        'boilerplate',
        'comments',
        'paragraph',
      ),
      start: fc.integer({ min: -5, max: 300 }),
      end: fc.integer({ min: -5, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.array(zone, { maxLength: 5 }),
        (text, zones) => {
          fingerprintArticle(text, zones);
          fingerprintArticle(text, parseArticle(text).zones);
        },
      ),
    );
  });

  test('scores lie in [0, 1] and comparison is symmetric', () => {
    const paragraph = fc
      .array(
        fc.constantFrom(
          'the',
          'minister',
          'said',
          'talks',
          'would',
          'resume',
          'in',
          'january',
          'vienna',
          'rain',
        ),
        {
          minLength: 1,
          maxLength: 40,
        },
      )
      .map((words) => words.join(' ') + '.');
    const article = fc
      .array(paragraph, { minLength: 1, maxLength: 6 })
      .map((ps) => ps.join('\n\n'));
    fc.assert(
      fc.property(article, article, (x, y) => {
        const a = fingerprint(x);
        const b = fingerprint(y);
        const ab = compareFingerprints(a, b);
        const ba = compareFingerprints(b, a);
        for (const value of [ab.similarity, ab.containment, ab.score]) {
          assert.ok(value >= 0 && value <= 1, `${value}`);
        }
        assert.equal(ab.similarity, ba.similarity);
        assert.equal(ab.containment, ba.containment);
        assert.equal(ab.kind, ba.kind);
        assert.equal(compareFingerprints(a, a).similarity, 1);
      }),
    );
  });
});
