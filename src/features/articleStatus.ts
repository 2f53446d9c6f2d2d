import * as vscode from 'vscode';
import { DATE_SOURCE_LABELS } from '../core/cards/quoteAndDateCards';
import {
  describeSkip,
  type AnalysisClient,
  type AnalysisOutcome,
} from '../platform/analysisClient';
import { ARTICLE_LANGUAGE } from '../platform/articleSelector';

/** What the article status bar item shows, for the extension's API. */
export interface ArticleStatusSnapshot {
  /** The document it describes. */
  uri: string;
  text: string;
  tooltip: string;
  /** The command a click runs (the setting to open, when analysis was switched off). */
  command?: { command: string; arguments?: unknown[] };
}

/** The article status bar item: a Disposable that also tells what it shows. */
export interface ArticleStatus extends vscode.Disposable {
  /** What the item shows now, or undefined while it is hidden (no article in the editor). */
  current(): ArticleStatusSnapshot | undefined;
  /** Fires after the item changed. */
  readonly onDidChange: vscode.Event<ArticleStatusSnapshot | undefined>;
}

/**
 * The status bar item for the active article: its date and where the date came from, or, when
 * analysis was switched off or stopped, what happened and which setting controls it.
 */
export function registerArticleStatus(analyses: AnalysisClient): ArticleStatus {
  const item = vscode.window.createStatusBarItem(
    'newsAnnotator.articleDate',
    vscode.StatusBarAlignment.Right,
    100,
  );
  item.name = 'News Article Date';
  const changed = new vscode.EventEmitter<ArticleStatusSnapshot | undefined>();
  let shown: ArticleStatusSnapshot | undefined;
  let generation = 0;
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const mine = ++generation;
    if (!document || document.languageId !== ARTICLE_LANGUAGE) {
      item.hide();
      shown = undefined;
      changed.fire(shown);
      return;
    }
    const outcome = await analyses.analyze(document);
    if (mine !== generation) return;
    shown = describe(document.uri, outcome);
    item.text = shown.text;
    item.tooltip = shown.tooltip;
    item.command = shown.command && { title: 'Open setting', ...shown.command };
    item.show();
    changed.fire(shown);
  };
  const registration = vscode.Disposable.from(
    item,
    changed,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    analyses.onDidChange(() => void update()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) void update();
    }),
  );
  void update();
  return {
    current: () => shown,
    onDidChange: changed.event,
    dispose: () => registration.dispose(),
  };
}

function describe(uri: vscode.Uri, outcome: AnalysisOutcome): ArticleStatusSnapshot {
  if (outcome.ok) {
    const { date, dateSource } = outcome.analysis;
    return {
      uri: uri.toString(),
      text: date ? `$(calendar) ${date}` : '$(calendar) date unknown',
      tooltip: date
        ? `Article date ${date}, from the ${DATE_SOURCE_LABELS[dateSource]}. Relative dates resolve against it.`
        : 'No article date: relative dates such as "last month" stay unresolved.',
    };
  }
  const { label, detail, setting } = describeSkip(outcome.skip);
  const icon = {
    'too-large': 'warning',
    timeout: 'warning',
    cancelled: 'sync~spin',
    failed: 'error',
  }[outcome.skip.reason];
  return {
    uri: uri.toString(),
    text: `$(${icon}) ${label}`,
    tooltip: detail,
    command: setting
      ? { command: 'workbench.action.openSettings', arguments: [setting] }
      : undefined,
  };
}
