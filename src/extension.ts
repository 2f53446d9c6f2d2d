/**
 * The composition root: activation reads like a table of contents, and every registration returns
 * one Disposable that the extension context owns.
 */
import * as vscode from 'vscode';
import { registerCompareWithDuplicate } from './features/compareVersions';
import { registerAddEntity } from './features/addEntity';
import { registerArticleStatus, type ArticleStatus } from './features/articleStatus';
import { registerDateHints } from './features/dateHints';
import { registerDuplicatesView } from './features/duplicatesView';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerOutline } from './features/outline';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerShowAnalysis } from './features/showAnalysis';
import { SEMANTIC_KINDS } from './core/analysis/semanticKinds';
import { AnalysisClient } from './platform/analysisClient';
import { AnalysisWorker } from './platform/analysisWorker';
import { readConfig } from './platform/config';
import { ArticleStructures } from './platform/articleStructures';
import { DuplicateIndexService } from './platform/duplicateIndexService';
import { KnowledgeService } from './platform/knowledgeService';
import { registerHostTimings } from './platform/hostTimings';
import { getOutputChannel, outputLogFile, registerOutputChannel } from './platform/outputChannel';
import { WorkspaceMentions } from './platform/workspaceMentions';
import { registerNewsVersionProvider } from './platform/versionDiff';

/**
 * What the extension shows, for its integration tests and for scripts: the article status bar
 * item's text and tooltip, and the file of the "News Annotator" output channel.
 */
export interface NewsAnnotatorApi {
  readonly articleStatus: Pick<ArticleStatus, 'current' | 'onDidChange'>;
  readonly outputLogFile: vscode.Uri;
}

/** Activates News Annotator. */
export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  // One worker thread for the NLP and every job that grows with an article's size. It starts on
  // the first request, never here: activation loads no NLP.
  const worker = new AnalysisWorker(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath,
    getOutputChannel(),
  );
  const structures = new ArticleStructures(worker, getOutputChannel());
  context.subscriptions.push(
    registerHostTimings(),
    structures,
    registerOutline(structures),
    registerFolding(structures),
  );
  const duplicates = new DuplicateIndexService(
    context.storageUri ?? context.globalStorageUri,
    (bytes) => worker.fingerprint(bytes),
  );
  context.subscriptions.push(
    worker,
    duplicates,
    registerNewsVersionProvider(),
    registerCompareWithDuplicate(duplicates),
    registerDuplicatesView(duplicates),
  );
  const analyses = new AnalysisClient(
    worker,
    () => {
      const config = readConfig();
      return {
        maxChars: config.maxAnalysedChars,
        timeoutMs: config.analysisTimeoutMs,
        highlightKinds: SEMANTIC_KINDS.filter((kind) => config.highlight[kind]),
      };
    },
    (document) => duplicates.borrowedDateFor(document),
    getOutputChannel(),
  );
  const knowledge = new KnowledgeService();
  const mentions = new WorkspaceMentions();
  const articleStatus = registerArticleStatus(analyses);
  context.subscriptions.push(
    registerOutputChannel(),
    analyses,
    knowledge,
    mentions,
    duplicates.onDidChange(() => analyses.refreshBorrowedDates()),
    registerSemanticTokens(analyses),
    registerHover(analyses, knowledge, mentions),
    registerDateHints(analyses),
    articleStatus,
    registerShowAnalysis(analyses),
    registerAddEntity(analyses),
  );
  return { articleStatus, outputLogFile: outputLogFile(context) };
}

/** Nothing to do: every resource is owned by the context's subscriptions. */
export function deactivate(): void {}
