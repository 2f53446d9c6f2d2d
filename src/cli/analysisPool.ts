import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzeRequest, AnalyzeResponse } from '../core/analysis/analysisProtocol';
import { ArticleAnalyzer } from '../core/analysis/articleAnalyzer';
import type { ArticleAnalysis } from '../core/types';

/** What the pool is asked to analyse. */
export interface PoolJob {
  text: string;
  date: string | null;
  dateFromDuplicate: boolean;
}

/** Analyses articles on worker threads, or on this thread when one job runs at a time. */
export interface AnalysisPool {
  analyze(job: PoolJob): Promise<ArticleAnalysis>;
  close(): Promise<void>;
}

/** The default number of parallel analyses: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Creates the pool: with `jobs` 1 the analysis runs in-process (no start-up cost for a single
 * file); otherwise `jobs` workers running dist/worker.js, the same worker the extension uses.
 */
export function createAnalysisPool(jobs: number): AnalysisPool {
  if (jobs <= 1) {
    const analyzer = new ArticleAnalyzer();
    return {
      analyze: async (job) =>
        analyzer.analyze(job.text, { date: job.date, dateFromDuplicate: job.dateFromDuplicate }),
      close: async () => undefined,
    };
  }
  return new WorkerPool(jobs, join(__dirname, 'worker.js'));
}

class WorkerPool implements AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];
  private nextId = 1;

  constructor(size: number, workerPath: string) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerPath);
      worker.unref();
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  async analyze(job: PoolJob): Promise<ArticleAnalysis> {
    const worker = await this.acquire();
    try {
      const id = this.nextId++;
      const request: AnalyzeRequest = {
        kind: 'analyze',
        id,
        // Each job is its own document: a key per job keeps the worker's cache from mixing them.
        key: `job-${id}`,
        text: job.text,
        date: job.date,
        dateFromDuplicate: job.dateFromDuplicate,
      };
      const response = await new Promise<AnalyzeResponse>((resolve, reject) => {
        const onMessage = (message: AnalyzeResponse): void => {
          if (message.id !== id) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve(message);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.postMessage(request);
      });
      worker.postMessage({ kind: 'forget', key: request.key });
      if (response.kind === 'result') return response.analysis;
      throw new Error(response.kind === 'failed' ? response.message : 'analysis cancelled');
    } finally {
      this.release(worker);
    }
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}
