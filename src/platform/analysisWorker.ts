import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type {
  AnalyzeRequest,
  AnalyzeResponse,
  FingerprintOutcome,
  FingerprintRequest,
  FingerprintResponse,
  ForgetRequest,
  StructureRequest,
  WorkerResponse,
} from '../core/analysis/analysisProtocol';
import type { ArticleStructure } from '../core/types';
import { timeSync } from './hostTimings';

/** A request without its id: the connection numbers requests itself. */
type Unnumbered<T> = T extends { id: number } ? Omit<T, 'id'> : never;

/**
 * The extension's one analysis worker thread (dist/worker.js), shared by the article analysis
 * and the duplicate index. It starts on the first request, never at activation, and restarts on
 * the next request if it dies; requests it had not answered then fail with a message.
 */
export class AnalysisWorker implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (response: WorkerResponse) => void>();

  constructor(
    private readonly workerPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Analyses one article. */
  analyze(request: Unnumbered<AnalyzeRequest>): Promise<AnalyzeResponse> {
    return this.send(request) as Promise<AnalyzeResponse>;
  }

  /**
   * Fingerprints a file's bytes for the duplicate index. The bytes are copied, not transferred:
   * a small file's bytes can share Node's buffer pool, which must never be detached.
   */
  async fingerprint(bytes: Uint8Array): Promise<FingerprintOutcome> {
    const request: Unnumbered<FingerprintRequest> = { kind: 'fingerprint', bytes };
    const response = await this.send(request);
    if (response.kind === 'fingerprint') return (response as FingerprintResponse).outcome;
    return {
      ok: false,
      reason: response.kind === 'failed' ? response.message : 'the worker did not answer',
    };
  }

  /** Finds an article's zones in the worker, for a text too long to parse on the host's thread. */
  async structure(text: string): Promise<ArticleStructure> {
    const request: Unnumbered<StructureRequest> = { kind: 'structure', text };
    const response = await this.send(request);
    if (response.kind === 'structure') return response.structure;
    throw new Error(response.kind === 'failed' ? response.message : 'the worker did not answer');
  }

  /** Tells a running worker that a document closed; a worker that is not running has nothing. */
  forget(key: string): void {
    const message: ForgetRequest = { kind: 'forget', key };
    this.worker?.postMessage(message);
  }

  private send(
    request:
      Unnumbered<AnalyzeRequest> | Unnumbered<FingerprintRequest> | Unnumbered<StructureRequest>,
  ): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const worker = this.ensureWorker();
      timeSync('worker.post', () => worker.postMessage({ ...request, id }));
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = timeSync('worker.start', () => new Worker(this.workerPath));
    worker.on('message', (response: WorkerResponse) => {
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
        pending({ kind: 'failed', id, message: `the analysis worker stopped (exit code ${code})` });
      }
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
