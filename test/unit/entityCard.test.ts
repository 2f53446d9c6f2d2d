import * as assert from 'node:assert/strict';
import { buildEntityCard, type EntityCardInput } from '../../src/core/cards/entityCard';
import { escapeMarkdown, firstWords } from '../../src/core/cards/markdown';

const HOSTILE =
  '[click](command:workbench.action.quit) <img src=x onerror=alert(1)> `code` **bold** https://evil.example';

function card(overrides: Partial<EntityCardInput>): string {
  return buildEntityCard({
    name: 'Grigory Karasin',
    type: 'person',
    knownFrom: [],
    learnedRoles: [],
    aliasesHere: [],
    mentionsHere: 1,
    quotesHere: [],
    otherArticles: [],
    actions: [],
    ...overrides,
  });
}

/** The Markdown constructs that untrusted text must never produce. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /\]\(command:/, 'a command link');
  assert.doesNotMatch(markdown, /(?<!\\)<img/, 'an HTML tag');
  assert.doesNotMatch(markdown, /(?<!\\)`code(?<!\\)`/, 'a code span');
  assert.doesNotMatch(markdown, /(?<!\\)\*\*bold/, 'emphasis');
  assert.doesNotMatch(markdown, /https:\/\/evil/, 'an autolink');
}

suite('firstWords', () => {
  test('keeps the first eight words of a short or a megabyte-long text, with an ellipsis when cut', () => {
    assert.equal(firstWords('We are  ready\nto talk.'), 'We are ready to talk.');
    assert.equal(
      firstWords('one two three four five six seven eight nine'),
      'one two three four five six seven eight…',
    );
    assert.equal(
      firstWords(`${'word '.repeat(200_000)}end`),
      'word word word word word word word word…',
    );
    assert.equal(firstWords(`${'x'.repeat(500)} tail`), `${'x'.repeat(500)} tail`);
  });
});

suite('escapeMarkdown', () => {
  test('escapes every ASCII punctuation character and folds line breaks', () => {
    assert.equal(escapeMarkdown('a*b_[c](d)\n<e>'), 'a\\*b\\_\\[c\\]\\(d\\) \\<e\\>');
  });
});

suite('buildEntityCard', () => {
  test('shows name, type, role, aliases, mentions, quotes and the source', () => {
    const markdown = card({
      learnedRoles: ["Russia's Deputy Foreign Minister"],
      aliasesHere: ['Karasin'],
      mentionsHere: 7,
      quotesHere: [
        { text: '“Russia is interested in an effective outcome of the meeting”', line: 9 },
      ],
    });
    assert.match(markdown, /^\*\*Grigory Karasin\*\* · Person/);
    assert.match(markdown, /Role: Russia\\'s Deputy Foreign Minister/);
    assert.match(markdown, /Also: Karasin/);
    assert.match(markdown, /Mentions in this article: 7/);
    assert.match(markdown, /- “Russia is interested in an effective outcome of… \(line 9\)/);
    assert.match(markdown, /_Source: learned from this article_/);
  });

  test('shows hostile text from articles and knowledge files as inert text', () => {
    const markdown = card({
      name: HOSTILE,
      known: {
        name: HOSTILE,
        type: 'person',
        aliases: [HOSTILE],
        description: HOSTILE,
        links: ['command:workbench.action.quit', 'javascript:alert(1)'],
        origin: { layer: 'workspace', file: HOSTILE },
      },
      knownFrom: [HOSTILE],
      learnedRoles: [HOSTILE],
      aliasesHere: [HOSTILE],
      quotesHere: [{ text: HOSTILE, line: 1 }],
      otherArticles: [{ label: HOSTILE, encodedUri: 'file:///a%20b.txt' }],
    });
    assertInert(markdown);
    assert.doesNotMatch(markdown, /Links:/, 'only http and https links are shown');
  });

  test('links web pages from the knowledge base by host name', () => {
    const markdown = card({
      known: {
        name: 'OSCE',
        type: 'organization',
        aliases: [],
        links: ['https://www.osce.org/minsk-group'],
        origin: { layer: 'bundled', what: 'test' },
      },
    });
    assert.match(
      markdown,
      /Links: \[www\\\.osce\\\.org\]\(https:\/\/www\.osce\.org\/minsk-group\)/,
    );
  });

  test('renders our own actions as links after the source line, and nothing else as a link', () => {
    const target = `command:newsAnnotator.addEntity?${encodeURIComponent('[{"offset":1}]')}`;
    const markdown = card({
      quotesHere: [{ text: HOSTILE, line: 1 }],
      actions: [{ label: 'Add to knowledge base', encodedUri: target }],
    });
    const lines = markdown.split('\n');
    assert.equal(lines.at(-1), `[Add to knowledge base](${target})`);
    assert.equal(markdown.match(/(?<!\\)\]\(command:/g)?.length, 1);
  });
});
