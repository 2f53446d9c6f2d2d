import type { Zone } from '../types';

/** The parts of an article that matter when versions are compared. */
export interface ArticleParts {
  /** The body's paragraphs as written (inline advertisements and other boilerplate left out). */
  paragraphs: string[];
  /** Headline, captions, bylines, date header and site boilerplate: page furniture, not story. */
  furniture: string[];
}

/** Zone kinds that are page furniture: kept apart from the body but still part of the page. */
const FURNITURE: ReadonlySet<Zone['kind']> = new Set([
  'headline',
  'caption',
  'byline',
  'date-header',
  'dateline',
  'boilerplate',
]);

/**
 * Splits an article into its body paragraphs and its page furniture, using the zones found by
 * `parseArticle`. Reader comments belong to neither: they are never part of a version of the story.
 * Without a body zone the whole text outside the comments is taken as the body, so that a file the
 * parser cannot read still takes part in duplicate detection.
 */
export function splitArticleParts(text: string, zones: readonly Zone[]): ArticleParts {
  const paragraphs: string[] = [];
  const furniture: string[] = [];
  let hasBody = false;
  for (const zone of zones) {
    if (zone.kind === 'body') {
      hasBody = true;
      const children = zone.children ?? [];
      const blocks = children.filter((child) => child.kind === 'paragraph');
      if (blocks.length === 0) paragraphs.push(sliceZone(text, zone));
      for (const block of blocks) paragraphs.push(sliceZone(text, block));
      for (const child of children) {
        if (child.kind === 'boilerplate') furniture.push(sliceZone(text, child));
      }
    } else if (FURNITURE.has(zone.kind)) {
      furniture.push(sliceZone(text, zone));
    }
  }
  if (!hasBody) return { paragraphs: [textOutsideComments(text, zones)], furniture: [] };
  return { paragraphs, furniture };
}

function sliceZone(text: string, zone: Zone): string {
  return text.slice(Math.max(0, zone.start), Math.max(0, zone.end));
}

function textOutsideComments(text: string, zones: readonly Zone[]): string {
  const comments = zones
    .filter((zone) => zone.kind === 'comments')
    .sort((a, b) => a.start - b.start);
  let kept = '';
  let at = 0;
  for (const zone of comments) {
    if (zone.start > at) kept += text.slice(at, zone.start) + '\n';
    at = Math.max(at, zone.end);
  }
  return kept + text.slice(at);
}
