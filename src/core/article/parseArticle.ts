import type { ArticleStructure, Zone } from '../types';
import { isBlank, splitLines, type Line } from './splitLines';
import {
  BOILERPLATE_HEADING,
  BYLINE,
  COMMENTER_LINE,
  COMMENTS_HEADING,
  DATE_HEADER,
  DATELINE,
  DATELINE_LINE,
  INLINE_BOILERPLATE,
} from './zonePatterns';

/** The longest line that can still be a headline, a caption or a byline. */
const MAX_LABEL_LENGTH = 200;
/** A sentence of at least this many words reads as prose rather than as a caption. */
const MIN_SENTENCE_WORDS = 12;
/** The next line continues this one: a hard-wrapped paragraph. */
const WRAPPED_CONTINUATION = /^(?:\r\n|[\n\r\u2028\u2029])[ \t]*\p{Ll}/u;
/** Lines of a hard-wrapped paragraph are at most this long (wire copy wraps at 60-80 columns). */
const MAX_WRAPPED_LINE_LENGTH = 80;

/**
 * Finds the zones of a scraped article: headline, captions, bylines, date header, body (with its
 * dateline and paragraphs), site boilerplate and reader comments. Offsets are UTF-16 code units
 * into `text`; the function never throws and returns no zones for a blank text.
 */
export function parseArticle(text: string): ArticleStructure {
  const zones: Zone[] = [];
  const lines = splitLines(text);
  let headerDate: string | null = null;

  // A cleaned file starts with a date header, and its body may follow on the same line.
  const header = DATE_HEADER.exec(text);
  if (header) {
    // The pattern's match starts at 0 and takes the byte-order mark, if any, with it.
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const end = header[0].length;
    zones.push({ kind: 'date-header', start: bom, end, text: text.slice(bom, end) });
    headerDate = header[1]!;
    lines[0] = { start: end, end: lines[0]!.end, text: text.slice(end, lines[0]!.end) };
  }

  const content = lines.filter((line) => !isBlank(line));
  if (content.length === 0) return { zones, headerDate };

  const commentsAt = content.findIndex((line, i) => i > 0 && COMMENTS_HEADING.test(line.text));
  const tailEnd = commentsAt === -1 ? content.length : commentsAt;

  // The preamble: a headline, then captions and bylines, up to the first line that reads as prose.
  let cursor = 0;
  if (!header && content.length > 1 && looksLikeHeadline(content[0]!)) {
    zones.push(labelZone('headline', content[0]!));
    cursor = 1;
    const seenCaptions = new Set<string>();
    while (cursor < tailEnd - 1 && !startsBody(text, content[cursor]!)) {
      const line = content[cursor]!;
      if (BOILERPLATE_HEADING.test(line.text) || INLINE_BOILERPLATE.test(line.text)) {
        zones.push({ kind: 'boilerplate', ...trimmedSpan(line) });
      } else if (BYLINE.test(line.text)) {
        zones.push(labelZone('byline', line));
      } else {
        const key = normalizeCaption(line.text);
        const caption = labelZone('caption', line);
        if (seenCaptions.has(key)) caption.duplicate = true;
        seenCaptions.add(key);
        zones.push(caption);
      }
      cursor++;
    }
  }

  // The body runs to the first boilerplate heading, or to the comments, or to the end.
  let boilerplateAt = tailEnd;
  for (let i = cursor + 1; i < tailEnd; i++) {
    if (BOILERPLATE_HEADING.test(content[i]!.text)) {
      boilerplateAt = i;
      break;
    }
  }
  if (cursor < boilerplateAt) {
    zones.push(bodyZone(text, lines, content[cursor]!, content[boilerplateAt - 1]!));
  }
  if (boilerplateAt < tailEnd) {
    zones.push(blockZone('boilerplate', content[boilerplateAt]!, content[tailEnd - 1]!));
  }
  if (commentsAt !== -1) {
    zones.push(commentsZone(content.slice(commentsAt)));
  }
  return { zones, headerDate };
}

/** Visits every zone, depth first, parents before children. */
export function flattenZones(zones: readonly Zone[]): Zone[] {
  const flat: Zone[] = [];
  const visit = (list: readonly Zone[]): void => {
    for (const zone of list) {
      flat.push(zone);
      if (zone.children) visit(zone.children);
    }
  };
  visit(zones);
  return flat;
}

function looksLikeHeadline(line: Line): boolean {
  const trimmed = line.text.trim();
  // An all-capitals wire headline ("SOCCER - ROMA BEAT LAZIO.") can look like a dateline.
  if (trimmed.length <= MAX_LABEL_LENGTH && !/\p{Ll}/u.test(trimmed)) return true;
  return (
    trimmed.length <= MAX_LABEL_LENGTH &&
    !DATELINE.test(trimmed) &&
    !DATELINE_LINE.test(trimmed) &&
    !BOILERPLATE_HEADING.test(trimmed) &&
    !COMMENTS_HEADING.test(trimmed)
  );
}

/**
 * True for the first line of the body: a dateline, a line long enough to be prose, a sentence of
 * a dozen words or two sentences, or the first line of a hard-wrapped paragraph.
 */
function startsBody(text: string, line: Line): boolean {
  const trimmed = line.text.trim();
  if (DATELINE.test(trimmed) || DATELINE_LINE.test(trimmed)) return true;
  if (trimmed.length > MAX_LABEL_LENGTH) return true;
  if (WRAPPED_CONTINUATION.test(text.slice(line.end, line.end + 200))) return true;
  if (!/[.!?"”’]$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).length;
  return words >= MIN_SENTENCE_WORDS || /[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(trimmed);
}

function normalizeCaption(text: string): string {
  return text
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function trimmedSpan(line: Line): { start: number; end: number } {
  const leading = line.text.length - line.text.trimStart().length;
  const trailing = line.text.length - line.text.trimEnd().length;
  return { start: line.start + leading, end: line.end - trailing };
}

function labelZone(kind: Zone['kind'], line: Line): Zone {
  return { kind, ...trimmedSpan(line), text: line.text.trim() };
}

function blockZone(kind: Zone['kind'], first: Line, last: Line): Zone {
  return { kind, start: trimmedSpan(first).start, end: trimmedSpan(last).end };
}

/** The body with its paragraphs as children, and the dateline inside the first paragraph. */
function bodyZone(text: string, lines: readonly Line[], first: Line, last: Line): Zone {
  const body = blockZone('body', first, last);
  const children: Zone[] = [];
  for (const block of paragraphBlocks(lines, body.start, body.end)) {
    if (block.length === 1 && INLINE_BOILERPLATE.test(block[0]!.text)) {
      children.push({ kind: 'boilerplate', ...trimmedSpan(block[0]!) });
    } else {
      children.push(blockZone('paragraph', block[0]!, block[block.length - 1]!));
    }
  }
  const opening = children.find((zone) => zone.kind === 'paragraph');
  if (opening) {
    const dateline = findDateline(text, opening.start, opening.end);
    if (dateline) opening.children = [dateline];
  }
  body.children = children;
  return body;
}

function findDateline(text: string, start: number, end: number): Zone | undefined {
  const head = text.slice(start, Math.min(end, start + MAX_LABEL_LENGTH));
  // Only the first line of the head can be a dateline line (a search, not a split of the head).
  const lineBreak = head.search(/[\n\r\u2028\u2029]/);
  const firstLine = lineBreak < 0 ? head : head.slice(0, lineBreak);
  const match = DATELINE.exec(head) ?? DATELINE_LINE.exec(firstLine);
  if (!match) return undefined;
  const offset = start + match[0].indexOf(match[1]!);
  return { kind: 'dateline', start: offset, end: offset + match[1]!.length, text: match[1]! };
}

/**
 * Groups the lines of the body into paragraphs. Blank lines separate paragraphs; inside a group,
 * hard-wrapped lines (all but the last short) form one paragraph, while long lines are one
 * paragraph each, as scrapers write them.
 */
function paragraphBlocks(lines: readonly Line[], start: number, end: number): Line[][] {
  const blocks: Line[][] = [];
  let group: Line[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const wrapped = group
      .slice(0, -1)
      .every((line) => line.text.trimEnd().length <= MAX_WRAPPED_LINE_LENGTH);
    if (wrapped) blocks.push(group);
    else for (const line of group) blocks.push([line]);
    group = [];
  };
  for (const line of lines) {
    if (line.end <= start || line.start >= end) continue;
    const clipped = clipLine(line, start, end);
    if (isBlank(clipped)) flush();
    else group.push(clipped);
  }
  flush();
  return blocks;
}

function clipLine(line: Line, start: number, end: number): Line {
  const from = Math.max(line.start, start);
  const to = Math.min(line.end, end);
  return { start: from, end: to, text: line.text.slice(from - line.start, to - line.start) };
}

/** The comments block, with each commenter's name and each comment as children. */
function commentsZone(content: readonly Line[]): Zone {
  const zone = blockZone('comments', content[0]!, content[content.length - 1]!);
  const children: Zone[] = [];
  let commentLines: Line[] = [];
  const flushComment = (): void => {
    if (commentLines.length > 0) {
      children.push(blockZone('comment', commentLines[0]!, commentLines[commentLines.length - 1]!));
    }
    commentLines = [];
  };
  for (const line of content.slice(1)) {
    const commenter = COMMENTER_LINE.exec(line.text);
    if (commenter) {
      flushComment();
      const start = line.start + commenter[1]!.length;
      const name = commenter[2]!;
      children.push({ kind: 'commenter', start, end: start + name.length, text: name, name });
    } else {
      commentLines.push(line);
    }
  }
  flushComment();
  zone.children = children;
  return zone;
}
