import * as vscode from 'vscode';
import type { AnalysisClient } from '../platform/analysisClient';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import { readConfig } from '../platform/config';
import { timeSync } from '../platform/hostTimings';

/**
 * Inlay hints that show what a relative date means: "last month" is followed by `2017-11`. Dates
 * that already spell out their year ("October 2017") get none.
 */
export function registerDateHints(analyses: AnalysisClient): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    changed,
    analyses.onDidChange(() => changed.fire()),
    vscode.languages.registerInlayHintsProvider(ARTICLE_SELECTOR, {
      onDidChangeInlayHints: changed.event,
      async provideInlayHints(document, range, token) {
        if (!readConfig(document.uri).showResolvedDates) return [];
        const outcome = await analyses.analyze(document, token);
        if (token.isCancellationRequested || !outcome.ok) return [];
        return timeSync('inlayHints', () => {
          const from = document.offsetAt(range.start);
          const to = document.offsetAt(range.end);
          return outcome.analysis.dates
            .filter((date) => date.value !== null && !/\d{4}/.test(date.text))
            .filter((date) => date.end > from && date.start < to)
            .map((date) => {
              const hint = new vscode.InlayHint(document.positionAt(date.end), `→ ${date.value}`);
              hint.paddingLeft = true;
              hint.tooltip = `Resolved against the article date ${outcome.analysis.date ?? ''}`;
              return hint;
            });
        });
      },
    }),
  );
}
