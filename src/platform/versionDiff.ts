import * as vscode from 'vscode';
import { normalizedBodyView } from '../core/duplicates/normalizedBodyView';
import { decodeText } from '../core/text/decodeText';

/** The scheme of the normalised views of articles the diff editor shows. */
export const NEWS_VERSION_SCHEME = 'news-version';

/** How two versions are shown: their normalised bodies, or the files as they are. */
export type VersionView = 'normalized' | 'raw';

/** The two documents a version diff opened, and how. */
export interface OpenedVersionDiff {
  original: vscode.Uri;
  modified: vscode.Uri;
  view: VersionView;
}

/**
 * The URI of a file's normalised view. Like the git extension's `toGitUri`, it keeps the file's
 * path (so the tab shows its name) and carries the file's own URI in the query.
 */
export function toNewsVersionUri(file: vscode.Uri): vscode.Uri {
  return file.with({
    scheme: NEWS_VERSION_SCHEME,
    query: JSON.stringify({ uri: file.toString() }),
  });
}

/** The file a normalised-view URI shows, or undefined for a URI not made by `toNewsVersionUri`. */
export function fromNewsVersionUri(uri: vscode.Uri): vscode.Uri | undefined {
  try {
    const parsed: unknown = JSON.parse(uri.query);
    const file = (parsed as { uri?: unknown }).uri;
    return typeof file === 'string' ? vscode.Uri.parse(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a file: that of its open document when there is one (with unsaved edits), else from disk. */
export async function readArticleText(file: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find(
    (document) => document.uri.toString() === file.toString(),
  );
  if (open) return open.getText();
  const decoded = decodeText(await vscode.workspace.fs.readFile(file));
  if (!decoded.ok) throw new Error(`${file.fsPath} cannot be shown: ${decoded.reason}`);
  return decoded.text;
}

/**
 * Serves `news-version:` documents: the normalised view of an article (body only, one paragraph a
 * line, quotes and white space normalised, repeated captions collapsed), updated when the file
 * is edited in an editor.
 */
export function registerNewsVersionProvider(): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const refresh = (file: vscode.Uri) => {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== NEWS_VERSION_SCHEME) continue;
      if (fromNewsVersionUri(document.uri)?.toString() === file.toString())
        changed.fire(document.uri);
    }
  };
  return vscode.Disposable.from(
    changed,
    vscode.workspace.onDidSaveTextDocument((document) => refresh(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.scheme !== NEWS_VERSION_SCHEME) refresh(event.document.uri);
    }),
    vscode.workspace.registerTextDocumentContentProvider(NEWS_VERSION_SCHEME, {
      onDidChange: changed.event,
      async provideTextDocumentContent(uri) {
        const file = fromNewsVersionUri(uri);
        if (!file) return '';
        try {
          return normalizedBodyView(await readArticleText(file));
        } catch (error) {
          return `${error instanceof Error ? error.message : String(error)}\n`;
        }
      },
    }),
  );
}

/** The file name at the end of a URI's path. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Opens the built-in diff editor on two versions of an article, side by side. */
export async function openVersionDiff(
  first: vscode.Uri,
  second: vscode.Uri,
  view: VersionView,
): Promise<OpenedVersionDiff> {
  const original = view === 'normalized' ? toNewsVersionUri(first) : first;
  const modified = view === 'normalized' ? toNewsVersionUri(second) : second;
  const suffix = view === 'normalized' ? 'normalised body' : 'raw files';
  const title = `${baseName(first)} ↔ ${baseName(second)} (${suffix})`;
  await vscode.commands.executeCommand('vscode.diff', original, modified, title, {
    preview: false,
  });
  return { original, modified, view };
}
