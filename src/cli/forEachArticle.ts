import { closeSync, openSync, readSync, statSync } from 'node:fs';
import {
  expandPaths,
  isFailure,
  readArticleFile,
  readJsonLines,
  type ArticleInput,
  type InputFailure,
  type ReadOptions,
} from './readInputs';

/** Where the articles of one CLI run come from. */
export interface ArticleSources {
  paths: readonly string[];
  jsonl?: string;
  /** JSON Lines records already read (standard input cannot be read twice); used instead of `jsonl`. */
  records?: ReadonlyArray<ArticleInput | InputFailure>;
  read: ReadOptions;
}

/** What a run reports: how many inputs succeeded and how many failed. */
export interface RunTally {
  succeeded: number;
  failed: number;
}

/**
 * Feeds every article of a run, files first then JSON Lines records, to `handle`, one at a time
 * so that a large corpus never sits in memory. An input that cannot be read, or whose handling
 * throws, is reported on stderr and counted; the others are still processed.
 */
export async function forEachArticle(
  sources: ArticleSources,
  handle: (input: ArticleInput) => void | Promise<void>,
  reportFailure: (failure: InputFailure) => void,
): Promise<RunTally> {
  const tally: RunTally = { succeeded: 0, failed: 0 };
  const consume = async (value: ArticleInput | InputFailure): Promise<void> => {
    if (isFailure(value)) {
      reportFailure(value);
      tally.failed++;
      return;
    }
    try {
      await handle(value);
      tally.succeeded++;
    } catch (error) {
      reportFailure({
        label: value.file ?? value.id ?? 'input',
        reason: `analysis failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      tally.failed++;
    }
  };
  const { files, failures } = expandPaths(sources.paths);
  for (const failure of failures) await consume(failure);
  for (const file of files) await consume(readArticleFile(file, sources.read));
  if (sources.records) {
    for (const value of sources.records) await consume(value);
  } else if (sources.jsonl !== undefined) {
    for await (const value of readJsonLines(sources.jsonl, sources.read)) await consume(value);
  }
  return tally;
}

/** Reads every JSON Lines record of a source into memory, for a command that needs two passes. */
export async function readAllRecords(
  jsonl: string,
  read: ReadOptions,
): Promise<Array<ArticleInput | InputFailure>> {
  const records: Array<ArticleInput | InputFailure> = [];
  for await (const value of readJsonLines(jsonl, read)) records.push(value);
  return records;
}

/**
 * How much the sources hold, found without reading them whole: whether they may hold more than
 * one article (paths are expanded and counted, held records counted, and a JSON Lines file read
 * only up to its second non-empty line), and about how many bytes of input they are (the files'
 * sizes, the JSON Lines file's size, or the held records' texts). Unreadable inputs do not count;
 * they are reported when processed.
 */
export function measureInputs(sources: ArticleSources): { several: boolean; bytes: number } {
  const files = expandPaths(sources.paths).files;
  let count = files.length;
  let bytes = files.reduce((sum, file) => sum + sizeOf(file), 0);
  if (sources.records) {
    for (const value of sources.records) {
      if (isFailure(value)) continue;
      count++;
      bytes += value.text.length;
    }
  } else if (sources.jsonl === '-') {
    return { several: true, bytes: Infinity };
  } else if (sources.jsonl !== undefined) {
    count += countNonEmptyLines(sources.jsonl, 2);
    bytes += sizeOf(sources.jsonl);
  }
  return { several: count > 1, bytes };
}

/** The size of a file, or 0 when it cannot be read (it is reported when processed). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Counts the lines holding more than white space in a file, stopping at `limit`. */
function countNonEmptyLines(path: string, limit: number): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 0;
  }
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let count = 0;
    let lineHasContent = false;
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      for (let i = 0; i < read; i++) {
        const byte = chunk[i]!;
        if (byte === 0x0a) {
          if (lineHasContent && ++count >= limit) return count;
          lineHasContent = false;
        } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) {
          lineHasContent = true;
        }
      }
    }
    return lineHasContent ? count + 1 : count;
  } catch {
    return 0;
  } finally {
    closeSync(fd);
  }
}
