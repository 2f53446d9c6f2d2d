import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/bundledKnowledge';
import { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import type { KnowledgeEntry } from '../../src/core/knowledge/knowledgeEntry';
import {
  MAX_KNOWLEDGE_FILE_CHARS,
  parseKnowledgeFile,
} from '../../src/core/knowledge/parseKnowledgeFile';

function entry(overrides: Partial<KnowledgeEntry> & Pick<KnowledgeEntry, 'name'>): KnowledgeEntry {
  return {
    type: 'person',
    aliases: [],
    links: [],
    origin: { layer: 'workspace', file: 'news-entities.json' },
    ...overrides,
  };
}

suite('parseKnowledgeFile', () => {
  test('reads entries with aliases, description and web links', () => {
    const text = JSON.stringify({
      entities: [
        {
          name: 'Grigory Karasin',
          type: 'person',
          aliases: ['Karasin'],
          description: 'Russian diplomat',
          links: [
            'https://example.org/karasin',
            'command:workbench.action.quit',
            'file:///etc/passwd',
          ],
        },
      ],
    });
    const parsed = parseKnowledgeFile(text, 'kb/news-entities.json');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries, [
      {
        name: 'Grigory Karasin',
        type: 'person',
        aliases: ['Karasin'],
        description: 'Russian diplomat',
        links: ['https://example.org/karasin'],
        origin: { layer: 'workspace', file: 'kb/news-entities.json' },
      },
    ]);
  });

  test('gives one problem, at the error position, for malformed JSON', () => {
    const text = '{"entities": [ {"name": "A", "type": "person"}, ]}';
    const parsed = parseKnowledgeFile(text, 'f.json');
    assert.equal(parsed.entries.length, 0);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]!.message, /^Not valid JSON/);
    assert.ok(parsed.problems[0]!.offset > 0);
  });

  test('gives one problem for valid JSON of the wrong shape', () => {
    for (const text of ['[]', '{"people": []}', '"entities"', 'null', '{"entities": {}}']) {
      const parsed = parseKnowledgeFile(text, 'f.json');
      assert.equal(parsed.entries.length, 0, text);
      assert.deepEqual(
        parsed.problems.map((problem) => problem.message),
        ['A knowledge-base file must be an object with an "entities" array.'],
        text,
      );
    }
  });

  test('keeps the good entries and points each problem at its bad entry', () => {
    const text =
      '{"entities": [\n {"name": "OSCE", "type": "organization"},\n {"name": "X", "type": "planet"},\n 42\n]}';
    const parsed = parseKnowledgeFile(text, 'f.json');
    assert.deepEqual(
      parsed.entries.map((item) => item.name),
      ['OSCE'],
    );
    assert.equal(parsed.problems.length, 2);
    assert.match(parsed.problems[0]!.message, /^entities\[1\]: "type"/);
    assert.equal(text.slice(parsed.problems[0]!.offset).startsWith('{"name": "X"'), true);
    assert.equal(text.slice(parsed.problems[1]!.offset).startsWith('42'), true);
  });

  test('refuses a file over the size limit without parsing it', () => {
    const text = ' '.repeat(MAX_KNOWLEDGE_FILE_CHARS + 1);
    const parsed = parseKnowledgeFile(text, 'f.json');
    assert.equal(parsed.entries.length, 0);
    assert.match(parsed.problems[0]!.message, /over 5 MB are not loaded/);
  });
});

suite('KnowledgeBase', () => {
  test('finds an entity by alias, ignoring case and apostrophe style', () => {
    const kb = new KnowledgeBase([entry({ name: 'Grigory Karasin', aliases: ['Karasin'] })]);
    assert.equal(kb.lookup('karasin')?.entry.name, 'Grigory Karasin');
    assert.equal(kb.lookup('Karasin', 'place'), undefined);
    assert.equal(kb.lookup('Lavrov'), undefined);
  });

  test('lets the workspace win over bundled and learned knowledge, pooling aliases', () => {
    const learned = entry({
      name: 'Grigory Karasin',
      aliases: ['Karasin'],
      origin: { layer: 'learned', article: 'a.txt' },
    });
    const bundled = entry({
      name: 'Grigory Karasin',
      description: 'bundled text',
      origin: { layer: 'bundled', what: 'test' },
    });
    const workspace = entry({
      name: 'Grigory Karasin',
      aliases: ['G. Karasin'],
      description: 'ours',
    });
    const match = new KnowledgeBase([learned, bundled, workspace]).lookup('Karasin')!;
    assert.equal(match.entry.description, 'ours');
    assert.deepEqual(match.entry.aliases.sort(), ['G. Karasin', 'Karasin']);
    assert.deepEqual(
      match.sources.map((source) => source.origin.layer),
      ['workspace', 'bundled', 'learned'],
    );
  });
});

suite('bundledKnowledge', () => {
  test('knows countries with capitals, capitals, and international organisations by acronym', () => {
    const kb = new KnowledgeBase(bundledKnowledge());
    assert.match(kb.lookup('Armenia', 'place')!.entry.description!, /capital Yerevan/);
    assert.equal(kb.lookup('Yerevan', 'place')!.entry.description, 'Capital of Armenia');
    assert.equal(
      kb.lookup('OSCE')!.entry.name,
      'Organization for Security and Co-operation in Europe',
    );
    assert.equal(kb.lookup('U.S.', 'place')!.entry.name, 'United States');
  });
});
