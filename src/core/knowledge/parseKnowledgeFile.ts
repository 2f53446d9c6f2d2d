import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type ParseError,
} from 'jsonc-parser';
import type { EntityType } from '../types';
import type { KnowledgeEntry } from './knowledgeEntry';

/** A problem found in a knowledge-base file, at a UTF-16 offset into its text. */
export interface KnowledgeFileProblem {
  message: string;
  offset: number;
}

/** The entries of a knowledge-base file and the problems that kept others out. */
export interface ParsedKnowledgeFile {
  entries: KnowledgeEntry[];
  problems: KnowledgeFileProblem[];
}

/** Files over this size are refused whole rather than parsed on the extension host. */
export const MAX_KNOWLEDGE_FILE_CHARS = 5 * 1024 * 1024;

const ENTITY_TYPES = new Set<EntityType>(['person', 'place', 'organization']);
const MAX_TEXT = 2000;
/**
 * A knowledge-base file nests four levels deep (file, entities, entry, aliases); the JSON parser
 * recurses once per level, so a file nested deeper than this is refused before it is parsed.
 */
const MAX_NESTING = 64;

/**
 * Parses a `news-entities.json` file: `{"entities": [{name, type, aliases?, description?,
 * links?}]}`. Malformed JSON, or a top level of the wrong shape, gives one problem and no entries;
 * a bad entry gives a problem for that entry and the others are kept. Text is kept as written
 * (it is escaped when shown); links other than http and https are dropped.
 */
export function parseKnowledgeFile(text: string, file: string): ParsedKnowledgeFile {
  if (text.length > MAX_KNOWLEDGE_FILE_CHARS) {
    return {
      entries: [],
      problems: [
        {
          message: `The file is ${(text.length / 1024 / 1024).toFixed(1)} MB; knowledge-base files over ${MAX_KNOWLEDGE_FILE_CHARS / 1024 / 1024} MB are not loaded.`,
          offset: 0,
        },
      ],
    };
  }
  const tooDeep = firstOffsetDeeperThan(text, MAX_NESTING);
  if (tooDeep !== undefined) {
    return {
      entries: [],
      problems: [
        {
          message: `Not loaded: the JSON is nested more than ${MAX_NESTING} levels deep.`,
          offset: tooDeep,
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text.replace(/^\uFEFF/, ' '), errors, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    return {
      entries: [],
      problems: [
        {
          message: `Not valid JSON: ${first ? describeParseError(first.error) : 'the file is empty'}.`,
          offset: first?.offset ?? 0,
        },
      ],
    };
  }
  const data: unknown = getNodeValue(tree);
  const list = (data as { entities?: unknown } | null)?.entities;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(list)) {
    return {
      entries: [],
      problems: [
        {
          message: 'A knowledge-base file must be an object with an "entities" array.',
          offset: 0,
        },
      ],
    };
  }
  const entries: KnowledgeEntry[] = [];
  const problems: KnowledgeFileProblem[] = [];
  const entryNodes = findNodeAtLocation(tree, ['entities'])?.children ?? [];
  list.forEach((item, index) => {
    const entry = readEntry(item, file);
    if (typeof entry === 'string') {
      problems.push({
        message: `entities[${index}]: ${entry}`,
        offset: entryNodes[index]?.offset ?? 0,
      });
    } else {
      entries.push(entry);
    }
  });
  return { entries, problems };
}

function readEntry(item: unknown, file: string): KnowledgeEntry | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'must be an object';
  const { name, type, aliases, description, links } = item as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) return '"name" must be a non-empty string';
  if (typeof type !== 'string' || !ENTITY_TYPES.has(type as EntityType)) {
    return '"type" must be "person", "place" or "organization"';
  }
  if (aliases !== undefined && !isStringArray(aliases))
    return '"aliases" must be an array of strings';
  if (description !== undefined && typeof description !== 'string') {
    return '"description" must be a string';
  }
  if (links !== undefined && !isStringArray(links)) return '"links" must be an array of strings';
  const entry: KnowledgeEntry = {
    name: name.trim().slice(0, MAX_TEXT),
    type: type as EntityType,
    aliases: (aliases ?? []).map((alias) => alias.trim().slice(0, MAX_TEXT)).filter(Boolean),
    links: (links ?? []).filter(isWebLink),
    origin: { layer: 'workspace', file },
  };
  if (description) entry.description = description.slice(0, MAX_TEXT);
  return entry;
}

/** The offset of the first bracket that opens level `limit + 1`, strings skipped, or undefined. */
function firstOffsetDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // A backslash escapes the next character.
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > limit) return i;
    } else if (ch === 0x7d || ch === 0x5d) {
      depth--;
    }
  }
  return undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** True for an absolute http or https URL; every other scheme (command:, file:, ...) is refused. */
export function isWebLink(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** "ValueExpected" → "value expected". */
function describeParseError(code: Parameters<typeof printParseErrorCode>[0]): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
