import type { ArticleAnalysis } from '../types';

/** Asks the analysis worker to analyse one article. */
export interface AnalyzeRequest {
  kind: 'analyze';
  id: number;
  /** Identifies the document across versions, so the worker can reuse its paragraph cache. */
  key: string;
  text: string;
  /** A date supplied from outside the text (`--date`, JSON Lines, a duplicate version). */
  date?: string | null;
  /** Where a supplied date came from, when it was borrowed from a duplicate version. */
  dateFromDuplicate?: boolean;
  /** One Int32 set to 1 by the requester to cancel; checked between paragraphs. */
  cancel?: SharedArrayBuffer;
  /** Analysis stops after this many milliseconds and reports a timeout. */
  timeoutMs?: number;
}

/** Tells the worker that a document is closed, so its cache can go. */
export interface ForgetRequest {
  kind: 'forget';
  key: string;
}

/** A message to the analysis worker. */
export type WorkerRequest = AnalyzeRequest | ForgetRequest;

/** The worker's answer to one request. */
export type AnalyzeResponse =
  | { kind: 'result'; id: number; analysis: ArticleAnalysis; milliseconds: number }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };
