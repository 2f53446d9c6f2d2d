import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flattenZones, parseArticle } from '../../src/core/article/parseArticle';
import type { Zone, ZoneKind } from '../../src/core/types';

const root = join(__dirname, '..', '..');

interface GoldZone {
  kind: ZoneKind;
  text?: string;
  from?: string;
  to?: string;
  commenters?: string[];
}
const gold = JSON.parse(
  readFileSync(join(root, 'test/fixtures/seeds-gold.json'), 'utf8'),
) as Record<string, { zones: GoldZone[] }>;

function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

function zonesOf(text: string, kind: ZoneKind): Zone[] {
  return flattenZones(parseArticle(text).zones).filter((zone) => zone.kind === kind);
}

function textsOf(text: string, kind: ZoneKind): string[] {
  return zonesOf(text, kind).map((zone) => text.slice(zone.start, zone.end));
}

suite('parseArticle', () => {
  for (const [file, expected] of Object.entries(gold)) {
    test(`reproduces the gold zones of seed ${file}`, () => {
      const text = readFileSync(join(root, 'seeds', file), 'utf8');
      const zones = flattenZones(parseArticle(text).zones);
      for (const goldZone of expected.zones) {
        const found = zones.filter((zone) => zone.kind === goldZone.kind);
        assert.ok(found.length > 0, `no ${goldZone.kind} zone`);
        const zoneText = text.slice(found[0]!.start, found[0]!.end);
        if (goldZone.text !== undefined) assert.equal(zoneText, goldZone.text);
        if (goldZone.from !== undefined) assert.ok(zoneText.startsWith(goldZone.from), zoneText);
        if (goldZone.to !== undefined) assert.ok(zoneText.endsWith(goldZone.to), zoneText);
        if (goldZone.commenters) {
          assert.deepEqual(
            zones.filter((zone) => zone.kind === 'commenter').map((zone) => zone.name),
            goldZone.commenters,
          );
        }
      }
      const kinds = new Set(expected.zones.map((zone) => zone.kind));
      const topLevel = parseArticle(text).zones.map((zone) => zone.kind);
      for (const kind of topLevel) assert.ok(kinds.has(kind), `unexpected ${kind} zone`);
    });
  }

  test('flags repeated captions, ignoring apostrophe style, and keeps the first as original', () => {
    const text = readFileSync(join(root, 'seeds/000_bfa63e976a24a0e6.txt'), 'utf8');
    const captions = zonesOf(text, 'caption');
    assert.deepEqual(
      captions.map((zone) => zone.duplicate === true),
      [false, true, true],
    );
  });

  test('finds six body paragraphs in both seeds and nests the dateline in the first', () => {
    for (const file of Object.keys(gold)) {
      const text = readFileSync(join(root, 'seeds', file), 'utf8');
      const body = parseArticle(text).zones.find((zone) => zone.kind === 'body')!;
      const paragraphs = body.children!.filter((zone) => zone.kind === 'paragraph');
      assert.equal(paragraphs.length, 6);
      assert.equal(paragraphs[0]!.children?.[0]?.kind, 'dateline');
    }
  });

  test('reads wire copy with an agency dateline and no headline', () => {
    const text = joinLines(
      'WASHINGTON (Reuters) - The Senate passed the bill on Tuesday after a long debate over its cost and scope.',
      '',
      '"We are ready," she said.',
    );
    assert.deepEqual(textsOf(text, 'headline'), []);
    assert.deepEqual(textsOf(text, 'dateline'), ['WASHINGTON (Reuters)']);
    assert.equal(textsOf(text, 'paragraph').length, 2);
  });

  test('reads datelines with a region and a short date', () => {
    const nairobi = 'NAIROBI, Kenya (AP) _ Suspected bombs exploded outside the U.S. embassies.';
    const london = 'LONDON, Dec 27 - Shares fell sharply in early trading on Wednesday morning.';
    assert.deepEqual(textsOf(nairobi, 'dateline'), ['NAIROBI, Kenya (AP)']);
    assert.deepEqual(textsOf(london, 'dateline'), ['LONDON, Dec 27']);
  });

  test('reads a wire dateline alone on its line after an all-caps headline', () => {
    const text = joinLines(
      'SOCCER - ROMA BEAT LAZIO IN DERBY.',
      'ROME 1996-12-06',
      'Roma beat Lazio 2-0 on Sunday.',
    );
    assert.deepEqual(textsOf(text, 'headline'), ['SOCCER - ROMA BEAT LAZIO IN DERBY.']);
    assert.deepEqual(textsOf(text, 'dateline'), ['ROME 1996-12-06']);
  });

  test('separates related-articles and share blocks from the body', () => {
    const text = joinLines(
      'Council Approves New Budget',
      'By Jane Smith',
      '',
      'The city council approved the budget on Monday. The vote was seven to two after a long debate.',
      '',
      'Advertisement',
      '',
      'The mayor said the budget would fund new parks. Critics said it raised taxes too much.',
      '',
      'Share this:',
      'Twitter',
      'Facebook',
      '',
      'Related articles',
      'Council delays vote',
    );
    assert.deepEqual(textsOf(text, 'byline'), ['By Jane Smith']);
    const body = textsOf(text, 'body')[0]!;
    assert.ok(body.endsWith('raised taxes too much.'), body);
    assert.equal(textsOf(text, 'paragraph').length, 2);
    assert.deepEqual(textsOf(text, 'boilerplate'), [
      'Advertisement',
      'Share this:\nTwitter\nFacebook\n\nRelated articles\nCouncil delays vote',
    ]);
  });

  test('gives the same zones for CRLF line ends, at shifted offsets', () => {
    const lf = readFileSync(join(root, 'seeds/000_bfa63e976a24a0e6.txt'), 'utf8');
    const crlf = lf.replace(/\n/g, '\r\n');
    const summarize = (text: string): string[] =>
      flattenZones(parseArticle(text).zones).map(
        (zone) => `${zone.kind}:${text.slice(zone.start, zone.end).replace(/\r\n/g, '\n')}`,
      );
    assert.deepEqual(summarize(crlf), summarize(lf));
  });

  test('joins hard-wrapped lines into one paragraph', () => {
    const text = joinLines(
      'Storm Hits Coast',
      '',
      'The storm reached the coast early on Friday, bringing heavy rain and',
      'winds of up to 120 kilometres an hour to the region, officials said.',
      '',
      'Schools were closed.',
    );
    assert.equal(textsOf(text, 'paragraph').length, 2);
  });

  test('returns no zones for empty or blank text and never throws on odd input', () => {
    assert.deepEqual(parseArticle('').zones, []);
    assert.deepEqual(parseArticle(' \n\t\r\n ').zones, []);
    assert.doesNotThrow(() => parseArticle('\u0000\u0001binary\uFFFD'.repeat(1000)));
  });

  test('takes the date header of a cleaned file and starts the body after it', () => {
    const text = ' date 2017-12-27 MOSCOW—The talks resumed.';
    const structure = parseArticle(text);
    assert.equal(structure.headerDate, '2017-12-27');
    assert.deepEqual(textsOf(text, 'date-header'), [' date 2017-12-27 ']);
    assert.deepEqual(textsOf(text, 'body'), ['MOSCOW—The talks resumed.']);
  });

  test('a date header after a byte-order mark ends where it ends without one', () => {
    // Found by the engine fuzz run: the header zone ended one character past the text.
    for (const text of [
      '\uFEFF date 2017-12-27 ',
      '\uFEFF date 2017-12-27 MOSCOW—The talks resumed.',
    ]) {
      const structure = parseArticle(text);
      assert.equal(structure.headerDate, '2017-12-27');
      assert.deepEqual(textsOf(text, 'date-header'), [' date 2017-12-27 ']);
      for (const zone of structure.zones) assert.ok(zone.end <= text.length, JSON.stringify(zone));
    }
    const withBody = '\uFEFF date 2017-12-27 MOSCOW—The talks resumed.';
    assert.deepEqual(textsOf(withBody, 'body'), ['MOSCOW—The talks resumed.']);
  });
});
