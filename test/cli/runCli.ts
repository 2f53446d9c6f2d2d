import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, where the built CLI lives in dist/. */
export const root = join(__dirname, '..', '..');
const cliPath = join(root, 'dist', 'cli.js');

/** What one run of the built CLI produced. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The JSON Lines records among the output lines. */
  records: Array<Record<string, unknown>>;
}

/** Runs the built `news-annotator` CLI (dist/cli.js) with the given arguments and standard input. */
export function runCli(args: string[], input?: string): CliRun {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A hang is a failure, not a stuck test run (mocha's own timeout cannot interrupt spawnSync).
    timeout: 180_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    records: recordsOf(result.stdout),
  };
}

/** The JSON Lines records among the lines the CLI printed. */
function recordsOf(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A CLI run in progress, for tests that act on the files while it reads them. */
export interface StartedCli {
  /** Settles when the process exits, with everything it printed. */
  done: Promise<CliRun>;
}

/** Starts the built CLI without waiting for it; `done` settles when it exits. */
export function startCli(args: string[]): StartedCli {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, records: recordsOf(stdout) }));
  });
  return { done };
}
