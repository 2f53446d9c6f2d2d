import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import gold from '../fixtures/seeds-gold.json';
import { fullSeedName, lineOf, openArticle, workspaceFile } from './helpers';

/** Every symbol of the outline, parents before their children. */
function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

/** The gold zone of a kind for seed 000; the expectations come from the shared gold file. */
function goldZone(kind: string) {
  const zone = gold[fullSeedName].zones.find((candidate) => candidate.kind === kind);
  assert.ok(zone, `the gold file has no ${kind} zone for ${fullSeedName}`);
  return zone;
}

suite('Outline', () => {
  let document: vscode.TextDocument;
  let symbols: vscode.DocumentSymbol[];

  suiteSetup(async () => {
    document = await openArticle(workspaceFile(fullSeedName));
    symbols = flatten(
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      )) ?? [],
    );
  });

  test('the headline is a symbol on the first line', () => {
    const headline = goldZone('headline').text ?? '';
    const symbol = symbols.find((candidate) => candidate.name.includes(headline));
    assert.ok(
      symbol,
      `no outline symbol named ${JSON.stringify(headline)}; got ${symbols.map((s) => s.name).join(' | ')}`,
    );
    assert.equal(symbol.range.start.line, 0);
  });

  for (const kind of ['body', 'boilerplate', 'comments']) {
    test(`the ${kind} zone is a symbol spanning its text`, () => {
      const zone = goldZone(kind);
      const symbol = symbols.find((candidate) =>
        new RegExp(`\\b${kind}\\b`, 'i').test(candidate.name),
      );
      assert.ok(symbol, `no ${kind} symbol; got ${symbols.map((s) => s.name).join(' | ')}`);
      assert.ok(zone.from && zone.to);
      assert.ok(symbol.range.start.line <= lineOf(document, zone.from), `${kind} starts too late`);
      assert.ok(symbol.range.end.line >= lineOf(document, zone.to), `${kind} ends too early`);
    });
  }

  test('each paragraph of the body is a child symbol of the body', () => {
    const body = symbols.find((candidate) => /\bbody\b/i.test(candidate.name));
    assert.ok(body, 'no body symbol');
    const zone = goldZone('body');
    const first = lineOf(document, zone.from ?? '');
    const last = lineOf(document, zone.to ?? '');
    // A paragraph starts on a non-blank line that follows a blank line (or opens the body).
    const paragraphStarts: number[] = [];
    for (let line = first; line <= last; line++) {
      const blank = document.lineAt(line).isEmptyOrWhitespace;
      if (!blank && (line === first || document.lineAt(line - 1).isEmptyOrWhitespace)) {
        paragraphStarts.push(line);
      }
    }
    const childStarts = new Set(flatten(body.children).map((child) => child.range.start.line));
    const missing = paragraphStarts.filter((line) => !childStarts.has(line));
    assert.deepEqual(missing, [], `paragraphs starting on these lines have no symbol`);
  });
});
