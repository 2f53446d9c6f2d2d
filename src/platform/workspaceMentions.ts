import * as vscode from 'vscode';
import { decodeText } from '../core/text/decodeText';
import { readConfig } from './config';
import { timeSync } from './hostTimings';

/** How many workspace articles one search reads at most. */
const MAX_SEARCHED_FILES = 2000;
/** Files larger than this are not searched. */
const MAX_SEARCHED_BYTES = 2 * 1024 * 1024;
/** How long a hover waits for a search before showing the card without it. */
const HOVER_BUDGET_MS = 400;

/**
 * Finds the other workspace articles that mention a name, for hover cards. A search reads the
 * article files (the duplicate index's include globs) once per name and is remembered until a
 * file changes; a hover waits for it only briefly, and a later hover shows the finished result.
 */
export class WorkspaceMentions implements vscode.Disposable {
  private readonly searches = new Map<string, Promise<vscode.Uri[]>>();
  private readonly watchers: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const forget = (): void => this.searches.clear();
    this.watchers.push(
      watcher,
      watcher.onDidChange(forget),
      watcher.onDidCreate(forget),
      watcher.onDidDelete(forget),
    );
  }

  /** Articles other than `exclude` whose text contains any of the names as whole words. */
  async articlesMentioning(
    names: readonly string[],
    exclude: vscode.Uri,
  ): Promise<vscode.Uri[] | undefined> {
    const key = [...names].sort().join('\u0000');
    let search = this.searches.get(key);
    if (!search) {
      search = this.search(names);
      this.searches.set(key, search);
    }
    const timeout = new Promise<undefined>((resolve) =>
      setTimeout(() => resolve(undefined), HOVER_BUDGET_MS),
    );
    const found = await Promise.race([search, timeout]);
    return found?.filter((uri) => uri.toString() !== exclude.toString());
  }

  private async search(names: readonly string[]): Promise<vscode.Uri[]> {
    const patterns = names
      .filter((name) => name.length > 1)
      .map((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u'));
    const files: vscode.Uri[] = [];
    for (const glob of readConfig().duplicates.include) {
      files.push(
        ...(await vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_SEARCHED_FILES)),
      );
    }
    const unique = [...new Map(files.map((uri) => [uri.toString(), uri])).values()].slice(
      0,
      MAX_SEARCHED_FILES,
    );
    const found: vscode.Uri[] = [];
    for (const uri of unique) {
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.length > MAX_SEARCHED_BYTES) continue;
        const mentions = timeSync('mentions.searchFile', () => {
          const decoded = decodeText(bytes);
          return decoded.ok && patterns.some((pattern) => pattern.test(decoded.text));
        });
        if (mentions) found.push(uri);
      } catch {
        // A file deleted or unreadable during the search simply does not mention the name.
      }
    }
    return found;
  }

  dispose(): void {
    for (const watcher of this.watchers) watcher.dispose();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
