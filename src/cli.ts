#!/usr/bin/env node
/**
 * The command-line front door over the same core as the extension: JSON Lines on stdout, one
 * record per input, messages on stderr; exit 0 when every input succeeded, 1 when some failed,
 * 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { runAnnotate } from './cli/annotateCommand';
import { UsageError, type CliContext } from './cli/cliContext';
import { runDuplicates } from './cli/duplicatesCommand';
import { runEval } from './cli/evalCommand';
import { forEachArticle, type RunTally } from './cli/forEachArticle';
import { zonesRecord } from './cli/zonesCommand';

const USAGE = `Usage: news-annotator <command> [options] [FILE|FOLDER...]

Commands:
  zones        the zones of each article (headline, captions, body, boilerplate, comments)
  annotate     zones, quotations with speakers, entities and dates of each article
  duplicates   clusters of inputs that are versions of one story
  eval         score the analysis against a gold JSON Lines file (--gold FILE)

Input:
  FILE|FOLDER...       article files; folders are searched for .txt and .article files
  --jsonl FILE|-       JSON Lines records {id, text, date?} from a file or standard input
  --max-size MB        refuse files larger than this (default 32)

annotate:
  --date YYYY-MM-DD    the date of articles that give none (relative dates resolve against it)
  --jobs N             analyses at once, on worker threads (default: one per core, for
                       inputs of 384 KB or more; smaller ones run in process)
  --no-borrow          do not borrow the date of an undated article from a duplicate input

duplicates:
  --threshold X        how similar versions must be, above 0 and at most 1 (default 0.45)

eval:
  --gold FILE          gold JSON Lines: {id, text, dct, quotes?, timexes?, entities?}
  --format json|table  one JSON report (default) or a table for people
  --jobs N             analyses at once (default: one per core)

Output: JSON Lines on stdout; offsets are UTF-16 code units, end exclusive.
Exit status: 0 all inputs succeeded, 1 some failed (the others still produce output), 2 bad usage.
`;

/** What each subcommand does with the parsed command line. */
const COMMANDS: Record<
  string,
  { needsInput: boolean; run: (context: CliContext) => Promise<RunTally> }
> = {
  zones: {
    needsInput: true,
    run: (context) =>
      forEachArticle(
        { paths: context.paths, jsonl: context.jsonl, read: context.read },
        (input) => context.writeRecord(zonesRecord(input)),
        (failure) => context.warn(`${failure.label}: ${failure.reason}`),
      ),
  },
  annotate: { needsInput: true, run: runAnnotate },
  duplicates: { needsInput: true, run: runDuplicates },
  eval: { needsInput: false, run: runEval },
};

const DEFAULT_MAX_MEGABYTES = 32;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        jsonl: { type: 'string' },
        'max-size': { type: 'string' },
        date: { type: 'string' },
        jobs: { type: 'string' },
        'no-borrow': { type: 'boolean' },
        threshold: { type: 'string' },
        gold: { type: 'string' },
        format: { type: 'string' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const [name, ...paths] = parsed.positionals;
  if (parsed.values.help || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (name === undefined) return usageError('no command given');
  const command = COMMANDS[name];
  if (!command) return usageError(`unknown command "${name}"`);
  if (command.needsInput && paths.length === 0 && parsed.values.jsonl === undefined) {
    return usageError(`${name} needs FILE, FOLDER or --jsonl input`);
  }
  const maxMegabytes = Number(parsed.values['max-size'] ?? DEFAULT_MAX_MEGABYTES);
  if (!Number.isFinite(maxMegabytes) || maxMegabytes <= 0) {
    return usageError('--max-size takes a positive number of megabytes');
  }
  const date = parsed.values.date;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return usageError('--date takes a date as YYYY-MM-DD');
  }
  const warn = (message: string): void => {
    process.stderr.write(`news-annotator: ${message}\n`);
  };
  const context: CliContext = {
    paths,
    jsonl: parsed.values.jsonl,
    date,
    values: parsed.values,
    read: { maxBytes: Math.round(maxMegabytes * 1024 * 1024), warn },
    writeRecord: (record) => writeLine(JSON.stringify(record)),
    writeJsonLine: writeLine,
    warn,
  };
  let tally: RunTally;
  try {
    tally = await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (tally.failed > 0) warn(`${tally.failed} of ${tally.failed + tally.succeeded} inputs failed`);
  return tally.failed > 0 ? 1 : 0;
}

/** Writes one output line, waiting when the reader is slower than we are. */
function writeLine(line: string): Promise<void> | void {
  if (!process.stdout.write(`${line}\n`)) {
    return new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

function usageError(message: string): number {
  process.stderr.write(`news-annotator: ${message}\n\n${USAGE}`);
  return 2;
}

// A reader that stops early (`news-annotator zones corpus/ | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`news-annotator: internal error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
