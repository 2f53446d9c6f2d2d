import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../src/core/analysis/articleAnalyzer';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import type { EngineFault, Quote } from '../../src/core/types';

const joinLines = (...lines: string[]): string => lines.join('\n');

/** The quotations as [quoted text, speaker mention, speaker name] triples, easy to compare. */
function summarise(quotes: readonly Quote[]): Array<[string, string | null, string | null]> {
  return quotes.map((q) => [q.text, q.speaker?.text ?? null, q.speaker?.name ?? null]);
}

suite('findQuotes: quotation marks', () => {
  test('curly double quotes include their marks', () => {
    const text = '“We are ready,” she said.';
    const [quote] = findQuotes(text);
    assert.equal(quote?.start, 0);
    assert.equal(quote?.end, 15);
    assert.equal(quote?.text, '“We are ready,”');
  });

  test('straight double quotes', () => {
    assert.deepEqual(summarise(findQuotes('"We are ready," she said.')), [
      ['"We are ready,"', 'she', 'she'],
    ]);
  });

  test('guillemets and TeX-style wire marks', () => {
    assert.deepEqual(
      summarise(findQuotes('«Nous sommes prêts», a dit Macron.')).map((q) => q[0]),
      ['«Nous sommes prêts»'],
    );
    assert.deepEqual(summarise(findQuotes("``We are ready,'' Smith said.")), [
      ["``We are ready,''", 'Smith', 'Smith'],
    ]);
  });

  test('single-quoted quotations, but not apostrophes', () => {
    const text =
      "'We will not back down,' the minister said of Russia's plan and the students' union.";
    assert.deepEqual(
      findQuotes(text).map((q) => q.text),
      ["'We will not back down,'"],
    );
  });

  test('apostrophes alone never make a quotation', () => {
    const text =
      "Russia’s rock ’n’ roll of the ’80s and '90s, don't say the students' union isn't ours.";
    assert.deepEqual(findQuotes(text), []);
  });

  test('a quotation over several sentences is one span', () => {
    const text = '“We came. We saw. We won,” he said.';
    assert.deepEqual(
      findQuotes(text).map((q) => q.text),
      ['“We came. We saw. We won,”'],
    );
  });

  test('a quotation over several paragraphs is reported once per paragraph with one speaker', () => {
    const text = joinLines(
      'Grigory Karasin spoke to reporters.',
      '',
      '“The first paragraph of the statement goes on here.',
      '',
      '“The second paragraph ends the statement,” Karasin said.',
    );
    const quotes = findQuotes(text);
    assert.deepEqual(
      quotes.map((q) => q.text),
      [
        '“The first paragraph of the statement goes on here.',
        '“The second paragraph ends the statement,”',
      ],
    );
    assert.deepEqual(
      quotes.map((q) => [q.speaker?.start, q.speaker?.name]),
      [
        [text.lastIndexOf('Karasin'), 'Grigory Karasin'],
        [text.lastIndexOf('Karasin'), 'Grigory Karasin'],
      ],
    );
  });

  test('an unmatched mark does not swallow the next paragraphs', () => {
    const text = joinLines(
      'He measured the “gap at 5 meters.',
      '',
      'She said we are “ready.”',
      '',
      'The end.',
    );
    assert.deepEqual(
      findQuotes(text).map((q) => q.text),
      ['“ready.”'],
    );
    // A paragraph-opening quotation left open stops at its paragraph's end.
    const open = joinLines('“We are ready, she said.', '', 'The story goes on without marks.');
    assert.deepEqual(
      findQuotes(open).map((q) => q.end),
      [open.indexOf('\n')],
    );
  });

  test('a title or a so-called scare quote without a speaker is left out', () => {
    const text = 'On CBS’s “Face the Nation,” the so-called “reset” came up again.';
    assert.deepEqual(findQuotes(text), []);
  });

  test('a pronoun in marks is the word itself, unless a speaker says it', () => {
    assert.deepEqual(findQuotes('Why vote for him, simply because "she" is a "he"?'), []);
    assert.deepEqual(summarise(findQuotes('“He,” she said.')), [['“He,”', 'she', 'she']]);
  });

  test('a nickname inside a name is not a quotation', () => {
    assert.deepEqual(findQuotes('Rep. Robert C. "Bobby" Scott hosted the picnic.'), []);
  });

  test('quotations are searched only in the body ranges when given', () => {
    const text = joinLines('“Headline quote,” he said', '', '“Body quote,” she said.');
    const bodyStart = text.indexOf('“Body');
    const quotes = findQuotes(text, { bodyRanges: [{ start: bodyStart, end: text.length }] });
    assert.deepEqual(
      quotes.map((q) => q.text),
      ['“Body quote,”'],
    );
  });

  test('CRLF line ends give the same quotations as LF', () => {
    const lf = joinLines('“One paragraph', '', '“and the next,” he said.');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(
      findQuotes(crlf).map((q) => q.text.replace(/\r/g, '')),
      findQuotes(lf).map((q) => q.text),
    );
  });
});

suite('findQuotes: speakers', () => {
  test('"…,” said Karasin resolves the short name to the full name introduced earlier', () => {
    const text =
      'Deputy Foreign Minister Grigory Karasin spoke.\n\n“Talks will go on,” said Karasin.';
    const [quote] = findQuotes(text);
    assert.equal(quote?.speaker?.text, 'Karasin');
    assert.equal(quote?.speaker?.start, text.lastIndexOf('Karasin'));
    assert.equal(quote?.speaker?.name, 'Grigory Karasin');
    assert.equal(quote?.speaker?.resolution, 'alias');
  });

  test('"Karasin said" after the quotation', () => {
    assert.deepEqual(summarise(findQuotes('“Talks will go on,” Karasin said.')), [
      ['“Talks will go on,”', 'Karasin', 'Karasin'],
    ]);
  });

  test('"he added" resolves the pronoun to the person named before', () => {
    const text = 'Grigory Karasin met the envoys.\n\n“This position is clear,” he added.';
    assert.deepEqual(summarise(findQuotes(text)), [
      ['“This position is clear,”', 'he', 'Grigory Karasin'],
    ]);
    assert.equal(findQuotes(text)[0]?.speaker?.resolution, 'pronoun');
  });

  test('"according to the ministry"', () => {
    const [quote] = findQuotes('The talks were “very productive,” according to the ministry.');
    assert.equal(quote?.speaker?.text, 'the ministry');
  });

  test('"Karasin told Interfax that “…”"', () => {
    const [quote] = findQuotes('Karasin told Interfax that “the talks will continue in January.”');
    assert.equal(quote?.speaker?.text, 'Karasin');
  });

  test('a colon introduction in the same sentence and in the previous paragraph', () => {
    assert.equal(
      findQuotes('Karasin said: “The talks will continue.”')[0]?.speaker?.text,
      'Karasin',
    );
    const text = 'Caddell continued:\n\n"The health issue is very much a partisan issue."';
    assert.equal(findQuotes(text)[0]?.speaker?.text, 'Caddell');
  });

  test('", saying, “…”" goes to the subject of the sentence', () => {
    const text =
      'In an interview with the Interfax news agency, Karasin welcomed the meeting, saying, “Russia is interested in an effective outcome.”';
    assert.equal(findQuotes(text)[0]?.speaker?.text, 'Karasin');
  });

  test('a description after the quotation ("a source said")', () => {
    assert.equal(findQuotes('“It is over,” a source said.')[0]?.speaker?.text, 'a source');
  });

  test('a name with a title and a parenthesis ("Rep. John Mica (R-Fla.) said")', () => {
    const [quote] = findQuotes(
      '"You destroy the whole basis of our government," Rep. John Mica (R-Fla.) said.',
    );
    assert.equal(quote?.speaker?.text, 'Rep. John Mica (R-Fla.)');
    assert.equal(quote?.speaker?.name, 'John Mica');
  });

  test('an apposition between the name and the verb', () => {
    const [quote] = findQuotes(
      '“There is a lot of frustration,” Flynn, a top Trump surrogate, said Thursday.',
    );
    assert.equal(quote?.speaker?.text, 'Flynn, a top Trump surrogate');
  });

  test('a dash attribution', () => {
    assert.equal(
      findQuotes('“Fear is what I feel.” ― Edwin G. Monroy')[0]?.speaker?.text,
      'Edwin G. Monroy',
    );
  });

  test('a second quotation in the paragraph keeps the speaker of the first', () => {
    const text = '“Yesterday there were two polls,” said Caddell. “They had similar numbers.”';
    const quotes = findQuotes(text);
    assert.deepEqual(
      quotes.map((q) => q.speaker?.start),
      [text.indexOf('Caddell'), text.indexOf('Caddell')],
    );
  });

  test('a quotation paragraph with no cue continues the previous speaker', () => {
    const text =
      '“No one is writing songs for her,” he said.\n\n“Right now, the vote is against Trump.”';
    const quotes = findQuotes(text);
    assert.equal(quotes[1]?.speaker?.start, text.indexOf('he said'));
    assert.equal(quotes[1]?.speaker?.resolution !== undefined, true);
  });

  test('the quotation before a new sentence is not attributed by that sentence', () => {
    const text =
      'Japan branded North Korea an "outlaw nation." Russia insisted that Pyongyang "stop its escapades."';
    assert.deepEqual(
      findQuotes(text).map((q) => q.speaker?.text),
      ['Japan', 'Russia'],
    );
  });

  test('the person names given by the entity module are used when present', () => {
    const text = 'The envoy arrived. “We will talk,” Karasin said.';
    const at = text.indexOf('Karasin');
    const [quote] = findQuotes(text, {
      entities: [
        { start: at, end: at + 7, text: 'Karasin', type: 'person', name: 'Grigory Karasin' },
      ],
    });
    assert.equal(quote?.speaker?.name, 'Grigory Karasin');
  });
});

suite('findQuotes: names', () => {
  test('a short name takes the full name written most often', () => {
    const text = joinLines(
      'Hillary Clinton spoke. Hillary Clinton left. A tweet called her Crooked Hillary Clinton.',
      '',
      '“We will win,” Clinton said.',
    );
    assert.equal(findQuotes(text)[0]?.speaker?.name, 'Hillary Clinton');
  });

  test('a description around an entity is not that entity', () => {
    const text = 'Gary Johnson was ill. “He is fine,” Johnson’s doctor said.';
    const at = text.indexOf('Johnson’s');
    const [quote] = findQuotes(text, {
      entities: [
        { start: 0, end: 12, text: 'Gary Johnson', type: 'person', name: 'Gary Johnson' },
        { start: at, end: at + 7, text: 'Johnson', type: 'person', name: 'Gary Johnson' },
      ],
    });
    assert.equal(quote?.speaker?.text, 'Johnson’s doctor');
    assert.notEqual(quote?.speaker?.name, 'Gary Johnson');
  });

  test('a description resolves to the last name with that title', () => {
    const text =
      'Deputy Foreign Minister Grigory Karasin arrived.\n\n“Talks go on,” the minister said.';
    const [quote] = findQuotes(text);
    assert.equal(quote?.speaker?.text, 'the minister');
    assert.equal(quote?.speaker?.name, 'Grigory Karasin');
    assert.equal(quote?.speaker?.resolution, 'description');
  });
});

suite('findQuotes: words that are not a speaker', () => {
  const speakerOf = (text: string): string | null => findQuotes(text)[0]?.speaker?.text ?? null;

  test('a fronted participle, a number word or a dateline is not the subject', () => {
    assert.equal(
      speakerOf(
        'Following initial reports of the explosion, Republican nominee Donald Trump said at an event that "a bomb" had gone off.',
      ),
      'Donald Trump',
    );
    assert.equal(
      speakerOf(
        'Twenty-two years ago, a Times article hailed Trump as “The Comeback Kid” for his success.',
      ),
      'a Times article',
    );
    assert.equal(
      speakerOf(
        'FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized the law as a “crazy system” on Tuesday.',
      ),
      'Former President Bill Clinton',
    );
  });

  test('a description ends before its verb, and "The" alone is no speaker', () => {
    assert.equal(
      speakerOf(
        'A Government Accountability Office report released in August called the program "a risk."',
      ),
      'A Government Accountability Office report',
    );
    assert.equal(
      speakerOf(
        "In Havana, the government gave a guarded response, warning against ``excessive optimism.''",
      ),
      'the government',
    );
    assert.equal(
      speakerOf(
        "An accompanying statement specifically warned ``against all travel to Pakistan.''",
      ),
      'An accompanying statement',
    );
    assert.notEqual(
      speakerOf('The choice was between going after Trump as “uniquely unacceptable” or not.'),
      'The',
    );
  });

  test('words after a quotation inside its sentence are not a trailing cue', () => {
    assert.equal(
      speakerOf(
        'City Attorney Brad Holm said in the letter that the advertisement “unmistakably and wrongfully” suggests that Phoenix supports Trump.',
      ),
      'City Attorney Brad Holm',
    );
    assert.equal(
      speakerOf("He took her to ``freedom,'' a vision he called a cliche.") === 'a vision he',
      false,
    );
    assert.equal(
      speakerOf(
        "Exiles will ``proceed with all their resources'' the ruling, Cuba predicted Wednesday.",
      ),
      'Cuba',
    );
  });

  test('a source named at the end of the sentence, after "according to"', () => {
    assert.equal(
      speakerOf(
        'Pressure is building on McAuliffe, who was greeted with chants of "Bobby!" at a conference last month, according to union president Doris Crouse-Mays.',
      ),
      'union president Doris Crouse-Mays',
    );
  });

  test('a preposition\'s object is no speaker, but a subject pronoun after "which" is', () => {
    assert.equal(
      speakerOf(
        'He did not address his series of early-morning tweets in which he called a former Miss Universe “disgusting.”',
      ),
      'He',
    );
    assert.equal(speakerOf('To which she said, "Thank God you still believe."'), 'she');
  });
});

suite('findQuotes: an error inside the finder', () => {
  test('is reported with what it cost, and not thrown', () => {
    const text = '“We are ready,” Glyn Davies said.';
    const faults: EngineFault[] = [];
    const broken = { start: 16, end: 27, text: 'Glyn Davies', type: 'person' as const };
    // An entity without a name breaks the name index: a bug of the caller, here on purpose.
    const quotes = findQuotes(text, {
      entities: [{ ...broken, name: undefined as unknown as string }],
      onFault: (fault) => faults.push(fault),
    });
    assert.deepEqual(quotes, []);
    assert.equal(faults.length, 1);
    assert.equal(faults[0]?.lost, 'quotations');
    assert.match(faults[0]?.error ?? '', /^TypeError: /);
    // With a well-formed entity the same call finds the quotation and reports nothing.
    faults.length = 0;
    const found = findQuotes(text, {
      entities: [{ ...broken, name: 'Glyn Davies' }],
      onFault: (fault) => faults.push(fault),
    });
    assert.equal(found[0]?.speaker?.name, 'Glyn Davies');
    assert.deepEqual(faults, []);
  });
});

suite('speaker names in the whole analysis, with the entity module', () => {
  /** Speaker mention → name, as the analysis of a short article with a headline resolves them. */
  function speakerNames(body: string): Array<[string | null, string | null]> {
    const text = `Talks in Moscow\n\nMOSCOW — ${body}`;
    return analyzeArticle(text).quotes.map((q) => [
      q.speaker?.text ?? null,
      q.speaker?.name ?? null,
    ]);
  }

  test('a description resolves to the person who bears the title, before or after the name', () => {
    assert.deepEqual(
      speakerNames(
        'Deputy Foreign Minister Grigory Karasin arrived on Monday. Mike Pence, the Indiana governor, ' +
          'came too.\n\n“Talks go on,” the minister said.\n\n“We are glad,” the governor said.',
      ),
      [
        ['the minister', 'Grigory Karasin'],
        ['the governor', 'Mike Pence'],
      ],
    );
  });

  test('a titled mention is the person at its head, not the body or person it names first', () => {
    assert.deepEqual(
      speakerNames(
        'The talks began on Monday.\n\n“We are ready,” State Department spokesman Glyn Davies said.\n\n' +
          '“It went well,” Vacco’s campaign manager, Matt Behrmann, said.\n\n' +
          '“No comment,” U.S. National Security Council spokesman P.J. Crowley said.\n\n' +
          '“We agree,” Rep. Elijah Cummings of Maryland said.',
      ),
      [
        ['State Department spokesman Glyn Davies', 'Glyn Davies'],
        ['Vacco’s campaign manager, Matt Behrmann', 'Matt Behrmann'],
        ['U.S. National Security Council spokesman P.J. Crowley', 'P.J. Crowley'],
        ['Rep. Elijah Cummings of Maryland', 'Elijah Cummings'],
      ],
    );
  });

  test('the person a preposition governs is not the speaker', () => {
    const [[mention, name] = []] = speakerNames(
      'Donald Trump spoke on Monday.\n\n“No,” a spokesman for Donald Trump said.',
    );
    assert.equal(mention, 'a spokesman for Donald Trump');
    assert.notEqual(name, 'Donald Trump');
  });

  test('"he" and "she" skip a last speaker of the other gender', () => {
    assert.deepEqual(
      speakerNames(
        'Don Fowler met Donna Brazile on Monday.\n\n“We will win,” Brazile said.\n\n' +
          '“It is close,” he said.\n\n“We will see,” she said.',
      ),
      [
        ['Brazile', 'Donna Brazile'],
        ['he', 'Don Fowler'],
        ['she', 'Donna Brazile'],
      ],
    );
  });
});

suite('findQuotes: seeds', () => {
  interface SeedGold {
    quotes: Array<{
      start: number;
      end: number;
      speaker: { text: string; start: number; end: number; refers_to: string };
    }>;
  }
  const root = path.resolve(__dirname, '../..');
  const gold = JSON.parse(
    readFileSync(path.join(root, 'test/fixtures/seeds-gold.json'), 'utf8'),
  ) as Record<string, SeedGold>;
  for (const [file, expected] of Object.entries(gold)) {
    test(`every quotation and speaker of ${file}`, () => {
      const text = readFileSync(path.join(root, 'seeds', file), 'utf8');
      const quotes = findQuotes(text);
      assert.deepEqual(
        quotes.map((q) => ({
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
    });
  }
});
