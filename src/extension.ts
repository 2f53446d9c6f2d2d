/**
 * The composition root: activation reads like a table of contents, and every registration returns
 * one Disposable that the extension context owns.
 */
import type * as vscode from 'vscode';

/** Activates News Annotator. */
export function activate(_context: vscode.ExtensionContext): void {}

/** Nothing to do: every resource is owned by the context's subscriptions. */
export function deactivate(): void {}
