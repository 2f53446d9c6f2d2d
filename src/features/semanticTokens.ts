import * as vscode from 'vscode';
import { buildHighlightSpans, type HighlightSpan } from '../core/analysis/highlightSpans';
import { SEMANTIC_KINDS } from '../core/analysis/semanticKinds';
import type { AnalysisClient } from '../platform/analysisClient';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import { readConfig } from '../platform/config';
import { timeSync } from '../platform/hostTimings';

/** The token types and modifiers contributed in package.json, in the same order. */
export const ARTICLE_TOKEN_LEGEND = new vscode.SemanticTokensLegend(
  [...SEMANTIC_KINDS],
  ['resolved'],
);

/**
 * Semantic highlighting of quotations, speakers, dates, people, places and organisations, for the
 * whole document and for a range (big files). The analysis runs in the worker; this provider only
 * turns offsets into line tokens, splitting spans at line breaks. It works on lines of any length,
 * where the TextMate grammar stops at 20,000 characters.
 */
export function registerSemanticTokens(analyses: AnalysisClient): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.DocumentSemanticTokensProvider &
    vscode.DocumentRangeSemanticTokensProvider = {
    onDidChangeSemanticTokens: changed.event,
    provideDocumentSemanticTokens: (document, token) =>
      tokensFor(analyses, document, undefined, token),
    provideDocumentRangeSemanticTokens: (document, range, token) =>
      tokensFor(analyses, document, range, token),
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerDocumentSemanticTokensProvider(
      ARTICLE_SELECTOR,
      provider,
      ARTICLE_TOKEN_LEGEND,
    ),
    vscode.languages.registerDocumentRangeSemanticTokensProvider(
      ARTICLE_SELECTOR,
      provider,
      ARTICLE_TOKEN_LEGEND,
    ),
    analyses.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('newsAnnotator.highlight')) changed.fire();
    }),
  );
}

async function tokensFor(
  analyses: AnalysisClient,
  document: vscode.TextDocument,
  range: vscode.Range | undefined,
  token: vscode.CancellationToken,
): Promise<vscode.SemanticTokens | undefined> {
  const outcome = await analyses.analyze(document, token);
  if (token.isCancellationRequested) throw new vscode.CancellationError();
  if (!outcome.ok) return undefined;
  const enabled = readConfig(document.uri).highlight;
  return timeSync(range ? 'semanticTokens.range' : 'semanticTokens.document', () =>
    encodeTokens(document, buildHighlightSpans(outcome.analysis, enabled), range),
  );
}

function encodeTokens(
  document: vscode.TextDocument,
  spans: readonly HighlightSpan[],
  range: vscode.Range | undefined,
): vscode.SemanticTokens {
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : Infinity;
  const builder = new vscode.SemanticTokensBuilder(ARTICLE_TOKEN_LEGEND);
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const type = SEMANTIC_KINDS.indexOf(span.kind);
    const modifiers = span.resolved ? 1 : 0;
    const start = document.positionAt(span.start);
    const end = document.positionAt(span.end);
    for (let line = start.line; line <= end.line; line++) {
      const first = line === start.line ? start.character : 0;
      const last = line === end.line ? end.character : document.lineAt(line).text.length;
      if (last > first) builder.push(line, first, last - first, type, modifiers);
    }
  }
  return builder.build();
}
