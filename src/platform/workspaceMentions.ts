import * as vscode from 'vscode';
import { decodeText } from '../core/text/decodeText';
import { LIMITS, readConfig } from './config';
import { timeSync } from './hostTimings';
import { readFileBytes, statFile, watchedGlobs } from './workspaceFiles';
import { canSearchWorkspace } from './workspaceSearch';

/** How long a hover waits for a search before showing the card without it. */
const HOVER_BUDGET_MS = 400;

/**
 * Finds the other workspace articles that mention a name, for hover cards. A search reads the
 * article files (the duplicate index's include globs) once per name and is remembered until a
 * article file changes; a hover waits for it only briefly, and a later hover shows the finished
 * result. Changes to other files (logs, builds) keep the results: nothing is re-read for them.
 */
export class WorkspaceMentions implements vscode.Disposable {
  private readonly searches = new Map<string, Promise<vscode.Uri[]>>();
  private readonly watchers: vscode.Disposable[] = [];
  private articleWatchers: vscode.Disposable[] = [];

  constructor() {
    this.watchArticles();
    this.watchers.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsAnnotator.duplicates.include')) this.watchArticles();
      }),
    );
  }

  /** Watches the article files (the duplicate index's include globs); a change forgets the results. */
  private watchArticles(): void {
    for (const watcher of this.articleWatchers) watcher.dispose();
    this.articleWatchers = [];
    this.searches.clear();
    const forget = (): void => this.searches.clear();
    for (const glob of watchedGlobs(readConfig().duplicates.include)) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      this.articleWatchers.push(
        watcher,
        watcher.onDidChange(forget),
        watcher.onDidCreate(forget),
        watcher.onDidDelete(forget),
      );
    }
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
    if (!canSearchWorkspace()) return [];
    const patterns = names
      .filter((name) => name.length > 1)
      .map((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u'));
    const files: vscode.Uri[] = [];
    for (const glob of readConfig().duplicates.include) {
      files.push(
        ...(await vscode.workspace.findFiles(glob, '**/node_modules/**', LIMITS.maxSearchedFiles)),
      );
    }
    const unique = [...new Map(files.map((uri) => [uri.toString(), uri])).values()].slice(
      0,
      LIMITS.maxSearchedFiles,
    );
    const found: vscode.Uri[] = [];
    for (const uri of unique) {
      try {
        // The size first: a large file is left out without being read.
        if ((await statFile(uri)).size > LIMITS.maxSearchedFileBytes) continue;
        const bytes = await readFileBytes(uri);
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
    for (const watcher of [...this.watchers, ...this.articleWatchers]) watcher.dispose();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
