/**
 * The composition root: activation reads like a table of contents, and every registration returns
 * one Disposable that the extension context owns.
 */
import * as vscode from 'vscode';
import { parseArticle } from './core/article/parseArticle';
import { registerCompareWithDuplicate } from './features/compareVersions';
import { registerDuplicatesView } from './features/duplicatesView';
import { registerFolding } from './features/folding';
import { registerOutline } from './features/outline';
import { DocumentCache } from './platform/documentCache';
import { DuplicateIndexService } from './platform/duplicateIndexService';
import { registerNewsVersionProvider } from './platform/versionDiff';

/** Activates News Annotator. */
export function activate(context: vscode.ExtensionContext): void {
  const structures = new DocumentCache((document) => parseArticle(document.getText()));
  context.subscriptions.push(structures, registerOutline(structures), registerFolding(structures));
  const duplicates = new DuplicateIndexService(context.storageUri ?? context.globalStorageUri);
  context.subscriptions.push(
    duplicates,
    registerNewsVersionProvider(),
    registerCompareWithDuplicate(duplicates),
    registerDuplicatesView(duplicates),
  );
}

/** Nothing to do: every resource is owned by the context's subscriptions. */
export function deactivate(): void {}
