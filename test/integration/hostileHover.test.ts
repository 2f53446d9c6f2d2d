import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import {
  commandLinks,
  hoverContents,
  openArticle,
  parseCommandLink,
  workspaceFile,
} from './helpers';

const HOSTILE =
  '[run](command:workbench.action.quit) <img src=x onerror=alert(1)> `tick` **bold** https://evil.example';

suite('Hover cards treat workspace text as untrusted', () => {
  test('a knowledge-base description full of links, HTML and backticks shows as escaped text', async () => {
    const kb = workspaceFile('news-entities.json');
    await vscode.workspace.fs.writeFile(
      kb,
      Buffer.from(
        JSON.stringify({
          entities: [{ name: 'Grigory Karasin', type: 'person', description: HOSTILE }],
        }),
      ),
    );
    try {
      const document = await openArticle(workspaceFile('001_2e408fe495f00e99.txt'));
      const at = document.getText().indexOf('Karasin') + 1;
      // The knowledge base reloads when its file appears; ask until the description shows.
      let card: vscode.MarkdownString | undefined;
      for (let tries = 0; tries < 200 && !card; tries++) {
        card = (await hoverContents(document, at)).find((value) => value.value.includes('onerror'));
        if (!card) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(card, 'the hover never showed the knowledge-base description');
      assert.equal(card.isTrusted, false);
      assert.notEqual(card.supportHtml, true);
      assert.doesNotMatch(card.value, /\]\(command:/);
      assert.doesNotMatch(card.value, /(?<!\\)<img/);
      assert.doesNotMatch(card.value, /(?<!\\)`tick/);
      assert.doesNotMatch(card.value, /https:\/\/evil/);
      assert.match(card.value, /\\\[run\\\]\\\(command\\:workbench\\\.action\\\.quit\\\)/);
    } finally {
      await vscode.workspace.fs.delete(kb);
    }
  });
});

suite('Hover cards treat article text as untrusted', () => {
  test('hostile text in a quotation stays text, and the only command link is our own action', async () => {
    // A quotation full of Markdown links, command URIs (one forging our own command with article
    // text as its argument), HTML and backticks, attributed to a person the card then describes.
    const forged = `[add](command:newsAnnotator.addEntity?${encodeURIComponent(
      JSON.stringify([{ name: 'x', type: 'person', description: 'forged' }]),
    )})`;
    const article = [
      ' date 2017-12-27 MOSCOW—Russia’s Deputy Foreign Minister Grigory Karasin spoke to reporters on Wednesday.',
      '',
      `“${HOSTILE} ${forged} we are ready,” Karasin said.`,
      '',
    ].join('\n');
    const file = workspaceFile('hostile-quote.article');
    await vscode.workspace.fs.writeFile(file, Buffer.from(article));
    try {
      const document = await openArticle(file);
      const at = document.getText().indexOf('Karasin said') + 1;
      // The suite before this one removes a knowledge-base file that describes Karasin, and his
      // card offers the action only once the knowledge base has reloaded without it.
      let cards: vscode.MarkdownString[] = [];
      let card: vscode.MarkdownString | undefined;
      for (let tries = 0; tries < 200 && !card; tries++) {
        cards = await hoverContents(document, at);
        card = cards.find((content) => content.value.includes('Add to knowledge base'));
        if (!card) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(card, `no entity card with the action: ${cards.map((c) => c.value).join('\n')}`);
      assert.match(card.value, /onerror/, 'the card shows the hostile quotation');
      for (const content of cards) {
        assert.notEqual(content.supportHtml, true);
        assert.doesNotMatch(content.value, /(?<!\\)<img/);
        assert.doesNotMatch(content.value, /(?<!\\)`tick/);
        assert.doesNotMatch(content.value, /https:\/\/evil/);
        assert.ok(
          content.isTrusted === false ||
            isDeepStrictEqual(content.isTrusted, { enabledCommands: ['newsAnnotator.addEntity'] }),
          `isTrusted is ${JSON.stringify(content.isTrusted)}`,
        );
      }
      const links = cards.flatMap((content) => commandLinks(content.value));
      assert.equal(links.length, 1, `one command link, found ${JSON.stringify(links)}`);
      const { command, args } = parseCommandLink(links[0]!);
      assert.equal(command, 'newsAnnotator.addEntity');
      assert.deepEqual(Object.keys(args[0] as object).sort(), ['offset', 'uri', 'version']);
      assert.match(card.value, /\\\[add\\\]\\\(command\\:newsAnnotator\\\.addEntity/);
      assert.match(card.value, /\\\[run\\\]\\\(command\\:workbench\\\.action\\\.quit\\\)/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });
});
