/**
 * Helpers shared by the integration suites. They speak only the public `vscode` API, so the suites
 * run unchanged in desktop VS Code and in code-server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import packageJson from '../../package.json';

/** The extension's identifier, `publisher.name`, read from the manifest so a rename cannot drift. */
export const extensionId = `${packageJson.publisher}.${packageJson.name}`;

/** The language id the extension contributes for scraped articles. */
export const articleLanguageId = 'news-article';

/** The seed article with a headline, captions, body, boilerplate and comments. */
export const fullSeedName = '000_bfa63e976a24a0e6.txt';

/** Returns the extension under test, failing clearly when the host did not load it. */
export function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded in this host`);
  return extension;
}

/** The workspace folder the runner opened: a throw-away copy of seeds/. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open a copy of seeds/ as the workspace folder');
  return folder.uri;
}

/** The URI of a file in the workspace folder. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/**
 * Resolves once `condition` holds, checking on every turn of a short timer. This waits for a state
 * change the API offers no event for (such as activation); it never stands in for a fixed sleep.
 */
export async function waitFor(
  condition: () => boolean,
  description: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Opens an article in an editor and waits until the extension is active, so that provider calls
 * made afterwards reach the extension rather than racing its lazy activation.
 */
export async function openArticle(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await getExtension().activate();
  return document;
}

/** Returns the zero-based line on which `text` first occurs, failing when it does not occur. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${JSON.stringify(text)} does not occur in ${document.uri.path}`);
  return document.positionAt(offset).line;
}

/** The Markdown contents of the hovers the extension gives at an offset. */
export async function hoverContents(
  document: vscode.TextDocument,
  offset: number,
): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(offset),
  );
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .filter(
      (content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString,
    );
}

/** A semantic token as an offset span with its type name. */
export interface Token {
  start: number;
  end: number;
  type: string;
  modifiers: number;
}

/** Decodes the semantic tokens of a document into offset spans with their type names. */
export async function semanticTokens(document: vscode.TextDocument): Promise<Token[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
    'vscode.provideDocumentSemanticTokensLegend',
    document.uri,
  );
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>(
    'vscode.provideDocumentSemanticTokens',
    document.uri,
  );
  assert.ok(legend && tokens, 'no semantic tokens from the extension');
  const spans: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += deltaLine!;
    character = deltaLine === 0 ? character + deltaStart! : deltaStart!;
    const start = document.offsetAt(new vscode.Position(line, character));
    spans.push({
      start,
      end: start + length!,
      type: legend.tokenTypes[type!]!,
      modifiers: modifiers!,
    });
  }
  return spans;
}

/**
 * The targets of the command links a hover's Markdown would render: `[label](command:…)` not
 * preceded by a backslash (escaped text shows as `\[label\]\(command\:…`, which renders as text).
 */
export function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\((command:[^)\s]*)\)/g)].map((match) => match[1]!);
}

/** The command id and decoded arguments of a `command:id?<encoded JSON>` link. */
export function parseCommandLink(link: string): { command: string; args: unknown[] } {
  const match = /^command:([^?]+)(?:\?(.*))?$/.exec(link);
  assert.ok(match, `${link} is not a command link`);
  const decoded: unknown = match[2] ? JSON.parse(decodeURIComponent(match[2])) : [];
  return { command: match[1]!, args: Array.isArray(decoded) ? decoded : [decoded] };
}

/**
 * Runs a command that asks questions, answering each as a user who presses Enter does: the
 * prefilled value of an input box, the active item of a quick pick. The host offers no event for
 * "a prompt is showing", so the answer is sent on a short timer until the command settles.
 */
export async function runAcceptingPrompts<T>(command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(
    () => (settled = true),
  );
  const deadline = Date.now() + 30_000;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`${command} still waits for an answer after 30 s`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return running;
}
