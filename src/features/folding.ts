import * as vscode from 'vscode';
import type { ArticleStructure, Zone } from '../core/types';
import { flattenZones } from '../core/article/parseArticle';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import type { DocumentCache } from '../platform/documentCache';
import { timeSync } from '../platform/hostTimings';

/** Zones worth folding away: the noise around the story, and multi-line paragraphs. */
const FOLDED_KINDS = new Set<Zone['kind']>(['boilerplate', 'comments', 'comment', 'paragraph']);

/** Folding for articles: the site boilerplate, the comments and each comment fold. */
export function registerFolding(structures: DocumentCache<ArticleStructure>): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(ARTICLE_SELECTOR, {
    provideFoldingRanges(document) {
      const zones = structures.get(document).zones;
      return timeSync('folding', () => foldingRanges(document, zones));
    },
  });
}

function foldingRanges(document: vscode.TextDocument, zones: Zone[]): vscode.FoldingRange[] {
  const ranges: vscode.FoldingRange[] = [];
  const captions = zones.filter((zone) => zone.kind === 'caption');
  if (captions.length > 1) {
    ranges.push(foldingRange(document, captions[0]!.start, captions.at(-1)!.end));
  }
  for (const zone of flattenZones(zones)) {
    if (FOLDED_KINDS.has(zone.kind)) ranges.push(foldingRange(document, zone.start, zone.end));
  }
  return ranges.filter((range) => range.end > range.start);
}

function foldingRange(
  document: vscode.TextDocument,
  start: number,
  end: number,
): vscode.FoldingRange {
  return new vscode.FoldingRange(
    document.positionAt(start).line,
    document.positionAt(end).line,
    vscode.FoldingRangeKind.Region,
  );
}
