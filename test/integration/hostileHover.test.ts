import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverContents, openArticle, workspaceFile } from './helpers';

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
