import type { ArticleFingerprint } from '../duplicates/fingerprintArticle';
import type { ArticleSurvey } from '../duplicates/surveyArticle';
import type { ArticleAnalysis, ArticleStructure } from '../types';
import type { SemanticKind } from './semanticKinds';

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
  /**
   * The highlight kinds switched on; when given, the worker also returns the editor's line tokens
   * for them, so the extension host does no offset conversion.
   */
  highlightKinds?: SemanticKind[];
}

/** Asks the worker to fingerprint a file's bytes for the duplicate index. */
export interface FingerprintRequest {
  kind: 'fingerprint';
  id: number;
  bytes: Uint8Array;
}

/** Asks the worker for an article's zones (`parseArticle`), for a text too long to parse on the host. */
export interface StructureRequest {
  kind: 'structure';
  id: number;
  text: string;
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
export type WorkerRequest =
  | AnalyzeRequest
  | FingerprintRequest
  | StructureRequest
  | SurveyRequest
  | ForgetRequest
  | WarmRequest;

/** The worker's answer to one analysis request. */
export type AnalyzeResponse =
  | {
      kind: 'result';
      id: number;
      analysis: ArticleAnalysis;
      milliseconds: number;
      /** Line tokens (see `encodeHighlightTokens`) for the requested highlight kinds. */
      tokens?: Uint32Array;
    }
  | { kind: 'resultJson'; id: number; json: string; milliseconds: number }
  | { kind: 'survey'; id: number; survey: ArticleSurvey }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };

/** What fingerprinting a file gave: its fingerprint and own date, or why it is not an article. */
export type FingerprintOutcome =
  | { ok: true; fingerprint: ArticleFingerprint; date: string | null }
  | { ok: false; reason: string };

/** The worker's answer to a fingerprint request. */
export interface FingerprintResponse {
  kind: 'fingerprint';
  id: number;
  outcome: FingerprintOutcome;
}

/** The worker's answer to a structure request: the zones, or why they could not be found. */
export type StructureResponse =
  | { kind: 'structure'; id: number; structure: ArticleStructure }
  | { kind: 'failed'; id: number; message: string };

/** Any answer from the worker. */
export type WorkerResponse = AnalyzeResponse | FingerprintResponse | StructureResponse;
