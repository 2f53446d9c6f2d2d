import type { ReadOptions } from './readInputs';

/** What every subcommand receives from the front door. */
export interface CliContext {
  /** Paths given on the command line (files or folders). */
  paths: string[];
  /** `--jsonl FILE|-`, when given. */
  jsonl?: string;
  /** `--date YYYY-MM-DD`, when given. */
  date?: string;
  /** Every option value, for the subcommand's own options. */
  values: Record<string, string | boolean | undefined>;
  read: ReadOptions;
  /** Writes one JSON Lines record to stdout, waiting when the reader is slower. */
  writeRecord: (record: object) => Promise<void> | void;
  /** Writes one record already serialised as JSON text (one line, no line break) the same way. */
  writeJsonLine: (json: string) => Promise<void> | void;
  /** Writes one message line to stderr. */
  warn: (message: string) => void;
}

/** A bad command line: reported with the usage and exit status 2. */
export class UsageError extends Error {}
