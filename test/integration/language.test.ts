import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { articleLanguageId, workspaceFile, workspaceRoot } from './helpers';

/** Writes a scratch file into the workspace copy (never into seeds/) and opens it. */
async function openScratchFile(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = workspaceFile('scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.workspace.openTextDocument(uri);
}

suite('Language detection', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('scratch'), {
      recursive: true,
      useTrash: false,
    });
  });

  test('every seed opens as a news article', async () => {
    const entries = await vscode.workspace.fs.readDirectory(workspaceRoot());
    const seeds = entries
      .map(([name]) => name)
      .filter((name) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(name));
    assert.ok(seeds.length >= 2, `expected the seeds in the workspace, found ${seeds.join(', ')}`);
    for (const name of seeds) {
      const document = await vscode.workspace.openTextDocument(workspaceFile(name));
      assert.equal(document.languageId, articleLanguageId, name);
    }
  });

  test('a .article file opens as a news article', async () => {
    const document = await openScratchFile(
      'interview.article',
      'Minister Meets Press\n\nBody text.\n',
    );
    assert.equal(document.languageId, articleLanguageId);
  });

  // VS Code matches file names before first lines, and plain text owns `.txt`: a `.txt` file is
  // recognised by its seed-style name, while a file without a known extension is recognised by its
  // ` date YYYY-MM-DD ` header.
  test('a file without an extension whose first line is a date header opens as a news article', async () => {
    const document = await openScratchFile(
      'crawl-0001',
      ' date 2017-12-27 MOSCOW—Officials met.\n',
    );
    assert.equal(document.languageId, articleLanguageId);
  });

  test('an ordinary text file stays plain text', async () => {
    const document = await openScratchFile('shopping.txt', 'eggs\nmilk\n');
    assert.equal(document.languageId, 'plaintext');
  });
});
