import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  commandLinks,
  hoverContents,
  openArticle,
  parseCommandLink,
  runAcceptingPrompts,
  workspaceFile,
} from './helpers';

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

/**
 * The hover card at `offset` that offers "Add to knowledge base", asked again for up to 10 s until
 * the offer is there (`offered` true) or gone (false): the knowledge base reloads after a file
 * watcher event, which comes a little after the write.
 */
async function cardWithAction(
  document: vscode.TextDocument,
  offset: number,
  offered: boolean,
): Promise<vscode.MarkdownString | undefined> {
  let card: vscode.MarkdownString | undefined;
  for (let tries = 0; tries < 200; tries++) {
    card = (await hoverContents(document, offset)).find((content) =>
      content.value.includes('Add to knowledge base'),
    );
    if ((card !== undefined) === offered) return card;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return card;
}

suite('Add to knowledge base from a hover card', () => {
  const kb = (): vscode.Uri => workspaceFile('news-entities.json');

  teardown(async () => {
    await vscode.workspace.fs.delete(kb()).then(undefined, () => undefined);
  });

  test('the card of "Karasin" links our command only, with no article text, and the link adds him after the questions', async () => {
    const document = await openArticle(workspaceFile('001_2e408fe495f00e99.txt'));
    const at = document.getText().indexOf('Karasin stressed') + 1;
    const card = (await hoverContents(document, at)).find((content) =>
      content.value.includes('Add to knowledge base'),
    );
    assert.ok(card, 'the hover of "Karasin" has no "Add to knowledge base" action');
    assert.deepEqual(card.isTrusted, { enabledCommands: ['newsAnnotator.addEntity'] });
    assert.notEqual(card.supportHtml, true);
    const links = commandLinks(card.value);
    assert.equal(links.length, 1, `one command link, found ${JSON.stringify(links)}`);
    const { command, args } = parseCommandLink(links[0]!);
    assert.equal(command, 'newsAnnotator.addEntity');
    // Where the mention is, and nothing the article says.
    assert.equal(args.length, 1);
    assert.deepEqual(Object.keys(args[0] as object).sort(), ['offset', 'uri', 'version']);
    assert.doesNotMatch(JSON.stringify(args), /Karasin|Russia|Minister/);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(kb())),
      'a hover alone writes nothing',
    );

    const result = await runAcceptingPrompts<{ name: string; type: string }>(command, ...args);
    assert.equal(result?.name, 'Grigory Karasin');
    const written = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(kb())),
    ) as { entities: unknown[] };
    assert.deepEqual(written.entities, [
      {
        name: 'Grigory Karasin',
        type: 'person',
        aliases: ['Karasin'],
        description: 'Russia’s Deputy Foreign Minister',
      },
    ]);
    // Once he is in the workspace file, his card offers no second entry.
    assert.equal(
      await cardWithAction(document, at, false),
      undefined,
      'the card still offers to add an entity that is in the file',
    );
  });

  test('a link from a card of an older version of the article writes nothing', async () => {
    const document = await openArticle(workspaceFile('000_bfa63e976a24a0e6.txt'));
    // A name no other test adds, so the card offers the action whatever the knowledge base has
    // seen of the files the tests before wrote and deleted.
    const at = document.getText().indexOf('Ilham Aliyev') + 1;
    const card = await cardWithAction(document, at, true);
    assert.ok(card, 'no action on the card');
    const { command, args } = parseCommandLink(commandLinks(card.value)[0]!);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
    try {
      const result = await runAcceptingPrompts(command, ...args);
      assert.equal(result, undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(kb())), 'nothing was written');
    } finally {
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText().startsWith(' '), false);
    }
  });
});
