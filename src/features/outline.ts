import * as vscode from 'vscode';
import { firstWords } from '../core/cards/markdown';
import type { ArticleStructure, Zone, ZoneKind } from '../core/types';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import { DocumentCache } from '../platform/documentCache';
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

/**
 * The outline of an article: headline, captions, body with its paragraphs, boilerplate, comments.
 * The outline view, the breadcrumbs and sticky scroll all ask for it, so the symbols are made
 * once per document version.
 */
export function registerOutline(structures: DocumentCache<ArticleStructure>): vscode.Disposable {
  const symbols = new DocumentCache((document) => {
    const zones = structures.get(document).zones;
    return timeSync('outline', () => {
      const text = document.getText();
      return zones.map((zone) => toSymbol(document, text, zone));
    });
  });
  return vscode.Disposable.from(
    symbols,
    vscode.languages.registerDocumentSymbolProvider(
      ARTICLE_SELECTOR,
      { provideDocumentSymbols: (document) => symbols.get(document) },
      { label: 'News Article' },
    ),
  );
}

/** The most characters of a zone the outline reads: its first words are all it shows. */
const DETAIL_CHARS = 400;

function toSymbol(document: vscode.TextDocument, text: string, zone: Zone): vscode.DocumentSymbol {
  const { label, kind } = ZONE_SYMBOLS[zone.kind];
  const range = new vscode.Range(document.positionAt(zone.start), document.positionAt(zone.end));
  // The headline names itself; other zones show their kind with their first words as detail,
  // read from the zone's head only (a body zone can be a megabyte).
  const name =
    zone.kind === 'headline'
      ? text.slice(zone.start, zone.end)
      : zone.duplicate
        ? `${label} (repeated)`
        : label;
  const detail =
    zone.kind === 'headline'
      ? ''
      : firstWords(
          zone.name ?? text.slice(zone.start, Math.min(zone.end, zone.start + DETAIL_CHARS)),
        );
  const symbol = new vscode.DocumentSymbol(name || label, detail, kind, range, range);
  symbol.children = (zone.children ?? []).map((child) => toSymbol(document, text, child));
  return symbol;
}
