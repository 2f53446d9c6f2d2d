import { createReadStream, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeText } from '../core/text/decodeText';

/** One article to process: from a file (`file`) or from a JSON Lines record (`id`). */
export interface ArticleInput {
  /** The file path as given, for file inputs. */
  file?: string;
  /** The record id, for JSON Lines inputs. */
  id?: string;
  text: string;
  /** A date supplied with the input (`--date`, or the record's `date`), as `YYYY-MM-DD`. */
  date?: string;
}

/** An input that could not be read, with the reason to print. */
export interface InputFailure {
  label: string;
  reason: string;
}

/** Options that bound what is read. */
export interface ReadOptions {
  /** Files larger than this many bytes are refused with a message. */
  maxBytes: number;
  /** Prints a non-fatal note about an input (for example a fallback encoding). */
  warn: (message: string) => void;
}

/** File names that are taken when a folder is given: scraped `.txt` files and `.article` files. */
const ARTICLE_FILE = /\.(?:txt|article)$/i;
/** Folders never worth walking into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Expands the paths given on the command line: files stay as they are, folders are walked for
 * article files (sorted, symbolic-link loops visited once), and missing paths become failures.
 */
export function expandPaths(paths: readonly string[]): {
  files: string[];
  failures: InputFailure[];
} {
  const files: string[] = [];
  const failures: InputFailure[] = [];
  const visited = new Set<string>();
  const walk = (folder: string): void => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (error) {
      failures.push({ label: folder, reason: describeError(error) });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry);
      let isFolder = false;
      try {
        isFolder = statSync(path).isDirectory();
      } catch {
        continue; // A dangling link or a file deleted during the walk: nothing to read.
      }
      if (isFolder) {
        if (!SKIPPED_FOLDERS.has(entry)) walk(path);
      } else if (ARTICLE_FILE.test(entry)) {
        files.push(path);
      }
    }
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    } catch (error) {
      failures.push({ label: path, reason: describeError(error) });
    }
  }
  return { files, failures };
}

/** Reads and decodes one file, or says why it cannot be read. */
export function readArticleFile(path: string, options: ReadOptions): ArticleInput | InputFailure {
  try {
    const size = statSync(path).size;
    if (size > options.maxBytes) {
      return {
        label: path,
        reason: `file is ${formatBytes(size)}, over the ${formatBytes(options.maxBytes)} limit (raise it with --max-size)`,
      };
    }
    const decoded = decodeText(readFileSync(path));
    if (!decoded.ok) return { label: path, reason: decoded.reason };
    if (decoded.note) options.warn(`${path}: ${decoded.note}`);
    return { file: path, text: decoded.text };
  } catch (error) {
    return { label: path, reason: describeError(error) };
  }
}

/**
 * Reads JSON Lines records `{id, text, date?}` from a file or from standard input (`-`), one at a
 * time; a malformed line becomes a failure and the others are still read.
 */
export async function* readJsonLines(
  source: string,
  options: ReadOptions,
): AsyncGenerator<ArticleInput | InputFailure> {
  const stream = source === '-' ? process.stdin : createReadStream(source);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      const label = `${source === '-' ? 'stdin' : source}:${lineNumber}`;
      if (line.length > options.maxBytes) {
        yield { label, reason: `record is over the ${formatBytes(options.maxBytes)} limit` };
        continue;
      }
      yield parseRecord(line, label);
    }
  } catch (error) {
    yield { label: source, reason: describeError(error) };
  }
}

function parseRecord(line: string, label: string): ArticleInput | InputFailure {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { label, reason: 'not valid JSON' };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { label, reason: 'a record must be a JSON object {id, text, date?}' };
  }
  const { id, text, date } = record as Record<string, unknown>;
  if (typeof text !== 'string') return { label, reason: 'the record has no string "text"' };
  const input: ArticleInput = {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : label,
    text,
  };
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) input.date = date.slice(0, 10);
  return input;
}

/** True when a read produced a failure rather than an input. */
export function isFailure(value: ArticleInput | InputFailure): value is InputFailure {
  return 'reason' in value;
}

/** Turns a Node error into a short message without a stack trace. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Formats a byte count for messages: "50.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
