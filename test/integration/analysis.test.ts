import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import gold from '../fixtures/seeds-gold.json';
import { hoverContents, openArticle, semanticTokens, workspaceFile } from './helpers';

const SEEDS = ['000_bfa63e976a24a0e6.txt', '001_2e408fe495f00e99.txt'] as const;

/** The Markdown text of the hovers at an offset. */
async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  return (await hoverContents(document, offset)).map((content) => content.value).join('\n');
}

suite('Semantic tokens and hovers', () => {
  for (const seed of SEEDS) {
    test(`${seed}: every gold quote is a quote token and its speaker a speaker token`, async () => {
      const document = await openArticle(workspaceFile(seed));
      const tokens = await semanticTokens(document);
      for (const quote of gold[seed].quotes) {
        assert.ok(
          tokens.some((token) => token.type === 'quote' && token.start === quote.start),
          `no quote token at ${quote.start}`,
        );
        assert.ok(
          tokens.some(
            (token) =>
              token.type === 'speaker' &&
              token.start === quote.speaker.start &&
              token.end === quote.speaker.end,
          ),
          `no speaker token for "${quote.speaker.text}" at ${quote.speaker.start}`,
        );
        const hover = await hoverText(document, quote.speaker.start);
        assert.match(hover, /Said by \*\*Grigory Karasin\*\*/);
      }
    });

    test(`${seed}: "Karasin" is a person in every paragraph, and its hover names Grigory Karasin and his role`, async () => {
      const document = await openArticle(workspaceFile(seed));
      const text = document.getText();
      const tokens = await semanticTokens(document);
      const body = text.indexOf('MOSCOW—');
      for (
        let at = text.indexOf('Karasin', body);
        at !== -1;
        at = text.indexOf('Karasin', at + 1)
      ) {
        if (at > text.indexOf('Discussion Policy') && text.includes('Discussion Policy')) break;
        assert.ok(
          tokens.some(
            (token) =>
              ['person', 'speaker'].includes(token.type) && token.start <= at && at < token.end,
          ),
          `"Karasin" at ${at} is not highlighted as a person`,
        );
      }
      const hover = await hoverText(document, text.indexOf('Karasin', body) + 2);
      assert.match(hover, /\*\*Grigory Karasin\*\* · Person/);
      assert.match(hover, /Deputy Foreign Minister/);
      // The other version of the story mentions him too; the search finishes in the background.
      const other = SEEDS.find((name) => name !== seed)!;
      let card = hover;
      for (let tries = 0; tries < 100 && !card.includes('Other articles'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        card = await hoverText(document, text.indexOf('Karasin', body) + 2);
      }
      assert.match(
        card,
        new RegExp(`Other articles: \\[${other.replace(/[._]/g, '\\\\$&')}\\]\\(file:`),
      );
    });

    test(`${seed}: "last month" resolves to 2017-11`, async () => {
      const document = await openArticle(workspaceFile(seed));
      const at = document.getText().indexOf('last month');
      const tokens = await semanticTokens(document);
      assert.ok(
        tokens.some(
          (token) => token.type === 'date' && token.start === at && token.modifiers === 1,
        ),
      );
      // Seed 000 has no date of its own: it borrows 2017-12-27 from its duplicate once the index is built.
      let hover = await hoverText(document, at + 1);
      if (!/2017-11/.test(hover)) {
        await vscode.commands.executeCommand('newsAnnotator.findDuplicates');
        hover = await hoverText(document, at + 1);
      }
      assert.match(hover, /Resolved: `2017-11`/);
      assert.match(
        hover,
        seed.startsWith('000') ? /borrowed from a duplicate version/ : /date header/,
      );
    });
  }
});
