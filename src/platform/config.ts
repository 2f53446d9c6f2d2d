import * as vscode from 'vscode';
import type { SemanticKind } from '../core/analysis/semanticKinds';

/** Every setting of the extension, typed once and read in one place. */
export interface NewsAnnotatorConfig {
  /** Which highlight kinds are on. */
  highlight: Record<SemanticKind, boolean>;
  showResolvedDates: boolean;
  /** Articles larger than this many UTF-16 code units are not analysed. */
  maxAnalysedChars: number;
  analysisTimeoutMs: number;
  knowledgeBaseExtraPaths: string[];
  duplicates: { include: string[]; threshold: number; maxFiles: number };
}

const SECTION = 'newsAnnotator';

/** Reads the settings, for a resource when they can differ per folder. */
export function readConfig(scope?: vscode.ConfigurationScope): NewsAnnotatorConfig {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const flag = (key: string): boolean => config.get<boolean>(key, true);
  return {
    highlight: {
      quote: flag('highlight.quotes'),
      speaker: flag('highlight.speakers'),
      date: flag('highlight.dates'),
      person: flag('highlight.people'),
      place: flag('highlight.places'),
      organization: flag('highlight.organizations'),
    },
    showResolvedDates: flag('dates.showResolvedValues'),
    maxAnalysedChars: Math.max(1, config.get<number>('analysis.maxFileSizeKB', 2048)) * 1024,
    analysisTimeoutMs: Math.max(1, config.get<number>('analysis.timeoutSeconds', 20)) * 1000,
    knowledgeBaseExtraPaths: config.get<string[]>('knowledgeBase.extraPaths', []),
    duplicates: {
      include: config.get<string[]>('duplicates.include', []),
      threshold: config.get<number>('duplicates.threshold', 0.45),
      maxFiles: config.get<number>('duplicates.maxFiles', 100000),
    },
  };
}

/** Fires `listener` when any News Annotator setting changes. */
export function onConfigChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener();
  });
}
