import * as vscode from 'vscode';
import type { FingerprintOutcome } from '../core/analysis/analysisProtocol';
import { chooseBorrowedDate } from '../core/duplicates/borrowDate';
import {
  DuplicateIndex,
  type DuplicateCluster,
  type DuplicateMatch,
} from '../core/duplicates/duplicateIndex';
import { readConfig } from './config';
import { timeSync } from './hostTimings';
import { getOutputChannel } from './outputChannel';

/** Files larger than this are skipped: no news article is 5 MB, a data dump or archive can be. */
export const MAX_INDEXED_BYTES = 5 * 1024 * 1024;
/** The scan reports its progress at most this often. */
const PROGRESS_MS = 100;
/** Changes are written to storage this long after the last one, not on every file. */
const SAVE_DEBOUNCE_MS = 2000;
const STORAGE_FILE = 'duplicate-index.json';
const STORAGE_VERSION = 1;

/** What the index remembers of a file besides its fingerprint: enough to skip it when unchanged. */
interface FileRecord {
  mtime: number;
  size: number;
  /** The file's own date (header, dateline or text), never a borrowed one. */
  date: string | null;
}

interface StoredIndex {
  version: number;
  index: unknown;
  files: Record<string, FileRecord>;
}

/**
 * Reads a file's bytes as an article and fingerprints it: the analysis worker's job, because it
 * grows with the file and the article date may load chrono.
 */
export type Fingerprinter = (bytes: Uint8Array) => Promise<FingerprintOutcome>;

/** How a build went: how many files were read, reused from storage and skipped. */
export interface IndexBuildReport {
  files: number;
  fingerprinted: number;
  reused: number;
  skipped: number;
  cancelled: boolean;
  milliseconds: number;
}

/**
 * The workspace's duplicate index: built in the background on first need (never at activation),
 * kept up to date by a file watcher on the include globs, and persisted in the extension's storage
 * with each file's mtime and size, so that a reload re-fingerprints only the files that changed.
 * Every change to the index runs one file at a time through one queue, so a file deleted while a
 * scan reads it ends up removed, whatever the order of events.
 */
export class DuplicateIndexService implements vscode.Disposable {
  private index = new DuplicateIndex();
  private readonly files = new Map<string, FileRecord>();
  private loaded: Promise<void> | undefined;
  private building: Promise<IndexBuildReport> | undefined;
  private complete = false;
  private queue: Promise<unknown> = Promise.resolve();
  private saveTimer: NodeJS.Timeout | undefined;
  private watchers: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Fires when files were added to, changed in or removed from the index. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storageDir: vscode.Uri | undefined,
    private readonly fingerprint: Fingerprinter,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('newsAnnotator.duplicates')) return;
        this.complete = false;
        if (this.watchers.length > 0) this.watchIncludes();
        if (this.loaded) void this.ensureIndex('background');
      }),
    );
  }

  /** True once a full scan of the workspace has finished. */
  get isComplete(): boolean {
    return this.complete;
  }

  /**
   * Builds the index if it is not complete, and resolves when it is (or was cancelled). A `notify`
   * build shows a cancellable notification; a `background` one only a status bar progress.
   */
  ensureIndex(mode: 'notify' | 'background' = 'notify'): Promise<IndexBuildReport> {
    if (this.building) return this.building;
    if (this.complete) return Promise.resolve(emptyReport());
    const location =
      mode === 'notify' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    this.building = Promise.resolve(
      vscode.window.withProgress(
        { location, title: 'News Annotator: indexing duplicate versions', cancellable: true },
        (progress, token) => this.build(progress, token),
      ),
    ).finally(() => (this.building = undefined));
    return this.building;
  }

  /** The file's duplicates, the best first, at the configured threshold. */
  duplicatesOf(uri: vscode.Uri): DuplicateMatch[] {
    const id = uri.toString();
    if (!this.index.has(id)) return [];
    return this.index.query(id, { threshold: readConfig(uri).duplicates.threshold });
  }

  /** Every cluster of versions at the configured threshold. */
  clusters(): DuplicateCluster[] {
    return this.index.clusters(readConfig().duplicates.threshold);
  }

  /** The file's own date as indexed (header, dateline or text), or null. */
  dateOf(uri: vscode.Uri | string): string | null {
    return this.files.get(uri.toString())?.date ?? null;
  }

  /** True when the file is in the index. */
  has(uri: vscode.Uri): boolean {
    return this.index.has(uri.toString());
  }

  /**
   * The date an undated article borrows from its closest dated duplicate, for the analysis. It
   * never builds in the foreground: before the index is ready it starts a background build and
   * returns undefined; `onDidChange` fires when the build ends, so the analysis runs again.
   */
  borrowedDateFor(document: vscode.TextDocument): string | undefined {
    if (!this.complete) {
      void this.ensureIndex('background');
      return undefined;
    }
    const id = document.uri.toString();
    if (!this.index.has(id) || this.dateOf(id)) return undefined;
    return timeSync(
      'duplicates.borrowDate',
      () =>
        chooseBorrowedDate(this.duplicatesOf(document.uri), (other) => this.dateOf(other))?.date,
    );
  }

  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.save();
    }
    for (const watcher of this.watchers) watcher.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async build(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<IndexBuildReport> {
    const started = Date.now();
    this.loaded ??= this.load();
    await this.loaded;
    if (this.watchers.length === 0) this.watchIncludes();
    const { include, maxFiles } = readConfig().duplicates;
    const found = new Map<string, vscode.Uri>();
    for (const glob of include) {
      if (token.isCancellationRequested || found.size >= maxFiles) break;
      for (const uri of await vscode.workspace.findFiles(glob, undefined, maxFiles, token)) {
        if (found.size >= maxFiles) break;
        found.set(uri.toString(), uri);
      }
    }
    const report = emptyReport();
    report.files = found.size;
    // Files indexed earlier that no longer match (deleted while closed, or a changed setting) go.
    if (!token.isCancellationRequested) {
      for (const id of [...this.index.keys()]) {
        if (!found.has(id)) await this.exclusive(() => this.forget(id));
      }
    }
    // Each file is fingerprinted in the analysis worker, so the extension host's thread only
    // stats, reads and adds to the index between two awaits.
    let reported = Date.now();
    let done = 0;
    let doneAtReport = 0;
    for (const uri of found.values()) {
      if (token.isCancellationRequested) break;
      const outcome = await this.exclusive(() => this.indexFile(uri));
      report[outcome]++;
      done++;
      if (Date.now() - reported >= PROGRESS_MS) {
        progress.report({
          message: `${done} of ${found.size} files`,
          increment: (100 * (done - doneAtReport)) / Math.max(1, found.size),
        });
        reported = Date.now();
        doneAtReport = done;
      }
    }
    report.cancelled = token.isCancellationRequested;
    report.milliseconds = Date.now() - started;
    this.complete = !report.cancelled;
    getOutputChannel().info(
      `Duplicate index: ${report.files} files, ${report.fingerprinted} fingerprinted, ` +
        `${report.reused} unchanged, ${report.skipped} skipped in ${report.milliseconds} ms` +
        `${report.cancelled ? ', cancelled' : ''}.`,
    );
    // A finished build is saved at once, so that a reload soon after does not redo it.
    await this.save();
    this.changed.fire();
    return report;
  }

  /** Runs index changes one at a time, in the order they were asked for. */
  private exclusive<T>(task: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Fingerprints one file unless its mtime and size are those indexed; skips bad files. */
  private async indexFile(uri: vscode.Uri): Promise<'fingerprinted' | 'reused' | 'skipped'> {
    const id = uri.toString();
    const log = getOutputChannel();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.forget(id);
      log.warn(`Duplicate index: skipped ${uri.fsPath}: the file vanished.`);
      return 'skipped';
    }
    const known = this.files.get(id);
    if (known && known.mtime === stat.mtime && known.size === stat.size && this.index.has(id)) {
      return 'reused';
    }
    if (stat.size > MAX_INDEXED_BYTES) {
      this.forget(id);
      log.warn(`Duplicate index: skipped ${uri.fsPath}: ${stat.size} bytes is over the 5 MB cap.`);
      return 'skipped';
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      this.forget(id);
      log.warn(`Duplicate index: skipped ${uri.fsPath}: ${describe(error)}.`);
      return 'skipped';
    }
    const outcome = await this.fingerprint(bytes);
    if (!outcome.ok) {
      this.forget(id);
      log.warn(`Duplicate index: skipped ${uri.fsPath}: ${outcome.reason}.`);
      return 'skipped';
    }
    timeSync('duplicates.add', () => this.index.add(id, outcome.fingerprint));
    this.files.set(id, { mtime: stat.mtime, size: stat.size, date: outcome.date });
    return 'fingerprinted';
  }

  private forget(id: string): void {
    this.index.remove(id);
    this.files.delete(id);
  }

  /** Watches the include globs; each event updates one file through the queue. */
  private watchIncludes(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    const update = (uri: vscode.Uri) =>
      void this.exclusive(async () => {
        await this.indexFile(uri);
        this.afterChange();
      });
    const remove = (uri: vscode.Uri) =>
      void this.exclusive(() => {
        if (!this.index.has(uri.toString())) return;
        this.forget(uri.toString());
        this.afterChange();
      });
    for (const glob of readConfig().duplicates.include) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      this.watchers.push(
        watcher,
        watcher.onDidCreate(update),
        watcher.onDidChange(update),
        watcher.onDidDelete(remove),
      );
    }
  }

  private afterChange(): void {
    this.scheduleSave();
    this.changed.fire();
  }

  private storageFile(): vscode.Uri | undefined {
    return this.storageDir && vscode.Uri.joinPath(this.storageDir, STORAGE_FILE);
  }

  /** Loads the stored index; a missing, stale or damaged file just means a full build. */
  private async load(): Promise<void> {
    const file = this.storageFile();
    if (!file) return;
    let stored: Partial<StoredIndex> | null;
    try {
      const bytes = await vscode.workspace.fs.readFile(file);
      stored = timeSync('duplicates.loadParse', () => JSON.parse(new TextDecoder().decode(bytes)));
    } catch {
      return;
    }
    const index = timeSync(
      'duplicates.load',
      () => stored?.version === STORAGE_VERSION && DuplicateIndex.fromJSON(stored.index),
    );
    if (!index) return;
    this.index = index;
    for (const [id, record] of Object.entries(stored?.files ?? {})) {
      if (index.has(id)) this.files.set(id, record);
    }
    for (const id of [...index.keys()]) if (!this.files.has(id)) index.remove(id);
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DEBOUNCE_MS);
  }

  private async save(): Promise<void> {
    const file = this.storageFile();
    if (!file || !this.storageDir) return;
    const bytes = timeSync('duplicates.save', () => {
      const stored: StoredIndex = {
        version: STORAGE_VERSION,
        index: this.index.toJSON(),
        files: Object.fromEntries(this.files),
      };
      return new TextEncoder().encode(JSON.stringify(stored));
    });
    try {
      await vscode.workspace.fs.createDirectory(this.storageDir);
      await vscode.workspace.fs.writeFile(file, bytes);
    } catch (error) {
      getOutputChannel().warn(
        `Duplicate index: could not save to ${file.fsPath}: ${describe(error)}.`,
      );
    }
  }
}

function emptyReport(): IndexBuildReport {
  return {
    files: 0,
    fingerprinted: 0,
    reused: 0,
    skipped: 0,
    cancelled: false,
    milliseconds: 0,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
