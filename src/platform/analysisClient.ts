import * as vscode from 'vscode';
import type { AnalyzeRequest } from '../core/analysis/analysisProtocol';
import type { SemanticKind } from '../core/analysis/semanticKinds';
import type { ArticleAnalysis, EngineFault } from '../core/types';
import type { AnalysisWorker } from './analysisWorker';
import { LIMIT_SETTINGS } from './config';
import { timeSync } from './hostTimings';

/** Why an article has no analysis. */
export type AnalysisSkip =
  | { reason: 'too-large'; chars: number; limit: number }
  | { reason: 'timeout'; seconds: number }
  | { reason: 'cancelled' }
  | { reason: 'failed'; message: string };

/** The analysis of one document version, or why there is none. */
export type AnalysisOutcome =
  | {
      ok: true;
      analysis: ArticleAnalysis;
      milliseconds: number;
      /** The editor's line tokens (see `encodeHighlightTokens`), made by the worker. */
      tokens: { kinds: readonly SemanticKind[]; data: Uint32Array } | undefined;
    }
  | { ok: false; skip: AnalysisSkip };

/** What a skip means for the user, in words: a short label, the full story, and its setting. */
export interface SkipDescription {
  /** For the status bar: "analysis off". */
  label: string;
  /** One or two sentences: what was switched off, why, and what still works. */
  detail: string;
  /** The setting that controls it, when one does. */
  setting?: string;
}

/** Says what a skip switched off and which setting controls it, the same way everywhere. */
export function describeSkip(skip: AnalysisSkip): SkipDescription {
  switch (skip.reason) {
    case 'too-large':
      return {
        label: 'analysis off',
        detail:
          `This article has ${skip.chars.toLocaleString('en-US')} characters, over the limit of ` +
          `${skip.limit.toLocaleString('en-US')} (${skip.limit / 1024} KB): quotations, speakers, ` +
          'dates and entities are not highlighted, and hovers and date hints are off. The ' +
          `outline, folding and grammar still work. Setting: ${LIMIT_SETTINGS.maxFileSize}.`,
        setting: LIMIT_SETTINGS.maxFileSize,
      };
    case 'timeout':
      return {
        label: 'analysis stopped',
        detail:
          `The analysis of this article took longer than ${skip.seconds} s and was stopped: ` +
          'quotations, speakers, dates and entities are not highlighted until it is edited. The ' +
          `outline, folding and grammar still work. Setting: ${LIMIT_SETTINGS.timeout}.`,
        setting: LIMIT_SETTINGS.timeout,
      };
    case 'cancelled':
      return { label: 'analysing', detail: 'The article changed; analysing again.' };
    case 'failed':
      return {
        label: 'analysis failed',
        detail: `${skip.message} (details in the News Annotator output).`,
      };
  }
}

/** Settings the client reads on every request. */
export interface AnalysisLimits {
  maxChars: number;
  timeoutMs: number;
  /** The highlight kinds switched on, for which the worker makes the line tokens. */
  highlightKinds: SemanticKind[];
}

/** Where the analysis of a document may take its date from when the text has none. */
export type BorrowedDate = (document: vscode.TextDocument) => string | undefined;

/** Waits this long after the last edit before analysing, so typing does not queue analyses. */
const TYPING_DEBOUNCE_MS = 150;

/**
 * The extension side of the article analysis. It analyses each document version once in the
 * analysis worker (every caller for that version shares the one request), waits for typing to
 * pause, and cancels the analysis of a version that an edit made stale.
 */
export class AnalysisClient implements vscode.Disposable {
  private readonly results = new Map<
    string,
    { version: number; outcome: Promise<AnalysisOutcome> }
  >();
  /** The borrowed date each document's latest analysis was given. */
  private readonly datesGiven = new Map<string, { version: number; date: string | undefined }>();
  private readonly inFlight = new Map<string, Int32Array>();
  private readonly lastEdit = new Map<string, number>();
  /** The documents whose skip was logged, with the reason, so an edit does not log it again. */
  private readonly announced = new Map<string, AnalysisSkip['reason']>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The first engine fault logged for each document, so re-analysis after an edit logs no copy. */
  private readonly faultsLogged = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's analysis is ready or invalidated. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly worker: AnalysisWorker,
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
        this.results.delete(key);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // The worker makes the tokens for the kinds switched on: other kinds need a new request.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('newsAnnotator.highlight')) return;
        const keys = [...this.results.keys()];
        this.results.clear();
        for (const key of keys) this.changed.fire(vscode.Uri.parse(key));
      }),
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
      this.announce(document, result);
    });
    return outcome;
  }

  /** The analysis of the document's current version if it is already done, without waiting. */
  async peek(document: vscode.TextDocument): Promise<AnalysisOutcome | undefined> {
    const cached = this.results.get(document.uri.toString());
    if (!cached || cached.version !== document.version) return undefined;
    return cached.outcome;
  }

  /** Drops a document's cached analysis, so the next request analyses it again. */
  invalidate(uri: vscode.Uri): void {
    this.results.delete(uri.toString());
    this.changed.fire(uri);
  }

  /**
   * Analyses again the open documents whose borrowed date changed (the duplicate index changed);
   * the others keep their analysis.
   */
  refreshBorrowedDates(): void {
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      const given = this.datesGiven.get(key);
      if (!this.results.has(key) || given?.version !== document.version) continue;
      if (this.borrowedDate(document) !== given.date) this.invalidate(document.uri);
    }
  }

  private async startAnalysis(
    document: vscode.TextDocument,
    token: vscode.CancellationToken | undefined,
  ): Promise<AnalysisOutcome> {
    const key = document.uri.toString();
    const version = document.version;
    const sinceEdit = Date.now() - (this.lastEdit.get(key) ?? 0);
    if (sinceEdit < TYPING_DEBOUNCE_MS) {
      await new Promise((resolve) => setTimeout(resolve, TYPING_DEBOUNCE_MS - sinceEdit));
      // Typing went on during the pause: this version is stale, and the next one is asked for.
      if (document.version !== version) return { ok: false, skip: { reason: 'cancelled' } };
    }
    const { maxChars, timeoutMs, highlightKinds } = this.limits();
    const text = timeSync('analysis.getText', () => document.getText());
    if (text.length > maxChars) {
      return { ok: false, skip: { reason: 'too-large', chars: text.length, limit: maxChars } };
    }
    // An analysis still running for this document is for an older version (callers of this
    // version share this request), so its result is of no use any more.
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    this.cancelInFlight(key);
    this.inFlight.set(key, cancel);
    const tokenListener = token?.onCancellationRequested(() => {
      // Another request for this same version may still want the result; cancel only when the
      // version is stale.
      if (document.version !== version) Atomics.store(cancel, 0, 1);
    });
    const date = this.borrowedDate(document);
    this.datesGiven.set(key, { version, date });
    const request: Omit<AnalyzeRequest, 'id'> = {
      kind: 'analyze',
      key,
      text,
      date: date ?? null,
      dateFromDuplicate: date !== undefined,
      cancel: cancel.buffer as SharedArrayBuffer,
      timeoutMs,
      highlightKinds,
    };
    try {
      const response = await this.worker.analyze(request);
      switch (response.kind) {
        case 'result':
          this.log.debug(
            `analysed ${document.uri.fsPath} in ${response.milliseconds.toFixed(0)} ms`,
          );
          if (response.analysis.faults) this.logFaults(document, response.analysis.faults);
          return {
            ok: true,
            analysis: response.analysis,
            milliseconds: response.milliseconds,
            tokens: response.tokens && { kinds: highlightKinds, data: response.tokens },
          };
        case 'cancelled':
          return { ok: false, skip: { reason: 'cancelled' } };
        case 'failed':
          if (/timed out/.test(response.message)) {
            // `announce` logs it, once, with the setting that controls it.
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

  /**
   * Logs, once a document and reason, that analysis was switched off or stopped and which setting
   * controls it; typing in a large article does not repeat the line, and a later success forgets it.
   */
  private announce(document: vscode.TextDocument, outcome: AnalysisOutcome): void {
    const key = document.uri.toString();
    if (outcome.ok) {
      this.announced.delete(key);
      return;
    }
    const { reason } = outcome.skip;
    if ((reason !== 'too-large' && reason !== 'timeout') || this.announced.get(key) === reason) {
      return;
    }
    this.announced.set(key, reason);
    this.log.warn(`${document.uri.fsPath}: ${describeSkip(outcome.skip).detail}`);
  }

  /**
   * Logs what an analysis lost to errors the engine caught (the rest of it is shown), once per
   * document and error.
   */
  private logFaults(document: vscode.TextDocument, faults: readonly EngineFault[]): void {
    const key = document.uri.toString();
    const first = `${faults[0]!.lost}: ${faults[0]!.error}`;
    if (this.faultsLogged.get(key) === first) return;
    this.faultsLogged.set(key, first);
    const lost = [...new Set(faults.map((fault) => fault.lost))].join(', ');
    this.log.error(
      `${document.uri.fsPath}: the analysis caught an internal error and lost ${lost} ` +
        `(${faults[0]!.error}); the rest of it is shown. Please report it.`,
    );
  }

  /** Stops the analysis running for a document, if any; its callers get `cancelled`. */
  private cancelInFlight(key: string): void {
    const flag = this.inFlight.get(key);
    if (flag) Atomics.store(flag, 0, 1);
    this.inFlight.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelInFlight(key);
    this.results.delete(key);
    this.datesGiven.delete(key);
    this.lastEdit.delete(key);
    this.announced.delete(key);
    this.faultsLogged.delete(key);
    this.worker.forget(key);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
