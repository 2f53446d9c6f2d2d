import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fullSeedName, openArticle, workspaceFile } from './helpers';

/** The seed with the date header: the clean body of the same story as the full page. */
const cleanSeedName = '001_2e408fe495f00e99.txt';

interface FoundCluster {
  files: string[];
  kind: string;
  similarity: number;
}

type CompareResult =
  | { outcome: 'opened'; original: vscode.Uri; modified: vscode.Uri; view: string }
  | { outcome: 'none'; file: string }
  | { outcome: 'cancelled' };

/** The diff tab of the active group, once it shows the two given documents. */
function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

function lines(document: vscode.TextDocument): string[] {
  return document
    .getText()
    .split('\n')
    .filter((line) => line.length > 0);
}

suite('Duplicate versions', () => {
  const full = () => workspaceFile(fullSeedName);
  const clean = () => workspaceFile(cleanSeedName);

  suiteSetup(async () => {
    await openArticle(full());
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Find Duplicates puts the two seeds in one cluster', async () => {
    const clusters = await vscode.commands.executeCommand<FoundCluster[]>(
      'newsAnnotator.findDuplicates',
    );
    const cluster = clusters.find((candidate) => candidate.files.includes(full().toString()));
    assert.ok(cluster, `no cluster holds ${fullSeedName}: ${JSON.stringify(clusters)}`);
    assert.ok(cluster.files.includes(clean().toString()), JSON.stringify(cluster));
    assert.ok(cluster.similarity > 0.9, `similarity ${cluster.similarity}`);
  });

  test('the compare command opens the raw files side by side', async () => {
    const result = await vscode.commands.executeCommand<CompareResult>(
      'newsAnnotator.compareWithDuplicate',
      full(),
      { target: clean(), view: 'raw' },
    );
    assert.equal(result.outcome, 'opened');
    const diff = activeDiff();
    assert.ok(diff, 'the active tab is not a diff editor');
    assert.equal(diff.original.toString(), full().toString());
    assert.equal(diff.modified.toString(), clean().toString());
  });

  test('the normalised views align both bodies paragraph by paragraph', async () => {
    const result = await vscode.commands.executeCommand<CompareResult>(
      'newsAnnotator.compareWithDuplicate',
      full(),
      { target: clean() },
    );
    assert.equal(result.outcome, 'opened');
    const diff = activeDiff();
    assert.ok(diff, 'the active tab is not a diff editor');
    assert.equal(diff.original.scheme, 'news-version');
    assert.equal(diff.modified.scheme, 'news-version');
    const [fullView, cleanView] = await Promise.all([
      vscode.workspace.openTextDocument(diff.original),
      vscode.workspace.openTextDocument(diff.modified),
    ]);
    // Page furniture is marked in brackets at the top; the rest is the body, a paragraph a line.
    const body = (document: vscode.TextDocument) =>
      lines(document).filter((line) => !line.startsWith('['));
    const fullBody = body(fullView);
    const cleanBody = body(cleanView);
    assert.ok(cleanBody.length >= 3, `the clean body has ${cleanBody.length} paragraphs`);
    assert.deepEqual(fullBody, cleanBody);
    // The raw full page has boilerplate and comments the normalised view leaves out.
    const rawFull = (await vscode.workspace.openTextDocument(full())).lineCount;
    assert.ok(fullView.lineCount < rawFull, 'the normalised view is not shorter than the page');
  });

  test('a file with no duplicate says so instead of opening a diff', async () => {
    const lonely = workspaceFile('999_lonely.txt');
    await vscode.workspace.fs.writeFile(
      lonely,
      new TextEncoder().encode(
        'Lighthouse keepers gathered on the island to repaint the old tower.\n\n' +
          'The volunteers said the work would take three summers and a great deal of paint.\n',
      ),
    );
    try {
      const result = await vscode.commands.executeCommand<CompareResult>(
        'newsAnnotator.compareWithDuplicate',
        lonely,
      );
      assert.deepEqual(result, { outcome: 'none', file: lonely.toString() });
    } finally {
      await vscode.workspace.fs.delete(lonely);
    }
  });
});
