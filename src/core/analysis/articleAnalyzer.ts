import { flattenZones, parseArticle } from '../article/parseArticle';
import { ParagraphCache } from '../cache/paragraphCache';
import { findDates } from '../dates/findDates';
import {
  articleDateReadsUpTo,
  resolveArticleDate,
  type ArticleDate,
} from '../dates/resolveArticleDate';
import { EntityParagraphCache } from '../entities/entityParagraphCache';
import { QuoteParagraphCache } from '../quotes/quoteParagraphCache';
import type {
  ArticleAnalysis,
  DateMention,
  EngineFault,
  EntityMention,
  Span,
  Zone,
} from '../types';
import { engineFault, type FaultListener } from './engineFault';
import { toLfLineEnds } from '../text/lineEnds';
import { splitAnalysisUnits } from './splitAnalysisUnits';

/** Why an analysis stopped before it finished. */
export type StopReason = 'cancelled' | 'timeout';

/** Thrown out of `ArticleAnalyzer.analyze` when `shouldStop` asked it to stop. */
export class AnalysisCancelled extends Error {
  constructor(readonly reason: StopReason) {
    super(reason === 'timeout' ? 'analysis timed out' : 'analysis cancelled');
  }
}

/** Options of one analysis. */
export interface AnalyzeOptions {
  /** A date from outside the text (`--date`, a JSON Lines record, a duplicate version). */
  date?: string | null;
  /** True when `date` was borrowed from a duplicate version of the article. */
  dateFromDuplicate?: boolean;
  /** Asked between units of work; a reason stops the analysis with `AnalysisCancelled`. */
  shouldStop?: () => StopReason | undefined;
}

/** How many paragraph results each cache keeps; an article has tens, a worker a few articles. */
const MAX_CACHED_UNITS = 4096;
/** How many characters of paragraphs each cache keeps results for. */
const MAX_CACHED_CHARS = 1_500_000;

/**
 * Analyses articles, remembering per paragraph what does not depend on the rest of the text, so
 * that after an edit only the changed paragraphs are parsed again: dates, given the article date;
 * the entity finder's tokens, classified phrases and, while the document's names are unchanged,
 * resolved mentions; the quotation finder's spans, tokens and the cues a paragraph gives its own
 * quotations. What reads across paragraphs (names, context types, multi-paragraph quotations,
 * speakers carried over) runs per document over the cached pieces. The result is always the one a
 * fresh analysis of the same text gives.
 */
export class ArticleAnalyzer {
  private readonly dateCache = new ParagraphCache<{
    anchor: string | null;
    dates: DateMention[];
    /** What finding this unit's dates caught, reported again whenever the unit is re-used. */
    faults: EngineFault[];
  }>(MAX_CACHED_UNITS, MAX_CACHED_CHARS);
  private readonly entityCache = new EntityParagraphCache(MAX_CACHED_UNITS, MAX_CACHED_CHARS);
  private readonly quoteCache = new QuoteParagraphCache(MAX_CACHED_UNITS, MAX_CACHED_CHARS);
  private lastArticleDate: { key: string; date: ArticleDate } | undefined;

  /**
   * Analyses one article; never throws, except `AnalysisCancelled` when asked to stop. The rules
   * read the text with LF line ends, so that CRLF, CR and Unicode line separators give the same
   * analysis as LF; offsets and texts are those of the text given.
   */
  analyze(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
    const lf = toLfLineEnds(text);
    const analysis = this.analyzeLf(lf.text, options);
    return keepCharactersWhole(
      lf.unchanged ? analysis : mapToOriginal(analysis, text, lf.toOriginal),
      text,
    );
  }

  private analyzeLf(text: string, options: AnalyzeOptions): ArticleAnalysis {
    const stop = (): void => {
      const reason = options.shouldStop?.();
      if (reason) throw new AnalysisCancelled(reason);
    };
    const structure = parseArticle(text);
    const flatZones = flattenZones(structure.zones);
    const articleDate = this.resolveArticleDate(
      text,
      structure.zones,
      flatZones,
      options.date ?? null,
    );
    const dateSource =
      articleDate.dateSource === 'input' && options.dateFromDuplicate
        ? 'duplicate'
        : articleDate.dateSource;
    stop();

    const faults: EngineFault[] = [];
    const onFault = (fault: EngineFault): void => {
      faults.push(fault);
    };
    const dates = this.findDates(text, articleDate.date, stop, onFault);

    const entities = this.findEntities(text, structure.zones, stop, onFault);
    stop();
    const bodyRanges = flatZones
      .filter((zone) => zone.kind === 'body')
      .map((zone): Span => ({ start: zone.start, end: zone.end }));
    const quotes = this.quoteCache.findQuotes(text, {
      entities,
      bodyRanges,
      checkpoint: stop,
      onFault,
    });

    const analysis: ArticleAnalysis = {
      date: articleDate.date,
      dateSource,
      zones: structure.zones,
      quotes,
      entities,
      dates,
    };
    if (faults.length > 0) analysis.faults = faults;
    return analysis;
  }

  /**
   * `resolveArticleDate` reads only the date header and dateline zones and the prefix that
   * `articleDateReadsUpTo` gives; an edit further down re-uses the previous answer.
   */
  private resolveArticleDate(
    text: string,
    zones: Zone[],
    flatZones: readonly Zone[],
    inputDate: string | null,
  ): ArticleDate {
    const labels = flatZones
      .filter((zone) => zone.kind === 'date-header' || zone.kind === 'dateline')
      .map((zone) => `${zone.kind}:${zone.text ?? text.slice(zone.start, zone.end)}`)
      .join('\u0001');
    const key = [inputDate ?? '', text.slice(0, articleDateReadsUpTo(text)), labels].join('\u0000');
    if (this.lastArticleDate?.key !== key) {
      this.lastArticleDate = { key, date: resolveArticleDate({ text, zones, inputDate }) };
    }
    return this.lastArticleDate.date;
  }

  private findEntities(
    text: string,
    zones: Zone[],
    stop: () => void,
    onFault: FaultListener,
  ): EntityMention[] {
    try {
      return this.entityCache.findEntities(text, { zones, checkpoint: stop });
    } catch (error) {
      // Like `findEntities`, a failure loses the entities, not the analysis; a stop goes through.
      if (error instanceof AnalysisCancelled) throw error;
      onFault(engineFault('entities', error));
      return [];
    }
  }

  /** The dates of every unit, found again only in the units whose text or anchor changed. */
  private findDates(
    text: string,
    anchor: string | null,
    stop: () => void,
    onFault: FaultListener,
  ): DateMention[] {
    const units = splitAnalysisUnits(text);
    const found = this.dateCache.lookUp(
      units.map((unit) => text.slice(unit.start, unit.end)),
      (_, unitText) => {
        const faults: EngineFault[] = [];
        const relative = {
          anchor,
          dates: findDates(unitText, anchor, (fault) => faults.push(fault)),
          faults,
        };
        stop();
        return relative;
      },
      (relative) => relative.anchor === anchor,
    );
    const dates: DateMention[] = [];
    units.forEach((unit, u) => {
      for (const date of found[u]!.dates)
        dates.push({ ...date, start: date.start + unit.start, end: date.end + unit.start });
      for (const fault of found[u]!.faults) onFault(fault);
    });
    return dates;
  }
}

/** The analysis of a text's LF twin, with offsets and texts of the original text. */
function mapToOriginal(
  analysis: ArticleAnalysis,
  original: string,
  toOriginal: (offset: number) => number,
): ArticleAnalysis {
  const span = <T extends Span & { text: string }>(item: T): T => {
    const start = toOriginal(item.start);
    const end = toOriginal(item.end);
    return { ...item, start, end, text: original.slice(start, end) };
  };
  const zone = (item: Zone): Zone => {
    const mapped: Zone = { ...item, start: toOriginal(item.start), end: toOriginal(item.end) };
    if (item.text !== undefined) mapped.text = original.slice(mapped.start, mapped.end);
    if (item.children) mapped.children = item.children.map(zone);
    return mapped;
  };
  return {
    ...analysis,
    zones: analysis.zones.map(zone),
    quotes: analysis.quotes.map((quote) => ({
      ...span(quote),
      speaker: quote.speaker && span(quote.speaker),
    })),
    entities: analysis.entities.map(span),
    dates: analysis.dates.map(span),
  };
}

const COMBINING_MARK = /\p{M}/u;

/** Every combining mark is at U+0300 or above, so most edges need no pattern test. */
const FIRST_COMBINING_MARK = 0x300;

/** True when `offset` is inside a character: after a high surrogate, or before a combining mark. */
function insideCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const after = text.charCodeAt(offset);
  if (after < FIRST_COMBINING_MARK) return false;
  const before = text.charCodeAt(offset - 1);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return true;
  return COMBINING_MARK.test(text[offset]!);
}

/**
 * Moves span edges that fall inside a character (between the halves of an emoji, or before the
 * accent of "Karasiń" written with a combining mark) to its end, so that an editor never sees half
 * a character highlighted. Spans left empty are dropped; spans of one kind still do not overlap,
 * since every edge moves the same way.
 */
function keepCharactersWhole(analysis: ArticleAnalysis, text: string): ArticleAnalysis {
  const needsWork = (item: Span): boolean =>
    item.end <= item.start || insideCharacter(text, item.start) || insideCharacter(text, item.end);
  // Most analyses have no empty span and no edge inside a character: they are kept as they are.
  if (
    !analysis.quotes.some(
      (quote) => needsWork(quote) || (quote.speaker && needsWork(quote.speaker)),
    ) &&
    !analysis.entities.some(needsWork) &&
    !analysis.dates.some(needsWork)
  ) {
    return analysis;
  }
  const snap = (offset: number): number => {
    while (insideCharacter(text, offset)) offset++;
    return offset;
  };
  const span = <T extends Span & { text: string }>(item: T): T => {
    if (!insideCharacter(text, item.start) && !insideCharacter(text, item.end)) return item;
    const start = snap(item.start);
    const end = snap(item.end);
    return { ...item, start, end, text: text.slice(start, end) };
  };
  const nonEmpty = (item: Span): boolean => item.end > item.start;
  return {
    ...analysis,
    quotes: analysis.quotes
      .map((quote) => {
        const speaker = quote.speaker && span(quote.speaker);
        return { ...span(quote), speaker: speaker && nonEmpty(speaker) ? speaker : null };
      })
      .filter(nonEmpty),
    entities: analysis.entities.map(span).filter(nonEmpty),
    dates: analysis.dates.map(span).filter(nonEmpty),
  };
}

/** Analyses one article without keeping a cache, as the CLI does for a one-off input. */
export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  return new ArticleAnalyzer().analyze(text, options);
}
