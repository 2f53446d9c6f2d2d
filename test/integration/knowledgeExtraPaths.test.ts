import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverContents, openArticle, workspaceFile, workspaceRoot } from './helpers';

/**
 * In a trusted workspace (this suite runs with workspace trust off) the workspace's own
 * `extraPaths` setting is honoured; the Restricted Mode suite checks that the same setting is
 * ignored there, so together they show the difference is trust and not a broken setting.
 */
suite('Knowledge base: extraPaths', () => {
  const extra = (): vscode.Uri => workspaceFile('knowledge', 'extra.json');
  const config = (): vscode.WorkspaceConfiguration =>
    vscode.workspace.getConfiguration('newsAnnotator', workspaceRoot());

  teardown(async () => {
    await config().update(
      'knowledgeBase.extraPaths',
      undefined,
      vscode.ConfigurationTarget.Workspace,
    );
    await vscode.workspace.fs
      .delete(workspaceFile('knowledge'), { recursive: true })
      .then(undefined, () => undefined);
  });

  test('a file named in the workspace settings adds its entities to the hover cards', async () => {
    await vscode.workspace.fs.writeFile(
      extra(),
      new TextEncoder().encode(
        JSON.stringify({
          entities: [
            { name: 'Interfax', type: 'organization', description: 'Named by extraPaths only' },
          ],
        }),
      ),
    );
    await config().update(
      'knowledgeBase.extraPaths',
      ['knowledge/extra.json'],
      vscode.ConfigurationTarget.Workspace,
    );
    const document = await openArticle(workspaceFile('001_2e408fe495f00e99.txt'));
    const at = document.getText().indexOf('Interfax') + 2;
    let shown = '';
    // The knowledge base reloads when the setting changes; ask until the description shows.
    for (let tries = 0; tries < 200 && !shown.includes('Named by extraPaths'); tries++) {
      shown = (await hoverContents(document, at)).map((content) => content.value).join('\n');
      if (!shown.includes('Named by extraPaths'))
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(shown, /Named by extraPaths only/);
  });
});
