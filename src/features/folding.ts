import * as vscode from 'vscode';
import type { Zone } from '../core/types';
import { flattenZones } from '../core/article/parseArticle';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import type { ArticleStructures } from '../platform/articleStructures';
import { timeSync } from '../platform/hostTimings';

/** Zones worth folding away: the noise around the story, and multi-line paragraphs. */
const FOLDED_KINDS = new Set<Zone['kind']>(['boilerplate', 'comments', 'comment', 'paragraph']);

/**
 * Folding for articles: the captions, the site boilerplate, the comments, each comment and each
 * paragraph fold. Past `LIMITS.maxHostParseChars` paragraphs do not: tens of thousands of ranges
 * would hold the extension host's thread.
 */
export function registerFolding(structures: ArticleStructures): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(ARTICLE_SELECTOR, {
    async provideFoldingRanges(document) {
      const { zones, large } = await structures.get(document);
      return timeSync('folding', () => foldingRanges(document, zones, !large));
    },
  });
}

function foldingRanges(
  document: vscode.TextDocument,
  zones: Zone[],
  paragraphs: boolean,
): vscode.FoldingRange[] {
  const ranges: vscode.FoldingRange[] = [];
  const captions = zones.filter((zone) => zone.kind === 'caption');
  if (captions.length > 1) {
    ranges.push(foldingRange(document, captions[0]!.start, captions.at(-1)!.end));
  }
  for (const zone of flattenZones(zones)) {
    if (!FOLDED_KINDS.has(zone.kind) || (zone.kind === 'paragraph' && !paragraphs)) continue;
    ranges.push(foldingRange(document, zone.start, zone.end));
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
