import * as vscode from 'vscode';
import type { SemanticKind } from '../core/analysis/semanticKinds';
import { MAX_KNOWLEDGE_FILE_CHARS } from '../core/knowledge/parseKnowledgeFile';

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

/** The settings that set a limit, by the name users see, for the messages that name them. */
export const LIMIT_SETTINGS = {
  maxFileSize: `${SECTION}.analysis.maxFileSizeKB`,
  timeout: `${SECTION}.analysis.timeoutSeconds`,
  maxFiles: `${SECTION}.duplicates.maxFiles`,
} as const;

/**
 * Every threshold past which the extension reads or does less, so that it never blocks: the
 * defaults of the settings above (package.json states the same), and the fixed limits. The
 * README's "Limits" section states each one and what happens past it.
 */
export const LIMITS = {
  /** Default of `newsAnnotator.analysis.maxFileSizeKB`: larger articles are not analysed. */
  maxFileSizeKB: 2048,
  /** Default of `newsAnnotator.analysis.timeoutSeconds`: the analysis of one article stops. */
  timeoutSeconds: 20,
  /** Default of `newsAnnotator.duplicates.maxFiles`: the most files the duplicate index takes. */
  maxIndexedFiles: 100_000,
  /**
   * Files larger than this are not indexed for duplicates: no news article is near 2 MB, and each
   * file is read whole and sent to the worker, which fingerprints it in one piece (0.1-0.3 s a
   * megabyte) while the other files wait.
   */
  maxIndexedFileBytes: 2 * 1024 * 1024,
  /** Knowledge-base files larger than this are not read (the core refuses their text as well). */
  maxKnowledgeFileBytes: MAX_KNOWLEDGE_FILE_CHARS,
  /** The most `news-entities.json` files the knowledge base reads from the workspace. */
  maxKnowledgeFiles: 200,
  /** The most article files one hover's search for other mentions reads. */
  maxSearchedFiles: 2000,
  /** Article files larger than this are not searched for mentions. */
  maxSearchedFileBytes: 2 * 1024 * 1024,
  /** A duplicate-index build lists this many skipped files one by one, then only counts them. */
  skippedFilesListed: 20,
  /**
   * Articles longer than this many characters get their zones (outline, folding) from the
   * analysis worker: `parseArticle` takes 10-35 ms a million characters on the extension host's
   * thread, and 130 ms for 20 MB. Past it paragraphs do not fold (tens of thousands of ranges);
   * the captions, boilerplate, comments and each comment still do.
   */
  maxHostParseChars: 1_000_000,
  /** The outline lists this many children of a zone (paragraphs of the body), then one entry. */
  maxOutlineChildren: 1000,
} as const;

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
    maxAnalysedChars:
      Math.max(1, config.get<number>('analysis.maxFileSizeKB', LIMITS.maxFileSizeKB)) * 1024,
    analysisTimeoutMs:
      Math.max(1, config.get<number>('analysis.timeoutSeconds', LIMITS.timeoutSeconds)) * 1000,
    knowledgeBaseExtraPaths: config.get<string[]>('knowledgeBase.extraPaths', []),
    duplicates: {
      include: config.get<string[]>('duplicates.include', []),
      threshold: config.get<number>('duplicates.threshold', 0.45),
      maxFiles: Math.max(1, config.get<number>('duplicates.maxFiles', LIMITS.maxIndexedFiles)),
    },
  };
}

/** Fires `listener` when any News Annotator setting changes. */
export function onConfigChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener();
  });
}
