import * as vscode from 'vscode';
import { buildEntityCard } from '../core/cards/entityCard';
import { buildDateCard, buildQuoteCard } from '../core/cards/quoteAndDateCards';
import type { KnowledgeEntry } from '../core/knowledge/knowledgeEntry';
import { learnRoles } from '../core/knowledge/learnRoles';
import type { ArticleAnalysis, EntityMention, EntityType, Span } from '../core/types';
import { ADD_ENTITY_COMMAND, addEntityCommandUri } from '../platform/addEntityLink';
import type { AnalysisClient } from '../platform/analysisClient';
import { ARTICLE_SELECTOR } from '../platform/articleSelector';
import { timeSync } from '../platform/hostTimings';
import type { KnowledgeService } from '../platform/knowledgeService';
import type { WorkspaceMentions } from '../platform/workspaceMentions';

/**
 * Hover cards on entity mentions, speakers, quotations and dates. Every string taken from the
 * article or from knowledge-base files is escaped by the core card builders, and the Markdown never
 * renders HTML. A card with an "Add to knowledge base" link trusts that one command and nothing
 * else; the link carries where the mention is, never its text.
 */
export function registerHover(
  analyses: AnalysisClient,
  knowledge: KnowledgeService,
  mentions: WorkspaceMentions,
): vscode.Disposable {
  return vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, {
    async provideHover(document, position, token) {
      const outcome = await analyses.analyze(document, token);
      if (token.isCancellationRequested || !outcome.ok) return undefined;
      const analysis = outcome.analysis;
      const offset = document.offsetAt(position);
      const card = await cardAt(document, analysis, offset, { knowledge, mentions });
      if (token.isCancellationRequested || !card) return undefined;
      const markdown = new vscode.MarkdownString(card.markdown);
      markdown.isTrusted = card.hasAction ? { enabledCommands: [ADD_ENTITY_COMMAND] } : false;
      markdown.supportHtml = false;
      return new vscode.Hover(
        markdown,
        new vscode.Range(document.positionAt(card.span.start), document.positionAt(card.span.end)),
      );
    },
  });
}

/** What the cards read beyond the article itself. */
interface CardServices {
  knowledge: KnowledgeService;
  mentions: WorkspaceMentions;
}

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset < span.end;

async function cardAt(
  document: vscode.TextDocument,
  analysis: ArticleAnalysis,
  offset: number,
  services: CardServices,
): Promise<{ markdown: string; span: Span; hasAction: boolean } | undefined> {
  const spoken = analysis.quotes.find((quote) => quote.speaker && contains(quote.speaker, offset));
  if (spoken?.speaker) {
    const speaker = spoken.speaker;
    const entity = analysis.entities.find((mention) => mention.name === speaker.name);
    const type: EntityType = entity?.type ?? 'person';
    const entityCard = await buildCardForEntity(
      analysis,
      { name: speaker.name, type, text: speaker.text, start: speaker.start },
      document,
      services,
    );
    return {
      markdown: `${buildQuoteCard(spoken)}\n\n---\n\n${entityCard.markdown}`,
      span: speaker,
      hasAction: entityCard.hasAction,
    };
  }
  const entity = analysis.entities.find((mention) => contains(mention, offset));
  if (entity) {
    const entityCard = await buildCardForEntity(analysis, entity, document, services);
    return { ...entityCard, span: entity };
  }
  const date = analysis.dates.find((mention) => contains(mention, offset));
  if (date) {
    const markdown = buildDateCard(date, analysis.date, analysis.dateSource);
    return { markdown, span: date, hasAction: false };
  }
  const quote = analysis.quotes.find((mention) => contains(mention, offset));
  if (quote) return { markdown: buildQuoteCard(quote), span: quote, hasAction: false };
  return undefined;
}

/** The mention a card is about: who it names, as what, and where the hovered words start. */
interface CardMention {
  name: string;
  type: EntityType;
  text: string;
  start: number;
}

async function buildCardForEntity(
  analysis: ArticleAnalysis,
  { name, type, text: mentionText, start }: CardMention,
  document: vscode.TextDocument,
  { knowledge, mentions: workspace }: CardServices,
): Promise<{ markdown: string; hasAction: boolean }> {
  const mentions = analysis.entities.filter((mention: EntityMention) => mention.name === name);
  const base = await knowledge.get();
  const otherArticles =
    (await workspace.articlesMentioning(
      [name, ...mentions.map((mention) => mention.text)],
      document.uri,
    )) ?? [];
  return timeSync('hover.entityCard', () => {
    const match = base.lookup(name, type);
    const quotesHere = analysis.quotes
      .filter((quote) => quote.speaker?.name === name)
      .map((quote) => ({ text: quote.text, line: document.positionAt(quote.start).line + 1 }));
    const roles = learnRoles(document.getText(), analysis.entities, new Set([name]))
      .filter((role) => role.name === name)
      .map((role) => role.role);
    const input: Parameters<typeof buildEntityCard>[0] = {
      name,
      type,
      knownFrom: (match?.sources ?? [])
        .filter((entry) => entry.origin.layer !== 'learned')
        .map(describeOrigin),
      learnedRoles: [...new Set(roles)],
      aliasesHere: [...new Set(mentions.map((mention) => mention.text))],
      mentionsHere: mentions.length,
      quotesHere,
      otherArticles: otherArticles.map((uri) => ({
        label: vscode.workspace.asRelativePath(uri),
        encodedUri: uri.toString(),
      })),
      actions: [],
    };
    // An entity already in a workspace file needs no second entry; the command also needs a
    // folder to write into, and a trusted workspace (in Restricted Mode it refuses to write).
    const inWorkspaceFile = match?.sources.some((entry) => entry.origin.layer === 'workspace');
    const canWrite =
      vscode.workspace.isTrusted && (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
    if (!inWorkspaceFile && canWrite) {
      input.actions.push({
        label: 'Add to knowledge base',
        encodedUri: addEntityCommandUri(document, start),
      });
    }
    if (mentionText !== name) input.mentionText = mentionText;
    if (match) input.known = match.entry;
    return { markdown: buildEntityCard(input), hasAction: input.actions.length > 0 };
  });
}

function describeOrigin(entry: KnowledgeEntry): string {
  switch (entry.origin.layer) {
    case 'bundled':
      return `bundled ${entry.origin.what}`;
    case 'workspace':
      return `workspace file ${entry.origin.file}`;
    case 'learned':
      return `learned from ${entry.origin.article}`;
  }
}
