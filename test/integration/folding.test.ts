import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import gold from '../fixtures/seeds-gold.json';
import { fullSeedName, lineOf, openArticle, workspaceFile } from './helpers';

suite('Folding', () => {
  let document: vscode.TextDocument;
  let ranges: vscode.FoldingRange[];

  suiteSetup(async function () {
    // The command that reads folding ranges arrived in VS Code 1.76; the extension's provider
    // works on older hosts, but there it cannot be checked through the API.
    const [major = 0, minor = 0] = vscode.version.split('.').map(Number);
    if (major === 1 && minor < 76) {
      console.log(
        `      skipped: VS Code ${vscode.version} has no vscode.executeFoldingRangeProvider`,
      );
      this.skip();
    }
    document = await openArticle(workspaceFile(fullSeedName));
    ranges =
      (await vscode.commands.executeCommand<vscode.FoldingRange[]>(
        'vscode.executeFoldingRangeProvider',
        document.uri,
      )) ?? [];
  });

  for (const kind of ['boilerplate', 'comments']) {
    test(`a folding range covers the ${kind}`, () => {
      const zone = gold[fullSeedName].zones.find((candidate) => candidate.kind === kind);
      assert.ok(zone?.from && zone.to, `the gold file has no ${kind} zone`);
      const first = lineOf(document, zone.from);
      const last = lineOf(document, zone.to);
      const body = gold[fullSeedName].zones.find((candidate) => candidate.kind === 'body');
      assert.ok(body?.to, 'the gold file has no body zone');
      const bodyEnd = lineOf(document, body.to);
      // The range starts at the zone (not inside the article body) and reaches its last line.
      const covering = ranges.find(
        (range) => range.start > bodyEnd && range.start <= first && range.end >= last,
      );
      assert.ok(
        covering,
        `no range covers lines ${first}-${last}; ranges: ${ranges.map((r) => `${r.start}-${r.end}`).join(', ')}`,
      );
    });
  }
});
