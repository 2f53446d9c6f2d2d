import * as vscode from 'vscode';

const CHANNEL_NAME = 'News Annotator';
let channel: vscode.LogOutputChannel | undefined;

/**
 * The extension's one output channel, "News Annotator", created on first use. Features log what
 * they skipped or switched off there, one line each, so users can see why.
 */
export function getOutputChannel(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel(CHANNEL_NAME, { log: true });
  return channel;
}

/** Disposes the output channel when the extension deactivates. */
export function registerOutputChannel(): vscode.Disposable {
  return new vscode.Disposable(() => {
    channel?.dispose();
    channel = undefined;
  });
}

/**
 * The file VS Code writes the channel's lines to: a log output channel lives in the extension's
 * log folder under its own name. Tests read it to see what the extension told its users.
 */
export function outputLogFile(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.logUri, `${CHANNEL_NAME}.log`);
}
