import type { ArticleSurvey } from '../duplicates/surveyArticle';
import type { ArticleAnalysis } from '../types';

/** Asks the analysis worker to analyse one article. */
export interface AnalyzeRequest {
  kind: 'analyze';
  id: number;
  /**
   * Identifies the document across versions, so the worker can reuse its paragraph cache.
   * Without one the worker keeps nothing of the analysis (the CLI's one-off articles).
   */
  key?: string;
  text: string;
  /** A date supplied from outside the text (`--date`, JSON Lines, a duplicate version). */
  date?: string | null;
  /** Where a supplied date came from, when it was borrowed from a duplicate version. */
  dateFromDuplicate?: boolean;
  /** One Int32 set to 1 by the requester to cancel; checked between paragraphs. */
  cancel?: SharedArrayBuffer;
  /** Analysis stops after this many milliseconds and reports a timeout. */
  timeoutMs?: number;
  /**
   * `json`: the analysis comes back as JSON text (`resultJson`), for a caller that only writes it
   * out; copying a string between threads costs far less than copying the object tree.
   */
  reply?: 'object' | 'json';
}

/** Tells the worker that a document is closed, so its cache can go. */
export interface ForgetRequest {
  kind: 'forget';
  key: string;
}

/** Asks the worker for an article's own date and fingerprint (`surveyArticle`), for borrowing. */
export interface SurveyRequest {
  kind: 'survey';
  id: number;
  text: string;
}

/** Asks the worker to load compromise and chrono now, before the first article arrives. */
export interface WarmRequest {
  kind: 'warm';
}

/** A message to the analysis worker. */
export type WorkerRequest = AnalyzeRequest | SurveyRequest | ForgetRequest | WarmRequest;

/** The worker's answer to one request. */
export type AnalyzeResponse =
  | { kind: 'result'; id: number; analysis: ArticleAnalysis; milliseconds: number }
  | { kind: 'resultJson'; id: number; json: string; milliseconds: number }
  | { kind: 'survey'; id: number; survey: ArticleSurvey }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };
