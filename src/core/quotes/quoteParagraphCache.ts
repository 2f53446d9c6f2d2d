/**
 * Incremental quotation finding: the paragraph phase of `findQuotes` (marks, spans, context tokens,
 * sentences and the cues a paragraph gives its own quotations) is cached per paragraph, and only the
 * rules that read across paragraphs (multi-paragraph quotations, introductions, speakers carried
 * over, names resolved against the article's entities) run over the whole document each time. The
 * result is identical to `findQuotes` on the same text and options.
 */
import { ParagraphCache } from '../cache/paragraphCache';
import type { Quote } from '../types';
import {
  analyzeParagraphWindow,
  findQuotesWith,
  type FindQuotesOptions,
  type ParagraphWindow,
  type QuoteMemory,
  type QuoteParagraph,
} from './findQuotes';

/** Paragraphs longer than this are analysed but not kept: a megabyte line is never re-used verbatim. */
const MAX_CACHED_PARAGRAPH_CHARS = 64_000;

/**
 * Finds quotations like `findQuotes`, re-using the paragraph phase of unchanged paragraphs. The cache
 * is bounded by `maxParagraphs` entries and by `maxChars` characters of cached paragraphs, least
 * recently used first out.
 */
export class QuoteParagraphCache {
  private readonly paragraphs: ParagraphCache<QuoteParagraph>;
  private readonly memory: QuoteMemory;

  constructor(maxParagraphs = 2048, maxChars = 1_500_000) {
    this.paragraphs = new ParagraphCache(maxParagraphs, maxChars, MAX_CACHED_PARAGRAPH_CHARS);
    this.memory = { readParagraphs: (windows) => this.read(windows) };
  }

  /** The quotations of a text, as `findQuotes` finds them; throws only what `checkpoint` throws. */
  findQuotes(text: string, options: FindQuotesOptions = {}): Quote[] {
    return findQuotesWith(text, options, this.memory);
  }

  /** How many paragraphs, and how many of their characters, the cache holds. */
  get stats(): { paragraphs: number; chars: number } {
    return this.paragraphs.stats;
  }

  private read(windows: readonly ParagraphWindow[]): QuoteParagraph[] {
    return this.paragraphs.lookUp(
      windows.map((window) => window.text),
      (p, text) => analyzeParagraphWindow({ ...windows[p]!, text }),
      // The same characters can frame a paragraph in two ways (with or without one before it).
      (entry, p) =>
        entry.window.start === windows[p]!.start && entry.window.end === windows[p]!.end,
    );
  }
}
