import * as vscode from 'vscode';
import { parseArticle } from '../core/article/parseArticle';
import type { ArticleStructure } from '../core/types';
import type { AnalysisWorker } from './analysisWorker';
import { LIMITS } from './config';
import { DocumentCache } from './documentCache';
import { timeSync } from './hostTimings';

/** An open article's zones, and whether it is past `LIMITS.maxHostParseChars`. */
export interface DocumentStructure extends ArticleStructure {
  /** Parsed in the worker: features that grow with the count of zones do less. */
  large: boolean;
}

/** No zones: what the outline and folding get when the worker could not parse a huge article. */
const NO_STRUCTURE: DocumentStructure = { zones: [], headerDate: null, large: true };

/**
 * The zones of each open article, once per document version, shared by the outline and folding.
 * An article up to `LIMITS.maxHostParseChars` is parsed here, at once; a longer one is parsed in
 * the analysis worker, so a 20 MB file never holds the extension host's thread.
 */
export class ArticleStructures implements vscode.Disposable {
  private readonly cache: DocumentCache<Promise<DocumentStructure>>;

  constructor(worker: AnalysisWorker, log: vscode.LogOutputChannel) {
    this.cache = new DocumentCache((document) => {
      const text = document.getText();
      if (text.length <= LIMITS.maxHostParseChars) {
        const structure = timeSync('parseArticle', () => parseArticle(text));
        return Promise.resolve({ ...structure, large: false });
      }
      const parsed = worker.structure(text).then((structure) => ({ ...structure, large: true }));
      return parsed.catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        log.error(`Outline and folding of ${document.uri.toString(true)}: ${reason}`);
        return NO_STRUCTURE;
      });
    });
  }

  /** The zones of the document's current version. */
  get(document: vscode.TextDocument): Promise<DocumentStructure> {
    return this.cache.get(document);
  }

  dispose(): void {
    this.cache.dispose();
  }
}
