#!/usr/bin/env node
// `npm start`: builds the extension, then opens it on the seed articles.
//   - With a desktop VS Code on the PATH (`code`): a new window in extension development mode on
//     seeds/ (VS Code does not write into the folder).
//   - Otherwise: code-server from the tools cache (installed on first use) on 127.0.0.1, with the
//     packaged VSIX installed and a throw-away copy of seeds/ open; prints the URL and opens a
//     browser unless --no-open. Ctrl+C stops the server and deletes the copy.
// Options: --port=<n> (default: a free port), --no-open, --host=code-server|desktop.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, installVsix, startCodeServer } from './vscodeHost/codeServer.mjs';
import { findDesktopCode, whichCommand } from './vscodeHost/desktopCode.mjs';
import { repoRoot } from './vscodeHost/hostPaths.mjs';
import { packageExtension } from './vscodeHost/packageExtension.mjs';
import { isStopping, makeRunDirectory } from './vscodeHost/processCleanup.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'no-open': { type: 'boolean', default: false },
    host: { type: 'string', default: '' },
  },
});

function runOrExit(args, description) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] ${description}`);
    process.exit(1);
  }
}

/** Opens the URL in the desktop's browser when there is one; says so when there is not. */
function openBrowser(url) {
  const opener = ['xdg-open', 'open', 'wslview'].map(whichCommand).find(Boolean);
  if (!opener) {
    console.log('[start] no browser opener (xdg-open) found: open the URL yourself');
    return;
  }
  spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
}

function startDesktop(cli) {
  const seeds = path.join(repoRoot, 'seeds');
  console.log(`[start] opening ${seeds} in VS Code with the extension in development mode`);
  const result = spawnSync(cli, ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, seeds], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

async function startBrowserHost() {
  runOrExit(
    [path.join(repoRoot, 'scripts', 'vscodeHost', 'install.mjs')],
    'the VS Code host could not be installed',
  );
  const runDir = makeRunDirectory('start');
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  installVsix(packageExtension(runDir), { userDataDir, extensionsDir });
  // A copy, so that nothing written while trying the extension out lands in seeds/.
  const workspace = path.join(runDir, 'seeds');
  cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const port = Number(options.port) || (await findFreePort());
  const server = await startCodeServer({ port, userDataDir, extensionsDir, folder: workspace });
  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\n  News Annotator in VS Code (code-server): ${url}\n`);
  console.log(`[start] workspace: a copy of seeds/ in ${workspace}, deleted on exit`);
  console.log('[start] press Ctrl+C to stop');
  if (!options['no-open']) openBrowser(url);
  // Keep running until Ctrl+C (handled by processCleanup) or until code-server stops by itself.
  await server.exited;
  if (isStopping()) return;
  console.error(`[start] code-server stopped; its log was ${server.logFile}`);
  process.exit(1);
}

runOrExit(['esbuild.mjs'], 'npm run build (node esbuild.mjs) failed');
const host = options.host || (whichCommand('code') ? 'desktop' : 'code-server');
if (host === 'desktop') {
  const desktop = findDesktopCode();
  if (!desktop?.cli) {
    console.error('[start] --host=desktop needs a `code` command on the PATH');
    process.exit(1);
  }
  startDesktop(desktop.cli);
} else if (host === 'code-server') {
  await startBrowserHost();
} else {
  console.error(`[start] unknown --host ${host}: use desktop or code-server`);
  process.exit(1);
}
