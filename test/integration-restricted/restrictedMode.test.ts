/**
 * The extension in Restricted Mode: the runner turns workspace trust on and leaves the folder (a
 * copy of seeds/ with workspace/ laid over it) untrusted. That folder's settings name
 * extra-entities.json in `newsAnnotator.knowledgeBase.extraPaths`, and its news-entities.json
 * describes Grigory Karasin.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  commandLinks,
  getExtension,
  hoverContents,
  openArticle,
  semanticTokens,
  workspaceFile,
  workspaceRoot,
} from '../integration/helpers';

const SEED = '001_2e408fe495f00e99.txt';

async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  return (await hoverContents(document, offset)).map((content) => content.value).join('\n');
}

async function listRoot(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(workspaceRoot())).map(([name]) => name).sort();
}

suite('Restricted Mode', () => {
  test('the workspace is untrusted and the extension still activates on an article', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner must leave the folder untrusted');
    await openArticle(workspaceFile(SEED));
    assert.equal(getExtension().isActive, true);
  });

  test('quotations, speakers and entities are highlighted', async () => {
    const document = await openArticle(workspaceFile(SEED));
    const text = document.getText();
    const tokens = await semanticTokens(document);
    const types = new Set(tokens.map((token) => token.type));
    for (const type of ['quote', 'speaker', 'person', 'place', 'organization', 'date']) {
      assert.ok(types.has(type), `no ${type} token in Restricted Mode`);
    }
    const karasin = text.indexOf('Karasin', text.indexOf('Interfax'));
    assert.ok(
      tokens.some((token) => token.start === karasin && /person|speaker/.test(token.type)),
      'the second "Karasin" is not highlighted',
    );
  });

  test('hovers show the card from the article and from news-entities.json, read as data', async () => {
    const document = await openArticle(workspaceFile(SEED));
    const text = document.getText();
    const hover = await hoverText(document, text.indexOf('Grigory Karasin') + 8);
    assert.match(hover, /\*\*Grigory Karasin\*\* · Person/);
    assert.match(hover, /Deputy Foreign Minister/, 'the role learned from the article is missing');
    // Card text is Markdown-escaped, so only its words are matched.
    assert.match(hover, /Described in the workspace/);
  });

  test('extraPaths from the workspace settings are ignored', async () => {
    const settings = JSON.parse(
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(workspaceFile('.vscode', 'settings.json')),
      ),
    ) as Record<string, unknown>;
    assert.deepEqual(
      settings['newsAnnotator.knowledgeBase.extraPaths'],
      ['extra-entities.json'],
      'the fixture must set extraPaths in the workspace settings',
    );
    // VS Code hides a restricted setting's workspace value in Restricted Mode.
    assert.deepEqual(
      vscode.workspace
        .getConfiguration('newsAnnotator', workspaceRoot())
        .get('knowledgeBase.extraPaths'),
      [],
    );
    const document = await openArticle(workspaceFile(SEED));
    const text = document.getText();
    // The same knowledge base answered the previous test, so it has finished loading.
    const hover = await hoverText(document, text.indexOf('Interfax') + 2);
    assert.match(hover, /\*\*Interfax\*\* · Organisation/);
    assert.doesNotMatch(hover, /Described only in the file/);
  });

  test('hover cards offer no "Add to knowledge base" link and trust no command', async () => {
    const document = await openArticle(workspaceFile(SEED));
    // Interfax is in no workspace file, so a trusted workspace would offer the link here.
    const contents = await hoverContents(document, document.getText().indexOf('Interfax') + 2);
    const markdown = contents.map((content) => content.value).join('\n');
    assert.match(markdown, /\*\*Interfax\*\*/);
    assert.doesNotMatch(markdown, /Add to knowledge base/);
    assert.deepEqual(commandLinks(markdown), []);
  });

  test('Add Entity refuses with a clear message and writes nothing', async () => {
    const kb = workspaceFile('news-entities.json');
    const before = await vscode.workspace.fs.readFile(kb);
    const filesBefore = await listRoot();
    await openArticle(workspaceFile(SEED));
    const result = await vscode.commands.executeCommand<{ refused?: string; message?: string }>(
      'newsAnnotator.addEntity',
      { name: 'Interfax', type: 'organization', description: 'Russian news agency' },
    );
    assert.equal(result?.refused, 'untrusted-workspace');
    assert.match(result?.message ?? '', /Restricted Mode/);
    assert.match(result?.message ?? '', /nothing was written/);
    assert.deepEqual(await vscode.workspace.fs.readFile(kb), before);
    assert.deepEqual(await listRoot(), filesBefore);
  });
});
