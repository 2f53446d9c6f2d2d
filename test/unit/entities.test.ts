import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parseArticle } from '../../src/core/article/parseArticle';
import { findEntities } from '../../src/core/entities/findEntities';
import { isDemonymLike, lookupDemonym, lookupGazetteer } from '../../src/core/gazetteer/gazetteer';
import type { EntityMention } from '../../src/core/types';

/** The mentions of a text as "type:text=name" strings, in text order, for readable assertions. */
function describe(text: string): string[] {
  return findEntities(text).map((m) => `${m.type}:${m.text}=${m.name}`);
}

function mentionOf(text: string, written: string): EntityMention | undefined {
  return findEntities(text).find((m) => m.text === written);
}

suite('findEntities: rules', () => {
  test('a title before a name is not part of the person', () => {
    assert.deepEqual(
      describe('Russia’s Deputy Foreign Minister Grigory Karasin urged the sides to talk.'),
      ['place:Russia=Russia', 'person:Grigory Karasin=Grigory Karasin'],
    );
  });

  test('a party or "MP" before a name is not part of the person, also in a list joined by "and"', () => {
    assert.deepEqual(
      describe(
        'He met Democrat Hillary Clinton and Libertarian Gary Johnson, then Labour MP Diane Abbott.',
      ),
      [
        'person:Hillary Clinton=Hillary Clinton',
        'person:Gary Johnson=Gary Johnson',
        'person:Diane Abbott=Diane Abbott',
      ],
    );
  });

  test('a surname alone is the person named in full earlier, everywhere in the document', () => {
    const text =
      'Talks went on, Deputy Foreign Minister Grigory Karasin said.\nLater Karasin welcomed the plan.';
    assert.equal(mentionOf(text, 'Karasin')?.name, 'Grigory Karasin');
    assert.equal(mentionOf(text, 'Karasin')?.type, 'person');
  });

  test('organisation words make organisations, and a shorter form takes the full name', () => {
    const text = 'He praised the OSCE Minsk Group and said the Minsk Group would meet.';
    assert.deepEqual(describe(text), [
      'organization:OSCE Minsk Group=OSCE Minsk Group',
      'organization:Minsk Group=OSCE Minsk Group',
    ]);
  });

  test('"the Interfax news agency" names the organisation Interfax', () => {
    assert.deepEqual(
      describe('In an interview with the Interfax news agency, the minister spoke.'),
      ['organization:Interfax=Interfax'],
    );
  });

  test('acronyms are organisations unless they are places', () => {
    assert.deepEqual(describe('The expansion of the OSCE mission pleased the U.S. and NATO.'), [
      'organization:OSCE=OSCE',
      'place:U.S.=United States',
      'organization:NATO=NATO',
    ]);
  });

  test('a dateline in capitals is a place with its usual spelling', () => {
    assert.deepEqual(describe('MOSCOW—While welcoming the talks, officials agreed.'), [
      'place:MOSCOW=Moscow',
    ]);
    assert.deepEqual(describe('NEW YORK 1996-08-30\nShares rose.'), ['place:NEW YORK=New York']);
  });

  test('countries and capitals come from the gazetteer, with canonical names', () => {
    assert.deepEqual(
      describe('Talks between Yerevan and Baku moved to the United States of America.'),
      ['place:Yerevan=Yerevan', 'place:Baku=Baku', 'place:United States of America=United States'],
    );
  });

  test('an appositive with a role noun makes a person of an unknown name', () => {
    assert.deepEqual(describe('The plan was backed by spokesman Ulvi Zarbaliyev on the radio.'), [
      'person:Ulvi Zarbaliyev=Ulvi Zarbaliyev',
    ]);
  });

  test('an unknown name that speaks is a person', () => {
    assert.equal(mentionOf('“We are ready,” Zarbaliyev said.', 'Zarbaliyev')?.type, 'person');
  });

  test('a team in a results line is an organisation, a country stays a place', () => {
    const text = 'Results on Saturday:\nBristol 28 Leicester 12\nRomania 3 Lithuania 0';
    assert.deepEqual(describe(text), [
      'organization:Bristol=Bristol',
      'organization:Leicester=Leicester',
      'place:Romania=Romania',
      'place:Lithuania=Lithuania',
    ]);
  });

  test('a capitals headline only yields names the article or the gazetteer knows', () => {
    const text = 'SOCCER - LEICESTER TAKE OVER AT TOP IN FRANCE\nLeicester Inc. gained.';
    const found = findEntities(text);
    assert.ok(found.some((m) => m.text === 'FRANCE' && m.type === 'place' && m.name === 'France'));
    assert.ok(!found.some((m) => m.text === 'SOCCER' || m.text === 'TOP' || m.text === 'TAKE'));
  });

  test('boilerplate names the publisher as an organisation when zones are given', () => {
    const text =
      'Body text here.\n\nDiscussion Policy\n\nAsbarez reserves the right to block users.';
    const start = text.indexOf('Discussion');
    const zones = [{ kind: 'boilerplate' as const, start, end: text.length }];
    const asbarez = findEntities(text, { zones }).find((m) => m.text === 'Asbarez');
    assert.equal(asbarez?.type, 'organization');
  });
});

suite('findEntities: phrases that pack several things', () => {
  test('a title inside a phrase splits an organisation or place from the person', () => {
    assert.deepEqual(describe('Officials said Security Council President Tono Eitel was told.'), [
      'organization:Security Council=Security Council',
      'person:Tono Eitel=Tono Eitel',
    ]);
  });

  test('a leading demonym or party is not part of the person', () => {
    assert.deepEqual(describe('He beat Mexican Ariel Cruz, and Republican Donald Trump watched.'), [
      'person:Ariel Cruz=Ariel Cruz',
      'person:Donald Trump=Donald Trump',
    ]);
  });

  test('"X of Y" is a person and an organisation', () => {
    assert.deepEqual(
      describe('The view of economist Lynn Reaser of Barnett Banks Inc. was shared.'),
      ['person:Lynn Reaser=Lynn Reaser', 'organization:Barnett Banks Inc.=Barnett Banks Inc.'],
    );
  });

  test('an ampersand joins a company name', () => {
    assert.equal(
      mentionOf('Shares of Douglas & Lomason rose.', 'Douglas & Lomason')?.type,
      'organization',
    );
  });

  test('a compass word makes a region, but not of a demonym', () => {
    assert.deepEqual(
      describe('Peace in the Middle East was discussed by South Korean officials.'),
      ['place:Middle East=Middle East'],
    );
  });

  test('a name followed by its acronym in brackets is an organisation', () => {
    assert.equal(
      mentionOf(
        'Newspapers quoted the Human Rights National Observatory (ONDH) on Friday.',
        'Human Rights National Observatory',
      )?.type,
      'organization',
    );
  });

  test('an age in commas marks a person; a capitalised plural after "the" a team', () => {
    assert.equal(mentionOf('Lentini, 27, joined the club from Torino.', 'Lentini')?.type, 'person');
    assert.equal(
      mentionOf('In Chicago, the Braves split a doubleheader.', 'Braves')?.type,
      'organization',
    );
  });

  test('one-word institutions are organisations', () => {
    assert.deepEqual(describe('The bill went to Congress and then to the Senate.'), [
      'organization:Congress=Congress',
      'organization:Senate=Senate',
    ]);
  });
});

suite('findEntities: negatives', () => {
  test('months and weekdays are never people', () => {
    assert.deepEqual(
      describe('January was cold. On Friday the talks resumed, and in October they ended.'),
      [],
    );
  });

  test('sentence-initial ordinary words are not names', () => {
    assert.deepEqual(
      describe('Trailing by 213, the side rallied. Despite rain, play went on. However, it ended.'),
      [],
    );
  });

  test('demonyms are not entities, alone, in pairs or in the plural', () => {
    assert.deepEqual(
      describe(
        'Armenian and Azerbaijani officials met; the Armenian-Azerbaijani summit pleased Armenians.',
      ),
      [],
    );
  });

  test('a title on its own is not a person', () => {
    assert.deepEqual(describe('The Foreign Minister said nothing.'), []);
  });

  test('events, laws and distances are not entities or scores', () => {
    assert.deepEqual(describe('Voters wait for Election Day under the Trafficking Act.'), []);
    assert.equal(
      mentionOf('A brawl in the town of Moengo 56 miles east of the capital.', 'Moengo')?.type,
      undefined,
    );
  });

  test('a lone first name is not a person without context', () => {
    assert.deepEqual(
      describe('The vote in Chelsea was close.').filter((d) => d.startsWith('person')),
      [],
    );
  });

  test('list letters are not initials', () => {
    assert.deepEqual(describe('A) Turkey can draw no benefits. B) nothing else.'), [
      'place:Turkey=Turkey',
    ]);
  });
});

suite('gazetteer', () => {
  test('describes countries and capitals from world-countries', () => {
    const armenia = lookupGazetteer('Armenia');
    assert.equal(armenia?.kind, 'country');
    assert.match(armenia?.description ?? '', /^Country in .+; capital Yerevan$/);
    assert.equal(lookupGazetteer('Yerevan')?.description, 'Capital of Armenia');
  });

  test('code aliases match only as written, so the pronoun "us" is not a country', () => {
    assert.equal(lookupGazetteer('U.S.')?.name, 'United States');
    assert.equal(lookupGazetteer('US')?.name, 'United States');
    assert.equal(lookupGazetteer('us'), undefined);
    assert.equal(lookupGazetteer('MOSCOW')?.name, 'Moscow');
  });

  test('knows demonyms, also in the plural', () => {
    assert.equal(lookupDemonym('Armenian'), 'Armenia');
    assert.ok(isDemonymLike('Armenians'));
    assert.ok(!isDemonymLike('Karasin'));
  });
});

suite('findEntities: seeds', () => {
  const gold = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'seeds-gold.json'), 'utf8'),
  ) as Record<
    string,
    { entities: Record<string, string[]>; entity_aliases: Record<string, string[]> }
  >;
  for (const [file, expected] of Object.entries(gold)) {
    test(`finds every entity and alias of ${file}`, () => {
      const text = readFileSync(join(__dirname, '..', '..', 'seeds', file), 'utf8');
      const found = findEntities(text, { zones: parseArticle(text).zones });
      for (const [type, names] of Object.entries(expected.entities)) {
        for (const written of names) {
          assert.ok(
            found.some((m) => m.type === type && m.text === written),
            `${type} "${written}" not found`,
          );
        }
      }
      for (const [name, aliases] of Object.entries(expected.entity_aliases)) {
        for (const alias of aliases) {
          const mentions = found.filter((m) => m.text === alias);
          assert.ok(mentions.length > 0, `alias "${alias}" not found`);
          for (const mention of mentions)
            assert.equal(mention.name, name, `"${alias}" should name ${name}`);
        }
      }
    });
  }
});

suite('findEntities: properties', () => {
  const newsLike = fc.array(
    fc.oneof(
      fc.constantFrom(
        'Karasin',
        'MOSCOW',
        'U.S.',
        'OSCE',
        'Minsk Group',
        'the',
        'said',
        '“',
        '”',
        '.',
        ',',
        '\n',
        '—',
        "'s",
        'Mr.',
        'Inc',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  );
  const textArbitrary = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ maxLength: 200, unit: 'binary' }),
    newsLike.map((parts) => parts.join(' ')),
  );

  test('never throws; spans lie inside the text, match it, and do not overlap', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const found = findEntities(text);
        let previousEnd = 0;
        for (const mention of found) {
          assert.ok(
            mention.start >= previousEnd &&
              mention.start < mention.end &&
              mention.end <= text.length,
          );
          assert.equal(text.slice(mention.start, mention.end), mention.text);
          assert.ok(mention.name.length > 0);
          previousEnd = mention.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('CRLF text gives the same entities as LF text, modulo offsets', () => {
    fc.assert(
      fc.property(newsLike, (parts) => {
        const lf = parts.join(' ').replace(/\r/g, '');
        const crlf = lf.replace(/\n/g, '\r\n');
        const strip = (list: EntityMention[]) => list.map((m) => `${m.type}:${m.text}=${m.name}`);
        assert.deepEqual(strip(findEntities(crlf)), strip(findEntities(lf)));
      }),
      { numRuns: 200 },
    );
  });
});
