/**
 * The analysis worker: a Node worker thread that owns compromise, chrono and the paragraph caches,
 * so the extension host's thread and the CLI's main thread only move messages.
 */
import { parentPort } from 'node:worker_threads';
import { ArticleAnalyzer, AnalysisCancelled } from './core/analysis/articleAnalyzer';
import type { AnalyzeResponse, WorkerRequest } from './core/analysis/analysisProtocol';
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
  if (request.kind === 'forget') {
    analyzers.delete(request.key);
    return;
  }
  if (request.kind === 'warm') {
    new ArticleAnalyzer().analyze(WARM_UP_TEXT);
    return;
  }
  if (request.kind === 'survey') {
    let response: AnalyzeResponse;
    try {
      response = { kind: 'survey', id: request.id, survey: surveyArticle(request.text) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response = { kind: 'failed', id: request.id, message };
    }
    parentPort!.postMessage(response);
    return;
  }
  const flag = request.cancel ? new Int32Array(request.cancel) : undefined;
  const deadline = request.timeoutMs ? Date.now() + request.timeoutMs : Infinity;
  const started = performance.now();
  let response: AnalyzeResponse;
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
    response =
      request.reply === 'json'
        ? { kind: 'resultJson', id: request.id, json: JSON.stringify(analysis), milliseconds }
        : { kind: 'result', id: request.id, analysis, milliseconds };
  } catch (error) {
    if (error instanceof AnalysisCancelled && error.reason === 'cancelled') {
      response = { kind: 'cancelled', id: request.id };
    } else {
      response = {
        kind: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
  parentPort!.postMessage(response);
});
