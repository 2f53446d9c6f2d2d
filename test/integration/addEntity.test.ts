import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverContents, openArticle, workspaceFile } from './helpers';

suite('Add Entity to Knowledge Base', () => {
  const kb = (): vscode.Uri => workspaceFile('news-entities.json');

  teardown(async () => {
    await vscode.workspace.fs.delete(kb()).then(undefined, () => undefined);
  });

  test('writes the workspace file only when run, and the hover then shows the description', async () => {
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(kb())),
      'no file before the command',
    );
    const document = await openArticle(workspaceFile('001_2e408fe495f00e99.txt'));
    const result = await vscode.commands.executeCommand<{ name: string }>(
      'newsAnnotator.addEntity',
      {
        name: 'Interfax',
        type: 'organization',
        description: 'Russian news agency founded in 1989',
      },
    );
    assert.equal(result?.name, 'Interfax');
    const written = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(kb())),
    ) as {
      entities: Array<{ name: string; type: string; description: string }>;
    };
    assert.deepEqual(written.entities, [
      {
        name: 'Interfax',
        type: 'organization',
        description: 'Russian news agency founded in 1989',
      },
    ]);
    const at = document.getText().indexOf('Interfax') + 1;
    let shown = '';
    for (let tries = 0; tries < 200 && !shown.includes('news agency founded'); tries++) {
      shown = (await hoverContents(document, at)).map((content) => content.value).join('\n');
      if (!shown.includes('news agency founded'))
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(shown, /Russian news agency founded in 1989/);
  });

  test('appends to an existing file and refuses to touch a malformed one', async () => {
    await vscode.workspace.fs.writeFile(
      kb(),
      new TextEncoder().encode('{"entities": [{"name": "OSCE", "type": "organization"}]}'),
    );
    await vscode.commands.executeCommand('newsAnnotator.addEntity', {
      name: 'Baku',
      type: 'place',
      description: '',
    });
    const written = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(kb())),
    ) as {
      entities: Array<{ name: string }>;
    };
    assert.deepEqual(
      written.entities.map((entity) => entity.name),
      ['OSCE', 'Baku'],
    );
    const malformed = '{"entities": [ oops';
    await vscode.workspace.fs.writeFile(kb(), new TextEncoder().encode(malformed));
    const result = await vscode.commands.executeCommand('newsAnnotator.addEntity', {
      name: 'Yerevan',
      type: 'place',
      description: '',
    });
    assert.equal(result, undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(kb())), malformed);
  });
});
