import * as vscode from 'vscode';
import { DATE_SOURCE_LABELS } from '../core/cards/quoteAndDateCards';
import type { AnalysisClient, AnalysisOutcome } from '../platform/analysisClient';
import { ARTICLE_LANGUAGE } from '../platform/articleSelector';

/**
 * The status bar item for the active article: its date and where the date came from, or, when
 * analysis was switched off or stopped, what happened and which setting controls it.
 */
export function registerArticleStatus(analyses: AnalysisClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(
    'newsAnnotator.articleDate',
    vscode.StatusBarAlignment.Right,
    100,
  );
  item.name = 'News Article Date';
  let generation = 0;
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const mine = ++generation;
    if (!document || document.languageId !== ARTICLE_LANGUAGE) {
      item.hide();
      return;
    }
    const outcome = await analyses.analyze(document);
    if (mine !== generation) return;
    describe(item, outcome);
    item.show();
  };
  const registration = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    analyses.onDidChange(() => void update()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) void update();
    }),
  );
  void update();
  return registration;
}

function describe(item: vscode.StatusBarItem, outcome: AnalysisOutcome): void {
  item.command = undefined;
  if (outcome.ok) {
    const { date, dateSource } = outcome.analysis;
    item.text = date ? `$(calendar) ${date}` : '$(calendar) date unknown';
    item.tooltip = date
      ? `Article date ${date}, from the ${DATE_SOURCE_LABELS[dateSource]}. Relative dates resolve against it.`
      : 'No article date: relative dates such as "last month" stay unresolved.';
    return;
  }
  const skip = outcome.skip;
  switch (skip.reason) {
    case 'too-large':
      item.text = '$(warning) analysis off';
      item.tooltip = `This article has ${skip.chars} characters, over the limit of ${skip.limit}: quotations, dates and entities are not highlighted. The outline, folding and grammar still work. Setting: newsAnnotator.analysis.maxFileSizeKB.`;
      item.command = {
        title: 'Open setting',
        command: 'workbench.action.openSettings',
        arguments: ['newsAnnotator.analysis.maxFileSizeKB'],
      };
      break;
    case 'timeout':
      item.text = '$(warning) analysis stopped';
      item.tooltip = `Analysis took longer than ${skip.seconds} s and was stopped. Setting: newsAnnotator.analysis.timeoutSeconds.`;
      item.command = {
        title: 'Open setting',
        command: 'workbench.action.openSettings',
        arguments: ['newsAnnotator.analysis.timeoutSeconds'],
      };
      break;
    case 'cancelled':
      item.text = '$(sync~spin) analysing';
      item.tooltip = 'The article changed; analysing again.';
      break;
    case 'failed':
      item.text = '$(error) analysis failed';
      item.tooltip = `${skip.message} (details in the News Annotator output).`;
      break;
  }
}
