import * as vscode from 'vscode';
import { describeSkip, type AnalysisClient } from '../platform/analysisClient';
import { ARTICLE_LANGUAGE } from '../platform/articleSelector';
import { timeSync } from '../platform/hostTimings';

const SCHEME = 'news-analysis';

/** What the command did, for scripts and tests: opened the analysis, or why there is none. */
export type ShowAnalysisResult =
  | { outcome: 'opened'; uri: vscode.Uri }
  | { outcome: 'skipped'; reason: string; message: string }
  | { outcome: 'no-article' };

/**
 * `News Annotator: Show Article Analysis`: the JSON record `news-annotator annotate` prints for
 * the active article, in a read-only editor beside it.
 */
export function registerShowAnalysis(analyses: AnalysisClient): vscode.Disposable {
  const contents = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(
      'newsAnnotator.showAnalysis',
      async (target?: vscode.Uri): Promise<ShowAnalysisResult> => {
        const document = target
          ? await vscode.workspace.openTextDocument(target)
          : vscode.window.activeTextEditor?.document;
        if (!document || document.languageId !== ARTICLE_LANGUAGE) {
          void vscode.window.showInformationMessage('Open a news article to see its analysis.');
          return { outcome: 'no-article' };
        }
        const outcome = await analyses.analyze(document);
        if (!outcome.ok) {
          const { detail, setting } = describeSkip(outcome.skip);
          // Not awaited: the message waits for the user, the command does not.
          void vscode.window
            .showWarningMessage(
              `No analysis for this article. ${detail}`,
              ...(setting ? ['Open Setting'] : []),
            )
            .then((choice) => {
              if (choice && setting)
                void vscode.commands.executeCommand('workbench.action.openSettings', setting);
            });
          return { outcome: 'skipped', reason: outcome.skip.reason, message: detail };
        }
        const name = document.uri.path.split('/').pop() ?? 'article';
        const uri = vscode.Uri.from({
          scheme: SCHEME,
          path: `/${name}.analysis.json`,
          query: document.uri.toString(),
        });
        const json = timeSync(
          'showAnalysis.json',
          () => `${JSON.stringify({ file: document.uri.fsPath, ...outcome.analysis }, null, 2)}\n`,
        );
        contents.set(uri.toString(), json);
        const shown = await vscode.workspace.openTextDocument(uri);
        await vscode.languages.setTextDocumentLanguage(shown, 'json');
        await vscode.window.showTextDocument(shown, {
          viewColumn: vscode.ViewColumn.Beside,
          preview: true,
        });
        return { outcome: 'opened', uri };
      },
    ),
  );
}
