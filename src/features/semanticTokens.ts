import * as vscode from 'vscode';
import { buildHighlightSpans } from '../core/analysis/highlightSpans';
import { encodeHighlightTokens, TOKEN_FIELDS } from '../core/analysis/highlightTokens';
import { SEMANTIC_KINDS, type SemanticKind } from '../core/analysis/semanticKinds';
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
 * whole document and for a range (big files). The worker analyses the article and turns its spans
 * into line tokens; this provider only re-encodes them, so a 1 MB article costs the extension
 * host about a millisecond. It works on lines of any length, where the TextMate grammar stops at
 * 20,000 characters.
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
    // A highlight setting change drops the analyses, which fires this too.
    analyses.onDidChange(() => changed.fire()),
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
  return timeSync(range ? 'semanticTokens.range' : 'semanticTokens.document', () => {
    // The worker made the line tokens for the kinds on when it analysed; only a settings change
    // since then leaves them to be made here.
    const kinds = SEMANTIC_KINDS.filter((kind) => enabled[kind]);
    const lines =
      outcome.tokens && sameKinds(outcome.tokens.kinds, kinds)
        ? outcome.tokens.data
        : encodeHighlightTokens(document.getText(), buildHighlightSpans(outcome.analysis, enabled))
            .data;
    return new vscode.SemanticTokens(relativeEncoding(lines, range));
  });
}

function sameKinds(a: readonly SemanticKind[], b: readonly SemanticKind[]): boolean {
  return a.length === b.length && a.every((kind, index) => kind === b[index]);
}

/**
 * The editor's encoding of line tokens (each line and start relative to the token before), for
 * the whole document or for the lines of a range. Tokens are sorted by line, so a range starts
 * with a binary search.
 */
function relativeEncoding(lines: Uint32Array, range: vscode.Range | undefined): Uint32Array {
  const count = lines.length / TOKEN_FIELDS;
  let first = 0;
  let last = count;
  if (range) {
    first = firstTokenOnOrAfter(lines, range.start.line);
    last = firstTokenOnOrAfter(lines, range.end.line + 1);
  }
  const data = new Uint32Array((last - first) * TOKEN_FIELDS);
  let previousLine = 0;
  let previousStart = 0;
  for (let token = first, out = 0; token < last; token++, out += TOKEN_FIELDS) {
    const at = token * TOKEN_FIELDS;
    const line = lines[at]!;
    const start = lines[at + 1]!;
    data[out] = line - previousLine;
    data[out + 1] = line === previousLine ? start - previousStart : start;
    data[out + 2] = lines[at + 2]!;
    data[out + 3] = lines[at + 3]!;
    data[out + 4] = lines[at + 4]!;
    previousLine = line;
    previousStart = start;
  }
  return data;
}

function firstTokenOnOrAfter(lines: Uint32Array, line: number): number {
  let low = 0;
  let high = lines.length / TOKEN_FIELDS;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle * TOKEN_FIELDS]! < line) low = middle + 1;
    else high = middle;
  }
  return low;
}
