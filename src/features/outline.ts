import * as vscode from 'vscode';
import { firstWords } from '../core/cards/markdown';
import type { ArticleStructure, Zone, ZoneKind } from '../core/types';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import type { DocumentCache } from '../platform/documentCache';
import { timeSync } from '../platform/hostTimings';

/** How each zone shows in the outline: its label and its symbol icon. */
const ZONE_SYMBOLS: Record<ZoneKind, { label: string; kind: vscode.SymbolKind }> = {
  headline: { label: 'Headline', kind: vscode.SymbolKind.String },
  caption: { label: 'Caption', kind: vscode.SymbolKind.Field },
  byline: { label: 'Byline', kind: vscode.SymbolKind.Field },
  'date-header': { label: 'Date', kind: vscode.SymbolKind.Constant },
  dateline: { label: 'Dateline', kind: vscode.SymbolKind.Constant },
  body: { label: 'Body', kind: vscode.SymbolKind.Module },
  paragraph: { label: 'Paragraph', kind: vscode.SymbolKind.Namespace },
  boilerplate: { label: 'Boilerplate', kind: vscode.SymbolKind.Object },
  comments: { label: 'Comments', kind: vscode.SymbolKind.Array },
  comment: { label: 'Comment', kind: vscode.SymbolKind.Namespace },
  commenter: { label: 'Commenter', kind: vscode.SymbolKind.Key },
};

/** The outline of an article: headline, captions, body with its paragraphs, boilerplate, comments. */
export function registerOutline(structures: DocumentCache<ArticleStructure>): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    ARTICLE_SELECTOR,
    {
      provideDocumentSymbols(document) {
        const zones = structures.get(document).zones;
        return timeSync('outline', () => zones.map((zone) => toSymbol(document, zone)));
      },
    },
    { label: 'News Article' },
  );
}

function toSymbol(document: vscode.TextDocument, zone: Zone): vscode.DocumentSymbol {
  const { label, kind } = ZONE_SYMBOLS[zone.kind];
  const range = new vscode.Range(document.positionAt(zone.start), document.positionAt(zone.end));
  const text = document.getText(range);
  // The headline names itself; other zones show their kind with their first words as detail.
  const name = zone.kind === 'headline' ? text : zone.duplicate ? `${label} (repeated)` : label;
  const detail = zone.kind === 'headline' ? '' : firstWords(zone.name ?? text);
  const symbol = new vscode.DocumentSymbol(name || label, detail, kind, range, range);
  symbol.children = (zone.children ?? []).map((child) => toSymbol(document, child));
  return symbol;
}
