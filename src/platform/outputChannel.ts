import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/**
 * The extension's one output channel, "News Annotator", created on first use. Features log what
 * they skipped or switched off there, one line each, so users can see why.
 */
export function getOutputChannel(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('News Annotator', { log: true });
  return channel;
}

/** Disposes the output channel when the extension deactivates. */
export function registerOutputChannel(): vscode.Disposable {
  return new vscode.Disposable(() => {
    channel?.dispose();
    channel = undefined;
  });
}
