import {
  FINGERPRINT_SCHEME,
  fingerprintFromJSON,
  fingerprintToJSON,
  type ArticleFingerprint,
} from './fingerprintArticle';

/**
 * How the duplicate index is stored between sessions: JSON Lines, a header line and then one line
 * per file, so that the extension host can write and read it a slice at a time (a corpus of
 * 10,000 files is 30 MB) and a file cut short loses only its last lines.
 */
export const INDEX_STORAGE_VERSION = 2;

/** One stored file: its id, its fingerprint and what the caller remembers of it. */
export interface StoredIndexFile {
  id: string;
  fingerprint: ArticleFingerprint;
  record: unknown;
}

/** The first line of a stored index. */
export function indexStorageHeader(): string {
  return JSON.stringify({ version: INDEX_STORAGE_VERSION, scheme: FINGERPRINT_SCHEME });
}

/** True when a first line says the stored index is of this storage version and scheme. */
export function isCurrentIndexStorage(header: string): boolean {
  try {
    const value = JSON.parse(header) as { version?: unknown; scheme?: unknown } | null;
    return value?.version === INDEX_STORAGE_VERSION && value.scheme === FINGERPRINT_SCHEME;
  } catch {
    return false;
  }
}

/** The line of one file. */
export function indexStorageLine(
  id: string,
  fingerprint: ArticleFingerprint,
  record: unknown,
): string {
  return JSON.stringify([id, fingerprintToJSON(fingerprint), record]);
}

/** Reads the line of one file; undefined, never a throw, when the line is damaged. */
export function readIndexStorageLine(line: string): StoredIndexFile | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string') return undefined;
  const fingerprint = fingerprintFromJSON(value[1]);
  return fingerprint && { id: value[0], fingerprint, record: value[2] };
}
