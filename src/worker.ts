/**
 * The analysis worker: a Node worker thread that owns compromise, chrono and the paragraph caches,
 * so the extension host's thread and the CLI's main thread only move messages. It also does the
 * other jobs that grow with the size of an article: it converts highlight spans to line tokens,
 * fingerprints files for the duplicate index, finds the zones of articles too long to parse on the
 * extension host, and surveys the CLI's inputs for date borrowing.
 */
import { parentPort } from 'node:worker_threads';
import type {
  AnalyzeRequest,
  AnalyzeResponse,
  FingerprintResponse,
  StructureResponse,
  WorkerRequest,
} from './core/analysis/analysisProtocol';
import { ArticleAnalyzer, AnalysisCancelled } from './core/analysis/articleAnalyzer';
import { buildHighlightSpans } from './core/analysis/highlightSpans';
import { encodeHighlightTokens } from './core/analysis/highlightTokens';
import { SEMANTIC_KINDS, type SemanticKind } from './core/analysis/semanticKinds';
import { parseArticle } from './core/article/parseArticle';
import { fingerprintFile } from './core/duplicates/fingerprintFile';
import { surveyArticle } from './core/duplicates/surveyArticle';

/** Analysers per open document; the least recently used go past this many, bounding cache memory. */
const MAX_DOCUMENTS = 16;
const analyzers = new Map<string, ArticleAnalyzer>();

function analyzerFor(key: string): ArticleAnalyzer {
  let analyzer = analyzers.get(key);
  if (analyzer) {
    analyzers.delete(key); // Re-inserted below, so the map stays in least-recently-used order.
  } else {
    analyzer = new ArticleAnalyzer();
  }
  analyzers.set(key, analyzer);
  while (analyzers.size > MAX_DOCUMENTS) analyzers.delete(analyzers.keys().next().value!);
  return analyzer;
}

/** A short article that takes every lazy path once: compromise's lexicon, chrono, quotations. */
const WARM_UP_TEXT =
  'Talks Resume\n\n"We are ready," Anna Smith told Reuters in Geneva on Tuesday.';

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'forget':
      analyzers.delete(request.key);
      return;
    case 'fingerprint': {
      const response: FingerprintResponse = {
        kind: 'fingerprint',
        id: request.id,
        outcome: fingerprintFile(request.bytes),
      };
      parentPort!.postMessage(response);
      return;
    }
    case 'analyze': {
      const response = analyze(request);
      const transfer =
        response.kind === 'result' && response.tokens
          ? [response.tokens.buffer as ArrayBuffer]
          : [];
      parentPort!.postMessage(response, transfer);
      return;
    }
    case 'structure':
      answer(request.id, () => ({
        kind: 'structure',
        id: request.id,
        structure: parseArticle(request.text),
      }));
      return;
    case 'warm':
      new ArticleAnalyzer().analyze(WARM_UP_TEXT);
      return;
    case 'survey':
      answer(request.id, () => ({
        kind: 'survey',
        id: request.id,
        survey: surveyArticle(request.text),
      }));
      return;
  }
});

/** Posts what `compute` gives, or a `failed` answer with its error's message if it throws. */
function answer(id: number, compute: () => StructureResponse | AnalyzeResponse): void {
  let response: StructureResponse | AnalyzeResponse;
  try {
    response = compute();
  } catch (error) {
    response = {
      kind: 'failed',
      id,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort!.postMessage(response);
}

function analyze(request: AnalyzeRequest): AnalyzeResponse {
  const flag = request.cancel ? new Int32Array(request.cancel) : undefined;
  const deadline = request.timeoutMs ? Date.now() + request.timeoutMs : Infinity;
  const started = performance.now();
  try {
    const analyzer = request.key === undefined ? new ArticleAnalyzer() : analyzerFor(request.key);
    const analysis = analyzer.analyze(request.text, {
      date: request.date ?? null,
      dateFromDuplicate: request.dateFromDuplicate === true,
      shouldStop: () => {
        if (flag && Atomics.load(flag, 0) === 1) return 'cancelled';
        if (Date.now() > deadline) return 'timeout';
        return undefined;
      },
    });
    const milliseconds = performance.now() - started;
    if (request.reply === 'json') {
      return { kind: 'resultJson', id: request.id, json: JSON.stringify(analysis), milliseconds };
    }
    const response: AnalyzeResponse = { kind: 'result', id: request.id, analysis, milliseconds };
    if (request.highlightKinds) {
      const wanted = new Set<SemanticKind>(request.highlightKinds);
      const enabled = Object.fromEntries(SEMANTIC_KINDS.map((kind) => [kind, wanted.has(kind)]));
      const spans = buildHighlightSpans(analysis, enabled as Record<SemanticKind, boolean>);
      response.tokens = encodeHighlightTokens(request.text, spans).data;
    }
    return response;
  } catch (error) {
    if (error instanceof AnalysisCancelled && error.reason === 'cancelled') {
      return { kind: 'cancelled', id: request.id };
    }
    return {
      kind: 'failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
