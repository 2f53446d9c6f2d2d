import * as vscode from 'vscode';
import { bundledKnowledge } from '../core/knowledge/bundledKnowledge';
import { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import type { KnowledgeEntry } from '../core/knowledge/knowledgeEntry';
import { parseKnowledgeFile } from '../core/knowledge/parseKnowledgeFile';
import { decodeText } from '../core/text/decodeText';
import { LIMITS, readConfig } from './config';
import { timeSync } from './hostTimings';
import { getOutputChannel } from './outputChannel';
import { readFileBytes, statFile } from './workspaceFiles';
import { findFilesNamed } from './workspaceSearch';

const KNOWLEDGE_FILE = 'news-entities.json';
const KNOWLEDGE_GLOB = `**/${KNOWLEDGE_FILE}`;

/**
 * The knowledge base of known entities: the bundled layer plus every `news-entities.json` in the
 * workspace and the files the `newsAnnotator.knowledgeBase.extraPaths` setting names. A malformed
 * file gets one diagnostic per problem and contributes what it validly holds; the other layers
 * keep working. Files are reloaded when they change. Nothing is ever written here.
 *
 * The files are data: parsed as JSON, never executed, and their text is escaped wherever it is
 * shown. In Restricted Mode VS Code takes `extraPaths` from the user's settings only (it is a
 * restricted configuration in package.json), so an untrusted workspace cannot point the extension
 * at files outside itself; once the workspace is trusted, the base is reloaded with its own setting.
 */
export class KnowledgeService implements vscode.Disposable {
  private base: KnowledgeBase | undefined;
  private loading: Promise<KnowledgeBase> | undefined;
  /** Counts the changes seen, so that a load begun before the last change is never kept. */
  private generation = 0;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('news-annotator');
  private readonly subscriptions: vscode.Disposable[] = [this.diagnostics];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(KNOWLEDGE_GLOB);
    const reload = (): void => {
      this.generation++;
      this.base = undefined;
      this.loading = undefined;
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsAnnotator.knowledgeBase')) reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(reload),
    );
  }

  /** The merged knowledge base, loaded on first need. */
  get(): Promise<KnowledgeBase> {
    if (this.base) return Promise.resolve(this.base);
    if (!this.loading) {
      // A file can change while it is read: a load that began before the change answers the
      // callers that asked before it, but is not kept, or a deleted entry would stay for good.
      const generation = this.generation;
      this.loading = this.load().then((base) => {
        if (generation === this.generation) this.base = base;
        return base;
      });
    }
    return this.loading;
  }

  private async load(): Promise<KnowledgeBase> {
    const entries: KnowledgeEntry[] = timeSync('knowledge.bundled', () => [...bundledKnowledge()]);
    this.diagnostics.clear();
    const log = getOutputChannel();
    for (const uri of await this.knowledgeFiles()) {
      try {
        const label = vscode.workspace.asRelativePath(uri);
        // The size comes first: a 50 MB file is refused without being read.
        const { size } = await statFile(uri);
        if (size > LIMITS.maxKnowledgeFileBytes) {
          const message =
            `Not loaded: the file is ${(size / 1024 / 1024).toFixed(1)} MB; knowledge-base files ` +
            `over ${LIMITS.maxKnowledgeFileBytes / 1024 / 1024} MB are not read (a fixed limit).`;
          this.report(uri, '', [{ message, offset: 0 }]);
          log.warn(`Knowledge base: ${label}: ${message}`);
          continue;
        }
        const decoded = decodeText(await readFileBytes(uri));
        if (!decoded.ok) {
          this.report(uri, '', [{ message: `Not loaded: ${decoded.reason}.`, offset: 0 }]);
          log.warn(`Knowledge base: ${label}: not loaded: ${decoded.reason}.`);
          continue;
        }
        const parsed = timeSync('knowledge.parseFile', () =>
          parseKnowledgeFile(decoded.text, label),
        );
        entries.push(...parsed.entries);
        this.report(uri, decoded.text, parsed.problems);
      } catch (error) {
        getOutputChannel().warn(`knowledge base ${uri.fsPath}: ${String(error)}`);
      }
    }
    return timeSync('knowledge.merge', () => new KnowledgeBase(entries));
  }

  private async knowledgeFiles(): Promise<vscode.Uri[]> {
    const limit = LIMITS.maxKnowledgeFiles;
    const found = await findFilesNamed(KNOWLEDGE_FILE, limit + 1);
    if (found.length > limit) {
      found.length = limit;
      getOutputChannel().warn(
        `Knowledge base: the workspace has more than ${limit} ${KNOWLEDGE_FILE} files; ` +
          `only ${limit} are read (a fixed limit).`,
      );
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const path of readConfig(folder.uri).knowledgeBaseExtraPaths) {
        found.push(vscode.Uri.joinPath(folder.uri, path));
      }
    }
    return found;
  }

  private report(
    uri: vscode.Uri,
    text: string,
    problems: Array<{ message: string; offset: number }>,
  ): void {
    const positionAt = (offset: number): vscode.Position => {
      const before = text.slice(0, offset).split(/\r\n|\r|\n/);
      return new vscode.Position(before.length - 1, before[before.length - 1]!.length);
    };
    this.diagnostics.set(
      uri,
      problems.map((problem) => {
        const at = positionAt(problem.offset);
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(at, at.translate(0, 1)),
          problem.message,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'News Annotator';
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
