import * as vscode from 'vscode';

/**
 * Computes a value once per document version and keeps it until the document changes or closes,
 * so that the outline, folding and later features share one parse of the text.
 */
export class DocumentCache<T> implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; value: T }>();
  private readonly closeListener: vscode.Disposable;

  constructor(private readonly compute: (document: vscode.TextDocument) => T) {
    this.closeListener = vscode.workspace.onDidCloseTextDocument((document) =>
      this.entries.delete(document.uri.toString()),
    );
  }

  /** The value for the document's current version, computed on first request. */
  get(document: vscode.TextDocument): T {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.value;
    const value = this.compute(document);
    this.entries.set(key, { version: document.version, value });
    return value;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.entries.clear();
  }
}
