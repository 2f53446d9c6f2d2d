/**
 * The composition root: activation reads like a table of contents, and every registration returns
 * one Disposable that the extension context owns.
 */
import * as vscode from 'vscode';
import { parseArticle } from './core/article/parseArticle';
import { registerFolding } from './features/folding';
import { registerOutline } from './features/outline';
import { DocumentCache } from './platform/documentCache';

/** Activates News Annotator. */
export function activate(context: vscode.ExtensionContext): void {
  const structures = new DocumentCache((document) => parseArticle(document.getText()));
  context.subscriptions.push(structures, registerOutline(structures), registerFolding(structures));
}

/** Nothing to do: every resource is owned by the context's subscriptions. */
export function deactivate(): void {}
