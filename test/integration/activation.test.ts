import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fullSeedName, getExtension, waitFor, workspaceFile } from './helpers';

suite('Activation', () => {
  test('opening a news article activates the extension', async () => {
    const extension = getExtension();
    assert.equal(
      extension.isActive,
      false,
      'the extension must stay inactive until a news article opens (activation is lazy)',
    );
    const started = performance.now();
    const document = await vscode.workspace.openTextDocument(workspaceFile(fullSeedName));
    await vscode.window.showTextDocument(document);
    await waitFor(() => extension.isActive, `${extension.id} to activate`);
    const elapsed = performance.now() - started;
    // The benchmark notes quote this line: the time from opening a seed to an active extension.
    console.log(
      `      activation: opened ${fullSeedName}, extension active after ${elapsed.toFixed(0)} ms`,
    );
  });
});
