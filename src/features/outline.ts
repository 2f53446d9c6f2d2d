import * as vscode from 'vscode';
import { firstWords } from '../core/cards/markdown';
import type { Zone, ZoneKind } from '../core/types';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import type { ArticleStructures } from '../platform/articleStructures';
import { LIMITS } from '../platform/config';
import { DocumentCache } from '../platform/documentCache';
import { getOutputChannel } from '../platform/outputChannel';
import { TimeSlices } from '../platform/timeSlices';

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
 * once per document version. A zone lists at most `LIMITS.maxOutlineChildren` children and then
 * one entry for the rest, so a 20 MB article of 100,000 paragraphs gets its outline at once
 * instead of freezing the editor; the output says so, once a document. The symbols are made in
 * slices of about 10 ms, so the extension host answers the editor in between.
 */
export function registerOutline(structures: ArticleStructures): vscode.Disposable {
  const announced = new Set<string>();
  const symbols = new DocumentCache(async (document) => {
    const { zones } = await structures.get(document);
    const longest = { count: 0 };
    // Built in slices of about 10 ms: a thousand paragraph symbols of a long article took 25 ms
    // of the host's thread in one piece.
    const slices = new TimeSlices('outline');
    const made: vscode.DocumentSymbol[] = [];
    try {
      for (const zone of zones) made.push(await toSymbol(document, zone, longest, slices));
    } finally {
      slices.end();
    }
    const key = document.uri.toString();
    if (longest.count > LIMITS.maxOutlineChildren && !announced.has(key)) {
      announced.add(key);
      getOutputChannel().warn(
        `Outline of ${document.uri.fsPath}: ${longest.count.toLocaleString('en-US')} ` +
          `paragraphs in one zone; the first ${LIMITS.maxOutlineChildren.toLocaleString('en-US')} ` +
          'are listed, then one entry for the rest (a fixed limit).',
      );
    }
    return made;
  });
  return vscode.Disposable.from(
    symbols,
    vscode.languages.registerDocumentSymbolProvider(
      ARTICLE_SELECTOR,
      { provideDocumentSymbols: (document) => symbols.get(document) },
      { label: 'News Article' },
    ),
    vscode.workspace.onDidCloseTextDocument((document) =>
      announced.delete(document.uri.toString()),
    ),
  );
}

/** The most characters of a zone the outline reads: its first words are all it shows. */
const DETAIL_CHARS = 400;

async function toSymbol(
  document: vscode.TextDocument,
  zone: Zone,
  longest: { count: number },
  slices: TimeSlices,
): Promise<vscode.DocumentSymbol> {
  const { label, kind } = ZONE_SYMBOLS[zone.kind];
  const range = new vscode.Range(document.positionAt(zone.start), document.positionAt(zone.end));
  // Only the text shown is read, never the whole document (which can be 20 MB).
  const read = (start: number, end: number): string =>
    document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
  // The headline names itself; other zones show their kind with their first words as detail,
  // read from the zone's head only (a body zone can be a megabyte).
  const name =
    zone.kind === 'headline'
      ? read(zone.start, zone.end)
      : zone.duplicate
        ? `${label} (repeated)`
        : label;
  const detail =
    zone.kind === 'headline'
      ? ''
      : firstWords(zone.name ?? read(zone.start, Math.min(zone.end, zone.start + DETAIL_CHARS)));
  const symbol = new vscode.DocumentSymbol(name || label, detail, kind, range, range);
  const children = zone.children ?? [];
  longest.count = Math.max(longest.count, children.length);
  const listed = children.slice(0, LIMITS.maxOutlineChildren);
  symbol.children = [];
  for (const child of listed) {
    if (slices.due) await slices.next();
    symbol.children.push(await toSymbol(document, child, longest, slices));
  }
  if (children.length > listed.length) {
    const rest = new vscode.Range(
      document.positionAt(children[listed.length]!.start),
      document.positionAt(children[children.length - 1]!.end),
    );
    const more = (children.length - listed.length).toLocaleString('en-US');
    symbol.children.push(
      new vscode.DocumentSymbol(
        `${more} more`,
        'not listed',
        vscode.SymbolKind.Namespace,
        rest,
        rest,
      ),
    );
  }
  return symbol;
}
