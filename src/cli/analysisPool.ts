import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  AnalyzeRequest,
  AnalyzeResponse,
  SurveyRequest,
  WorkerRequest,
} from '../core/analysis/analysisProtocol';
import { ArticleAnalyzer } from '../core/analysis/articleAnalyzer';
import { surveyArticle, type ArticleSurvey } from '../core/duplicates/surveyArticle';
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
  /** The analysis as JSON text, for a caller that only writes it out (no object tree to copy). */
  analyzeToJson(job: PoolJob): Promise<string>;
  /** An article's own date and fingerprint, for borrowing dates between duplicates. */
  survey(text: string): Promise<ArticleSurvey>;
  close(): Promise<void>;
}

/** Where the worker script is; the built one next to dist/cli.js unless a caller names another. */
export interface PoolOptions {
  workerPath?: string;
}

/** The default number of parallel analyses: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Creates the pool: with `jobs` 1 the analysis runs in-process (no start-up cost for a single
 * file); otherwise `jobs` workers running dist/worker.js, the same worker the extension uses.
 * The workers start at once and load compromise and chrono while the caller is still reading.
 */
export function createAnalysisPool(jobs: number, options: PoolOptions = {}): AnalysisPool {
  if (jobs <= 1) {
    // One analyser for the whole run: paragraphs repeated across articles (boilerplate, exact
    // copies of a story) are analysed once. Workers take a fresh one per article instead (see
    // `analyzeRequest`).
    const analyzer = new ArticleAnalyzer();
    const analyze = (job: PoolJob): ArticleAnalysis =>
      analyzer.analyze(job.text, { date: job.date, dateFromDuplicate: job.dateFromDuplicate });
    return {
      analyze: async (job) => analyze(job),
      analyzeToJson: async (job) => JSON.stringify(analyze(job)),
      survey: async (text) => surveyArticle(text),
      close: async () => undefined,
    };
  }
  return new WorkerPool(jobs, options.workerPath ?? join(__dirname, 'worker.js'));
}

/**
 * Jobs given to a worker at once: the one it runs and the next, so that it starts the next
 * article as soon as it posts a result instead of waiting for this thread to send one.
 */
const JOBS_PER_WORKER = 2;

/** A request the pool sends on behalf of a caller; it adds the id. */
type JobRequest = Omit<AnalyzeRequest, 'id'> | Omit<SurveyRequest, 'id'>;

interface Job {
  request: AnalyzeRequest | SurveyRequest;
  settle: (response: AnalyzeResponse) => void;
  fail: (error: Error) => void;
}

interface WorkerSlot {
  worker: Worker;
  /** The jobs posted to this worker, oldest (the one running) first. */
  jobs: Map<number, Job>;
}

class WorkerPool implements AnalysisPool {
  private readonly slots: WorkerSlot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly workerPath: string,
  ) {
    for (let i = 0; i < size; i++) this.startWorker();
  }

  async analyze(job: PoolJob): Promise<ArticleAnalysis> {
    const response = await this.run(analyzeRequest(job, 'object'));
    if (response.kind === 'result') return response.analysis;
    throw new Error(describeFailure(response));
  }

  async analyzeToJson(job: PoolJob): Promise<string> {
    const response = await this.run(analyzeRequest(job, 'json'));
    if (response.kind === 'resultJson') return response.json;
    throw new Error(describeFailure(response));
  }

  async survey(text: string): Promise<ArticleSurvey> {
    const response = await this.run({ kind: 'survey', text });
    if (response.kind === 'survey') return response.survey;
    throw new Error(describeFailure(response));
  }

  private run(request: JobRequest): Promise<AnalyzeResponse> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((settle, fail) => {
      const id = this.nextId++;
      this.queue.push({ request: { ...request, id } as Job['request'], settle, fail });
      this.dispatch();
    });
  }

  /** Hands queued jobs to the least busy workers, starting workers to replace failed ones. */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot: WorkerSlot | undefined;
      for (const candidate of this.slots) {
        if (
          candidate.jobs.size < JOBS_PER_WORKER &&
          (!slot || candidate.jobs.size < slot.jobs.size)
        )
          slot = candidate;
      }
      if (!slot && this.slots.length < this.size) slot = this.startWorker();
      if (!slot) return;
      const job = this.queue.shift()!;
      if (slot.jobs.size === 0) slot.worker.ref(); // A job under way keeps the process alive.
      slot.jobs.set(job.request.id, job);
      slot.worker.postMessage(job.request);
    }
  }

  private startWorker(): WorkerSlot {
    const slot: WorkerSlot = { worker: new Worker(this.workerPath), jobs: new Map() };
    // An idle worker does not keep the process alive; `dispatch` refs it while it has jobs.
    slot.worker.unref();
    slot.worker.on('message', (response: AnalyzeResponse) => {
      const job = slot.jobs.get(response.id);
      if (!job) return;
      slot.jobs.delete(response.id);
      if (slot.jobs.size === 0) slot.worker.unref();
      job.settle(response);
      this.dispatch();
    });
    slot.worker.on('error', (error: Error) =>
      this.retire(slot, `the analysis worker failed: ${error.message}`),
    );
    slot.worker.on('exit', (code: number) =>
      this.retire(slot, `the analysis worker stopped (exit code ${code})`),
    );
    slot.worker.postMessage({ kind: 'warm' } satisfies WorkerRequest);
    this.slots.push(slot);
    return slot;
  }

  /**
   * A worker that died fails the job it was running; the jobs waiting behind it never started,
   * so they go back to the front of the queue for the other workers or a replacement.
   */
  private retire(slot: WorkerSlot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // 'error' is followed by 'exit': the first one retired it.
    this.slots.splice(index, 1);
    if (this.closed) return;
    const [running, ...waiting] = slot.jobs.values();
    slot.jobs.clear();
    this.queue.unshift(...waiting);
    running?.fail(new Error(reason));
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.fail(new Error('the analysis pool is closed'));
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      for (const job of slot.jobs.values()) job.fail(new Error('the analysis pool is closed'));
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

function analyzeRequest(job: PoolJob, reply: 'object' | 'json'): JobRequest {
  return {
    kind: 'analyze',
    // No document key: each article gets a fresh analyser. Caches kept for the whole run made
    // each worker's heap 100 MB larger and its garbage collection dearer than the hits saved on
    // distinct articles (bench/cliThroughput.ts: 7.3 s against 6.6 s on 10 MB).
    text: job.text,
    date: job.date,
    dateFromDuplicate: job.dateFromDuplicate,
    reply,
  };
}

function describeFailure(response: AnalyzeResponse): string {
  if (response.kind === 'failed') return response.message;
  if (response.kind === 'cancelled') return 'analysis cancelled';
  return `unexpected worker response "${response.kind}"`;
}
