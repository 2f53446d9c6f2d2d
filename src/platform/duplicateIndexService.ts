import * as vscode from 'vscode';
import type { FingerprintOutcome } from '../core/analysis/analysisProtocol';
import { chooseBorrowedDate } from '../core/duplicates/borrowDate';
import {
  clusterPairs,
  DuplicateIndex,
  type DuplicateCluster,
  type DuplicateMatch,
  type DuplicatePair,
} from '../core/duplicates/duplicateIndex';
import {
  indexStorageHeader,
  indexStorageLine,
  isCurrentIndexStorage,
  readIndexStorageLine,
} from '../core/duplicates/indexStorage';
import { LIMIT_SETTINGS, LIMITS, readConfig } from './config';
import { timeSync } from './hostTimings';
import { getOutputChannel } from './outputChannel';
import { TimeSlices } from './timeSlices';
import {
  isMissingFile,
  readFileBytes,
  statFile,
  watchedGlobs,
  type FileFacts,
} from './workspaceFiles';
import { canSearchWorkspace } from './workspaceSearch';

/** The scan reports its progress at most this often. */
const PROGRESS_MS = 100;
/** Changes are written to storage this long after the last one, not on every file. */
const SAVE_DEBOUNCE_MS = 2000;
/**
 * Listeners hear of watched changes this long after the last one, so that a folder of 100,000
 * files unpacked into the workspace makes a few change events, not 100,000 re-analyses.
 */
const CHANGE_DEBOUNCE_MS = 300;
/** JSON Lines since storage version 2; an older file is not read, and the index is rebuilt. */
const STORAGE_FILE = 'duplicate-index.jsonl';
const LEGACY_STORAGE_FILE = 'duplicate-index.json';
/** The stored index is read in pieces of this size, so that decoding is sliced too. */
const LOAD_CHUNK_BYTES = 256 * 1024;

/** What the index remembers of a file besides its fingerprint: enough to skip it when unchanged. */
interface FileRecord {
  mtime: number;
  size: number;
  /** The file's own date (header, dateline or text), never a borrowed one. */
  date: string | null;
}

/**
 * Reads a file's bytes as an article and fingerprints it: the analysis worker's job, because it
 * grows with the file and the article date may load chrono.
 */
export type Fingerprinter = (bytes: Uint8Array) => Promise<FingerprintOutcome>;

/** How a build went: how many files were read, reused from storage and skipped. */
export interface IndexBuildReport {
  files: number;
  /** True when the workspace has more article files than `newsAnnotator.duplicates.maxFiles`. */
  capped: boolean;
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
  /** Counts the changes to the index, so that remembered clusters know when they are stale. */
  private generation = 0;
  private clusterCache:
    { generation: number; threshold: number; clusters: Promise<DuplicateCluster[]> } | undefined;
  private readonly files = new Map<string, FileRecord>();
  private loaded: Promise<void> | undefined;
  private building: Promise<IndexBuildReport> | undefined;
  private complete = false;
  private queue: Promise<unknown> = Promise.resolve();
  private saveTimer: NodeJS.Timeout | undefined;
  private changeTimer: NodeJS.Timeout | undefined;
  /** True after the user cancelled a build: only the user (or a changed setting) starts another. */
  private cancelledByUser = false;
  /** True once a watched file was left out for the `maxFiles` cap, so that is said once. */
  private cappedByWatcher = false;
  /** True when the last build found more article files than `maxFiles`. */
  private cappedByBuild = false;
  /** How many skipped files this build has listed in the output, one line each. */
  private skippedListed = 0;
  /** Counts changes to the duplicates settings: a build under older settings stops and restarts. */
  private settingsGeneration = 0;
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
        this.settingsGeneration++;
        this.complete = false;
        this.cancelledByUser = false;
        this.cappedByWatcher = false;
        if (this.watchers.length > 0) this.watchIncludes();
        if (this.loaded) void this.ensureIndex('background');
      }),
    );
  }

  /** True once a full scan of the workspace has finished. */
  get isComplete(): boolean {
    return this.complete;
  }

  /** True when files were left out of the index for `newsAnnotator.duplicates.maxFiles`. */
  get isCapped(): boolean {
    return this.cappedByBuild || this.cappedByWatcher;
  }

  /**
   * Builds the index if it is not complete, and resolves when it is (or was cancelled). A `notify`
   * build shows a cancellable notification; a `background` one only a status bar progress.
   */
  ensureIndex(mode: 'notify' | 'background' = 'notify'): Promise<IndexBuildReport> {
    if (this.building) return this.building;
    if (this.complete) return Promise.resolve(emptyReport());
    if (mode === 'notify') this.cancelledByUser = false;
    const location =
      mode === 'notify' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    const buildUntilCurrent = async (): Promise<IndexBuildReport> => {
      for (;;) {
        const generation = this.settingsGeneration;
        const report = await vscode.window.withProgress(
          { location, title: 'News Annotator: indexing duplicate versions', cancellable: true },
          (progress, token) => this.build(progress, token, generation),
        );
        // A setting changed during the build: its files may be the wrong ones, so build again.
        if (report.cancelled || generation === this.settingsGeneration) return report;
      }
    };
    this.building = buildUntilCurrent().finally(() => (this.building = undefined));
    return this.building;
  }

  /** The file's duplicates, the best first, at the configured threshold. */
  duplicatesOf(uri: vscode.Uri): DuplicateMatch[] {
    const id = uri.toString();
    if (!this.index.has(id)) return [];
    return this.index.query(id, { threshold: readConfig(uri).duplicates.threshold });
  }

  /**
   * Every cluster of versions at the configured threshold. The pairs are found a slice at a time
   * (at 3,000 files it is about 0.1 s of work) and remembered until the index changes.
   */
  clusters(): Promise<DuplicateCluster[]> {
    const threshold = readConfig().duplicates.threshold;
    const cached = this.clusterCache;
    if (cached && cached.generation === this.generation && cached.threshold === threshold) {
      return cached.clusters;
    }
    const clusters = this.findClusters(threshold);
    this.clusterCache = { generation: this.generation, threshold, clusters };
    return clusters;
  }

  private async findClusters(threshold: number): Promise<DuplicateCluster[]> {
    for (;;) {
      const generation = this.generation;
      const pairs: DuplicatePair[] = [];
      const slices = new TimeSlices('duplicates.clusters');
      for (let slot = 0; slot < this.index.slotCount && generation === this.generation; slot++) {
        pairs.push(...this.index.pairsOfSlots(slot, slot + 1, threshold));
        if (slices.due) await slices.next();
      }
      const clusters = generation === this.generation ? clusterPairs(pairs) : undefined;
      slices.end();
      // A change during the search can leave pairs of files since removed: search again.
      if (clusters) return clusters;
    }
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
      // A build the user cancelled stays cancelled: analysing an article does not restart it.
      if (!this.cancelledByUser) void this.ensureIndex('background');
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
    if (this.changeTimer) clearTimeout(this.changeTimer);
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
    generation: number,
  ): Promise<IndexBuildReport> {
    const started = Date.now();
    const outdated = (): boolean => generation !== this.settingsGeneration;
    if (!canSearchWorkspace()) {
      // A virtual file system cannot list its files, so there is nothing to index; say so once.
      getOutputChannel().info(
        'Duplicate index: off, because this workspace is on a virtual file system, which offers no file search.',
      );
      this.complete = true;
      return emptyReport();
    }
    this.loaded ??= this.load();
    await this.loaded;
    if (this.watchers.length === 0) this.watchIncludes();
    const { include, maxFiles } = readConfig().duplicates;
    const found = new Map<string, vscode.Uri>();
    let capped = false;
    for (const glob of include) {
      if (token.isCancellationRequested || capped) break;
      // One more than the cap, to know whether the workspace has more.
      for (const uri of await vscode.workspace.findFiles(glob, undefined, maxFiles + 1, token)) {
        if (found.has(uri.toString())) continue;
        if (found.size >= maxFiles) {
          capped = true;
          break;
        }
        found.set(uri.toString(), uri);
      }
    }
    const report = emptyReport();
    report.files = found.size;
    report.capped = capped;
    this.cappedByBuild = capped;
    this.skippedListed = 0;
    if (capped) {
      getOutputChannel().warn(
        `Duplicate index: the workspace has more than ${maxFiles.toLocaleString('en-US')} article ` +
          `files; only the first ${maxFiles.toLocaleString('en-US')} are indexed, and the others ` +
          `have no duplicate versions. Setting: ${LIMIT_SETTINGS.maxFiles}.`,
      );
    }
    // Files indexed earlier that no longer match (deleted while closed, or a changed setting) go.
    if (!token.isCancellationRequested && !outdated()) {
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
      if (token.isCancellationRequested || outdated()) break;
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
    this.complete = !report.cancelled && !outdated();
    this.cancelledByUser = report.cancelled;
    const unlisted = report.skipped - this.skippedListed;
    getOutputChannel().info(
      `Duplicate index: ${report.files} files${report.capped ? ' (capped)' : ''}, ` +
        `${report.fingerprinted} fingerprinted, ${report.reused} unchanged, ${report.skipped} ` +
        `skipped${unlisted > 0 ? ` (${unlisted} not listed above)` : ''} in ${report.milliseconds} ms` +
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
    const skip = (reason: string): 'skipped' => {
      this.forget(id);
      // A build lists its first skipped files; past that its closing line counts the rest.
      if (this.skippedListed++ < LIMITS.skippedFilesListed) {
        getOutputChannel().warn(`Duplicate index: skipped ${uri.fsPath}: ${reason}.`);
      }
      return 'skipped';
    };
    let stat: FileFacts;
    try {
      stat = await statFile(uri);
    } catch (error) {
      return skip(isMissingFile(error) ? 'the file vanished' : describe(error));
    }
    if (stat.isDirectory) return skip('it is a folder');
    const known = this.files.get(id);
    if (known && known.mtime === stat.mtime && known.size === stat.size && this.index.has(id)) {
      return 'reused';
    }
    if (stat.size > LIMITS.maxIndexedFileBytes) {
      return skip(
        `${(stat.size / 1024 / 1024).toFixed(1)} MB is over the ` +
          `${LIMITS.maxIndexedFileBytes / 1024 / 1024} MB the index reads a file (a fixed limit)`,
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(uri);
    } catch (error) {
      return skip(isMissingFile(error) ? 'the file vanished' : describe(error));
    }
    const outcome = await this.fingerprint(bytes);
    if (!outcome.ok) return skip(outcome.reason);
    timeSync('duplicates.add', () => this.index.add(id, outcome.fingerprint));
    this.generation++;
    this.files.set(id, { mtime: stat.mtime, size: stat.size, date: outcome.date });
    return 'fingerprinted';
  }

  private forget(id: string): void {
    if (this.index.remove(id)) this.generation++;
    this.files.delete(id);
  }

  /** Watches the include globs; each event updates one file through the queue. */
  private watchIncludes(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    const update = (uri: vscode.Uri) =>
      void this.exclusive(async () => {
        const { maxFiles } = readConfig().duplicates;
        if (!this.index.has(uri.toString()) && this.index.size >= maxFiles) {
          // A new file past the cap is left out, as a build leaves it out; said once.
          if (!this.cappedByWatcher) {
            this.cappedByWatcher = true;
            getOutputChannel().warn(
              `Duplicate index: ${maxFiles.toLocaleString('en-US')} files are indexed, the ` +
                `most it takes; new article files are not indexed. Setting: ${LIMIT_SETTINGS.maxFiles}.`,
            );
          }
          return;
        }
        await this.indexFile(uri);
        this.afterChange();
      });
    const remove = (uri: vscode.Uri) =>
      void this.exclusive(() => {
        if (!this.index.has(uri.toString())) return;
        this.forget(uri.toString());
        this.afterChange();
      });
    for (const glob of watchedGlobs(readConfig().duplicates.include)) {
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
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, CHANGE_DEBOUNCE_MS);
  }

  private storageFile(): vscode.Uri | undefined {
    return this.storageDir && vscode.Uri.joinPath(this.storageDir, STORAGE_FILE);
  }

  /**
   * Loads the stored index a slice at a time; a missing, stale or damaged file just means a full
   * build, and a damaged line the re-fingerprinting of that one file.
   */
  private async load(): Promise<void> {
    const file = this.storageFile();
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      return;
    }
    const index = new DuplicateIndex();
    const files = new Map<string, FileRecord>();
    const slices = new TimeSlices('duplicates.load');
    const decoder = new TextDecoder();
    let header: boolean | undefined;
    let rest = '';
    const readLine = (line: string): void => {
      if (!line.trim()) return;
      if (header === undefined) {
        header = isCurrentIndexStorage(line);
        return;
      }
      const stored = header ? readIndexStorageLine(line) : undefined;
      if (!stored || !isFileRecord(stored.record)) return;
      index.add(stored.id, stored.fingerprint);
      files.set(stored.id, stored.record);
    };
    for (let at = 0; at < bytes.length && header !== false; at += LOAD_CHUNK_BYTES) {
      const more = at + LOAD_CHUNK_BYTES < bytes.length;
      const lines = (
        rest + decoder.decode(bytes.subarray(at, at + LOAD_CHUNK_BYTES), { stream: more })
      ).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        readLine(line);
        if (slices.due) await slices.next();
      }
    }
    readLine(rest);
    slices.end();
    if (!header) return;
    this.index = index;
    this.generation++;
    for (const [id, record] of files) this.files.set(id, record);
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DEBOUNCE_MS);
  }

  /**
   * Writes the index as JSON Lines, a slice at a time: at 10,000 files it is 30 MB, which in one
   * piece kept the extension host busy for about half a second.
   */
  private async save(): Promise<void> {
    const file = this.storageFile();
    if (!file || !this.storageDir) return;
    const encoder = new TextEncoder();
    const chunks: Uint8Array[] = [];
    const slices = new TimeSlices('duplicates.save');
    let lines = [indexStorageHeader()];
    for (const id of [...this.index.keys()]) {
      const fingerprint = this.index.get(id);
      const record = this.files.get(id);
      if (fingerprint && record) lines.push(indexStorageLine(id, fingerprint, record));
      if (slices.due) {
        chunks.push(encoder.encode(`${lines.join('\n')}\n`));
        lines = [];
        await slices.next();
      }
    }
    chunks.push(encoder.encode(`${lines.join('\n')}\n`));
    const bytes = Buffer.concat(chunks);
    slices.end();
    try {
      await vscode.workspace.fs.createDirectory(this.storageDir);
      await vscode.workspace.fs.writeFile(file, bytes);
      // The one-piece JSON of storage version 1, which nothing reads any more.
      const legacy = vscode.Uri.joinPath(this.storageDir, LEGACY_STORAGE_FILE);
      await Promise.resolve(vscode.workspace.fs.delete(legacy)).catch(() => undefined);
    } catch (error) {
      getOutputChannel().warn(
        `Duplicate index: could not save to ${file.fsPath}: ${describe(error)}.`,
      );
    }
  }
}

/** True for what `FileRecord` holds, as read back from storage. */
function isFileRecord(value: unknown): value is FileRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { mtime, size, date } = value as Record<string, unknown>;
  return (
    typeof mtime === 'number' &&
    typeof size === 'number' &&
    (date === null || typeof date === 'string')
  );
}

function emptyReport(): IndexBuildReport {
  return {
    files: 0,
    capped: false,
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
