import { spawnSync } from 'node:child_process';
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
  });
  const records = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, records };
}
