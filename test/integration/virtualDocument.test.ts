import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverContents, openArticle, semanticTokens, workspaceFile } from './helpers';

const SCHEME = 'news-annotator-test-memfs';

/**
 * A file system that lives in memory, as a virtual workspace's does: nothing on it can be read
 * with Node's fs, so every feature that works here reads through VS Code's API.
 */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.length };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('flat file system');
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('flat file system');
  }
}

suite('Articles on a virtual file system', () => {
  let registration: vscode.Disposable | undefined;

  suiteTeardown(() => registration?.dispose());

  test('an article from a non-file scheme is highlighted and has hover cards', async () => {
    const memory = new MemoryFileSystem();
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory);
    const seed = '001_2e408fe495f00e99.txt';
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${seed}` });
    memory.writeFile(uri, await vscode.workspace.fs.readFile(workspaceFile(seed)));

    const document = await openArticle(uri);
    assert.equal(document.languageId, 'news-article');
    const tokens = await semanticTokens(document);
    assert.ok(
      tokens.some((token) => token.type === 'quote'),
      'no quotation highlighted',
    );
    const text = document.getText();
    const hover = (await hoverContents(document, text.indexOf('Grigory Karasin') + 8))
      .map((content) => content.value)
      .join('\n');
    assert.match(hover, /\*\*Grigory Karasin\*\* · Person/);
  });
});
