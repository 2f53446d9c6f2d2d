import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { AnalyzeRequest, AnalyzeResponse } from '../core/analysis/analysisProtocol';
import type { ArticleAnalysis } from '../core/types';
import { timeSync } from './hostTimings';

/** Why an article has no analysis. */
export type AnalysisSkip =
  | { reason: 'too-large'; chars: number; limit: number }
  | { reason: 'timeout'; seconds: number }
  | { reason: 'cancelled' }
  | { reason: 'failed'; message: string };

/** The analysis of one document version, or why there is none. */
export type AnalysisOutcome =
  { ok: true; analysis: ArticleAnalysis; milliseconds: number } | { ok: false; skip: AnalysisSkip };

/** Settings the client reads on every request. */
export interface AnalysisLimits {
  maxChars: number;
  timeoutMs: number;
}

/** Where the analysis of a document may take its date from when the text has none. */
export type BorrowedDate = (document: vscode.TextDocument) => string | undefined;

/** Waits this long after the last edit before analysing, so typing does not queue analyses. */
const TYPING_DEBOUNCE_MS = 150;

type Pending = (response: AnalyzeResponse) => void;

/**
 * The extension side of the analysis worker. It starts the worker on first need (never at
 * activation), analyses each document version once, cancels the analysis of a version that an
 * edit made stale, and restarts the worker if it dies.
 */
export class AnalysisClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly results = new Map<
    string,
    { version: number; outcome: Promise<AnalysisOutcome> }
  >();
  private readonly inFlight = new Map<string, Int32Array>();
  private readonly lastEdit = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's analysis is ready or invalidated. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly workerPath: string,
    private readonly limits: () => AnalysisLimits,
    private readonly borrowedDate: BorrowedDate,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const key = event.document.uri.toString();
        this.lastEdit.set(key, Date.now());
        this.cancelInFlight(key);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    );
  }

  /** The analysis of the document's current version; shared by every caller for that version. */
  analyze(
    document: vscode.TextDocument,
    token?: vscode.CancellationToken,
  ): Promise<AnalysisOutcome> {
    const key = document.uri.toString();
    const cached = this.results.get(key);
    if (cached && cached.version === document.version) return cached.outcome;
    const outcome = this.startAnalysis(document, token);
    this.results.set(key, { version: document.version, outcome });
    void outcome.then((result) => {
      const retry =
        !result.ok && (result.skip.reason === 'failed' || result.skip.reason === 'cancelled');
      if (retry && this.results.get(key)?.outcome === outcome) this.results.delete(key);
    });
    return outcome;
  }

  /** The analysis of the document's current version if it is already done, without waiting. */
  async peek(document: vscode.TextDocument): Promise<AnalysisOutcome | undefined> {
    const cached = this.results.get(document.uri.toString());
    if (!cached || cached.version !== document.version) return undefined;
    return cached.outcome;
  }

  /** Drops every cached analysis, for example when a borrowed date changed. */
  invalidate(uri?: vscode.Uri): void {
    if (uri) this.results.delete(uri.toString());
    else this.results.clear();
    if (uri) this.changed.fire(uri);
  }

  private async startAnalysis(
    document: vscode.TextDocument,
    token: vscode.CancellationToken | undefined,
  ): Promise<AnalysisOutcome> {
    const key = document.uri.toString();
    const { maxChars, timeoutMs } = this.limits();
    const text = timeSync('analysis.getText', () => document.getText());
    if (text.length > maxChars) {
      return { ok: false, skip: { reason: 'too-large', chars: text.length, limit: maxChars } };
    }
    const sinceEdit = Date.now() - (this.lastEdit.get(key) ?? 0);
    if (sinceEdit < TYPING_DEBOUNCE_MS) {
      await new Promise((resolve) => setTimeout(resolve, TYPING_DEBOUNCE_MS - sinceEdit));
    }
    const version = document.version;
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    this.cancelInFlight(key);
    this.inFlight.set(key, cancel);
    const tokenListener = token?.onCancellationRequested(() => {
      // Another request for this same version may still want the result; cancel only when the
      // version is stale.
      if (document.version !== version) Atomics.store(cancel, 0, 1);
    });
    const date = this.borrowedDate(document);
    const request: AnalyzeRequest = {
      kind: 'analyze',
      id: this.nextId++,
      key,
      text,
      date: date ?? null,
      dateFromDuplicate: date !== undefined,
      cancel: cancel.buffer as SharedArrayBuffer,
      timeoutMs,
    };
    try {
      const response = await this.send(request);
      switch (response.kind) {
        case 'result':
          this.log.debug(
            `analysed ${document.uri.fsPath} in ${response.milliseconds.toFixed(0)} ms`,
          );
          return { ok: true, analysis: response.analysis, milliseconds: response.milliseconds };
        case 'cancelled':
          return { ok: false, skip: { reason: 'cancelled' } };
        case 'failed':
          if (/timed out/.test(response.message)) {
            this.log.warn(`analysis of ${document.uri.fsPath} stopped: ${response.message}`);
            return { ok: false, skip: { reason: 'timeout', seconds: timeoutMs / 1000 } };
          }
          this.log.error(`analysis of ${document.uri.fsPath} failed: ${response.message}`);
          return { ok: false, skip: { reason: 'failed', message: response.message } };
        default:
          return { ok: false, skip: { reason: 'failed', message: 'unexpected worker response' } };
      }
    } finally {
      tokenListener?.dispose();
      if (this.inFlight.get(key) === cancel) this.inFlight.delete(key);
    }
  }

  private send(request: AnalyzeRequest): Promise<AnalyzeResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      const worker = this.ensureWorker();
      timeSync('worker.post', () => worker.postMessage(request));
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = timeSync('worker.start', () => new Worker(this.workerPath));
    worker.on('message', (response: AnalyzeResponse) => {
      const pending = this.pending.get(response.id);
      this.pending.delete(response.id);
      pending?.(response);
    });
    worker.on('error', (error: Error) => this.log.error(`analysis worker error: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (code !== 0)
        this.log.error(`analysis worker exited with code ${code}; it restarts on the next request`);
      for (const [id, pending] of this.pending) {
        pending({
          kind: 'failed',
          id,
          message: `the analysis worker stopped (exit code ${code})`,
        });
      }
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  private cancelInFlight(key: string): void {
    const flag = this.inFlight.get(key);
    if (flag) Atomics.store(flag, 0, 1);
    this.results.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelInFlight(key);
    this.lastEdit.delete(key);
    this.worker?.postMessage({ kind: 'forget', key });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
