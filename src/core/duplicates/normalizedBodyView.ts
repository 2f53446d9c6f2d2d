import { parseArticle } from '../article/parseArticle';
import type { Zone } from '../types';
import { splitArticleParts } from './articleParts';
import { normalizeForComparison, normalizeForDisplay } from './normalizeForComparison';

/** The lines of an article's normalised view: marked page furniture first, then the body. */
export interface NormalizedBodyLines {
  /** Headline, byline, date header and distinct captions, each marked with its kind in brackets. */
  header: string[];
  /** The body, one paragraph a line, quotes and white space normalised. */
  paragraphs: string[];
}

/** Zone kinds shown, marked, above the body so a reader knows which version is which. */
const HEADER_KINDS: ReadonlySet<Zone['kind']> = new Set([
  'headline',
  'byline',
  'date-header',
  'caption',
]);

/**
 * The lines of the normalised view of an article (see `normalizedBodyView`). Captions that repeat
 * (the same words once quotes and case are normalised) collapse into one line with a count.
 */
export function normalizedBodyLines(
  text: string,
  zones: readonly Zone[] = parseArticle(text).zones,
): NormalizedBodyLines {
  const header: string[] = [];
  const captionLine = new Map<string, { at: number; count: number; text: string }>();
  for (const zone of zones) {
    if (!HEADER_KINDS.has(zone.kind)) continue;
    const shown = normalizeForDisplay(text.slice(zone.start, zone.end));
    if (!shown) continue;
    if (zone.kind !== 'caption') {
      header.push(`[${zone.kind}] ${shown}`);
      continue;
    }
    const key = normalizeForComparison(shown);
    const seen = captionLine.get(key);
    if (seen) {
      seen.count++;
      header[seen.at] = `[caption ×${seen.count}] ${seen.text}`;
    } else {
      captionLine.set(key, { at: header.length, count: 1, text: shown });
      header.push(`[caption] ${shown}`);
    }
  }
  const paragraphs = splitArticleParts(text, zones)
    .paragraphs.flatMap((paragraph) =>
      paragraph.split(/(?:\r\n|[\n\r\u2028\u2029])[ \t]*(?:\r\n|[\n\r\u2028\u2029])/),
    )
    .map(normalizeForDisplay)
    .filter((line) => line.length > 0);
  return { header, paragraphs };
}

/**
 * The normalised view of an article for the diff editor: the headline, byline, date header and
 * distinct captions as marked first lines, then the body only, one paragraph a line, with quote
 * marks and white space normalised; boilerplate and comments are left out. Two scrapes of one
 * story then differ only where the story itself changed.
 */
export function normalizedBodyView(
  text: string,
  zones: readonly Zone[] = parseArticle(text).zones,
): string {
  const { header, paragraphs } = normalizedBodyLines(text, zones);
  return [...header, ...paragraphs].map((line) => line + '\n').join('');
}
