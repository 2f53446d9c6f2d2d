#!/usr/bin/env node
/**
 * The command-line front door over the same core as the extension: JSON Lines on stdout, one
 * record per input, messages on stderr; exit 0 when every input succeeded, 1 when some failed,
 * 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { forEachArticle } from './cli/forEachArticle';
import type { ArticleInput } from './cli/readInputs';
import { zonesRecord } from './cli/zonesCommand';

const USAGE = `Usage: news-annotator <command> [options] [FILE|FOLDER...]

Commands:
  zones       the zones of each article (headline, captions, body, boilerplate, comments)

Input:
  FILE|FOLDER...      article files; folders are searched for .txt and .article files
  --jsonl FILE|-      JSON Lines records {id, text, date?} from a file or standard input
  --max-size MB       refuse files larger than this (default 32)

Output: JSON Lines on stdout, one record per input; offsets are UTF-16 code units, end exclusive.
Exit status: 0 all inputs succeeded, 1 some failed (the others still produce output), 2 bad usage.
`;

/** One subcommand: its options beyond the common ones, and what it does with each article. */
interface Command {
  handle: (input: ArticleInput) => object;
}

const COMMANDS: Record<string, Command> = {
  zones: { handle: zonesRecord },
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
  if (paths.length === 0 && parsed.values.jsonl === undefined) {
    return usageError(`${name} needs FILE, FOLDER or --jsonl input`);
  }
  const maxMegabytes = Number(parsed.values['max-size'] ?? DEFAULT_MAX_MEGABYTES);
  if (!Number.isFinite(maxMegabytes) || maxMegabytes <= 0) {
    return usageError('--max-size takes a positive number of megabytes');
  }
  const maxBytes = Math.round(maxMegabytes * 1024 * 1024);

  const tally = await forEachArticle(
    {
      paths,
      jsonl: parsed.values.jsonl,
      read: { maxBytes, warn: (message) => process.stderr.write(`news-annotator: ${message}\n`) },
    },
    (input) => writeLine(JSON.stringify(command.handle(input))),
    (failure) => process.stderr.write(`news-annotator: ${failure.label}: ${failure.reason}\n`),
  );
  if (tally.failed > 0) {
    process.stderr.write(
      `news-annotator: ${tally.failed} of ${tally.failed + tally.succeeded} inputs failed\n`,
    );
  }
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
