import type { KnowledgeEntry } from '../knowledge/knowledgeEntry';
import type { EntityType } from '../types';
import { escapeMarkdown, firstWords, markdownLink } from './markdown';

/** A quotation attributed to the entity, as listed on its card. */
export interface CardQuote {
  text: string;
  /** One-based line number in the article. */
  line: number;
}

/** Another article that mentions the entity, with a URI the card can link to. */
export interface CardArticle {
  label: string;
  encodedUri: string;
}

/** Everything an entity card shows. */
export interface EntityCardInput {
  name: string;
  type: EntityType;
  /** The mention under the cursor, when it differs from the canonical name ("Karasin"). */
  mentionText?: string;
  /** The merged knowledge-base entry, when the entity is known. */
  known?: KnowledgeEntry;
  /** Where each piece of knowledge came from ("workspace file news-entities.json", ...). */
  knownFrom: string[];
  /** Roles learned from appositions in this article ("Russia's Deputy Foreign Minister"). */
  learnedRoles: string[];
  /** Names this article uses for the entity. */
  aliasesHere: string[];
  mentionsHere: number;
  quotesHere: CardQuote[];
  otherArticles: CardArticle[];
  /** Our own command links (already encoded), such as "Add to knowledge base". */
  actions: CardArticle[];
}

const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organisation',
};

/** Builds the Markdown of an entity's hover card; every untrusted string is escaped. */
export function buildEntityCard(input: EntityCardInput): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(input.name)}** · ${TYPE_LABELS[input.type]}`);
  if (input.known?.description) lines.push('', escapeMarkdown(input.known.description));
  if (input.learnedRoles.length > 0) {
    lines.push('', `Role: ${input.learnedRoles.map(escapeMarkdown).join('; ')}`);
  }
  const aliases = unique([...(input.known?.aliases ?? []), ...input.aliasesHere]).filter(
    (alias) => alias !== input.name,
  );
  if (aliases.length > 0)
    lines.push('', `Also: ${aliases.slice(0, 12).map(escapeMarkdown).join(', ')}`);
  lines.push('', `Mentions in this article: ${input.mentionsHere}`);
  if (input.quotesHere.length > 0) {
    lines.push('', 'Quotes attributed here:');
    for (const quote of input.quotesHere.slice(0, 6)) {
      lines.push(`- ${escapeMarkdown(firstWords(quote.text))} (line ${quote.line})`);
    }
    if (input.quotesHere.length > 6) lines.push(`- … and ${input.quotesHere.length - 6} more`);
  }
  if (input.otherArticles.length > 0) {
    const links = input.otherArticles
      .slice(0, 8)
      .map((article) => markdownLink(article.label, article.encodedUri));
    const more = input.otherArticles.length > 8 ? `, … ${input.otherArticles.length - 8} more` : '';
    lines.push('', `Other articles: ${links.join(', ')}${more}`);
  }
  const links = (input.known?.links ?? []).slice(0, 4).map(webLink).filter(Boolean);
  if (links.length > 0) lines.push('', `Links: ${links.join(', ')}`);
  const sources = [
    ...input.knownFrom,
    ...(input.learnedRoles.length > 0 ? ['learned from this article'] : []),
  ];
  lines.push(
    '',
    `_Source: ${sources.length > 0 ? sources.map(escapeMarkdown).join('; ') : 'found in this article'}_`,
  );
  if (input.actions.length > 0) {
    lines.push(
      '',
      input.actions.map((action) => markdownLink(action.label, action.encodedUri)).join(' · '),
    );
  }
  return lines.join('\n');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * A knowledge-base link as a clickable Markdown link, only for http and https URLs, re-serialised
 * by the URL parser; VS Code asks before opening it, and nothing opens it automatically.
 */
function webLink(link: string): string {
  try {
    const url = new URL(link);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
    return markdownLink(url.hostname, url.href);
  } catch {
    return '';
  }
}
