#!/usr/bin/env node
// Runs the integration suite (test/integration) inside a real VS Code extension host, with one of
// two launchers:
//   electron     @vscode/test-electron on a desktop VS Code (VSCODE_EXECUTABLE_PATH, or `code` on
//                the PATH; with --host=electron and neither, test-electron downloads VS Code);
//   code-server  code-server from the tools cache (installed on first use), with the tests started
//                through the workbench's `payload` URL and driven by headless Debian Chromium.
// The default is electron when a desktop VS Code is found, else code-server (this machine, CI).
// Options: --host=electron|code-server (or NEWS_ANNOTATOR_VSCODE_HOST), --grep=<pattern>,
// --timeout=<seconds> (default 300), VERBOSE=1 for the workbench's own console chatter.
// Prints mocha's report and a closing line `N passed, N failed`; exits 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium } from './browser.mjs';
import { buildIntegrationTests } from './buildTests.mjs';
import { findFreePort, startCodeServer } from './codeServer.mjs';
import { findDesktopCode } from './desktopCode.mjs';
import { repoRoot } from './hostPaths.mjs';
import { makeRunDirectory } from './processCleanup.mjs';

const { values: options } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.NEWS_ANNOTATOR_VSCODE_HOST || '' },
    grep: { type: 'string', default: '' },
    timeout: { type: 'string', default: '300' },
  },
});

/** Lines of the offline workbench's chatter that say nothing about the tests. */
const noise = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)/,
  /^(Resolv|Creating a socket|Updating additional builtin)/,
  /ENOTFOUND|authentication provider 'github'/,
];

function run(command, args, description) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[vscode-host] FAILED: ${description}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/** The extension host's environment: the grep pattern reaches mocha inside the host this way. */
function extensionEnvironment() {
  return options.grep ? { NEWS_ANNOTATOR_TEST_GREP: options.grep } : {};
}

/** Copies seeds/ to a throw-away workspace, so no test can write into the repository. */
function makeWorkspace(runDir) {
  const workspace = path.join(runDir, 'workspace');
  cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  return workspace;
}

async function runWithTestElectron(testsPath, desktop) {
  const { runTests } = await import('@vscode/test-electron');
  const runDir = makeRunDirectory('it');
  const workspace = makeWorkspace(runDir);
  console.log(
    `[vscode-host] launcher: @vscode/test-electron (${desktop?.executable ?? 'downloaded VS Code'})`,
  );
  try {
    await runTests({
      ...(desktop?.executable ? { vscodeExecutablePath: desktop.executable } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsPath,
      extensionTestsEnv: extensionEnvironment(),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
    return 0;
  } catch (error) {
    console.error(`[vscode-host] ${error.message ?? error}`);
    return 1;
  }
}

async function runWithCodeServer(testsPath) {
  run(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'vscodeHost', 'install.mjs')],
    'the VS Code host could not be installed',
  );
  const runDir = makeRunDirectory('it');
  const workspace = makeWorkspace(runDir);
  const port = await findFreePort();
  // enable-smoke-test-driver: a built VS Code honours the payload's extension development and test
  // parameters only with it. It is a test-only switch, never used by `npm start`.
  const server = await startCodeServer({
    port,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    folder: workspace,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsPath)],
    ['extensionEnvironment', JSON.stringify(extensionEnvironment())],
    ['skipWelcome', 'true'],
  ];
  const url =
    `${server.origin}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`[vscode-host] launcher: code-server (Node extension host), workspace ${workspace}`);

  const started = Date.now();
  const browser = await launchChromium();
  let sawSummary = false;
  let exitCode;
  try {
    const page = await browser.newPage();
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    // The workbench forwards the extension host's console here; it calls codeAutomationExit with
    // the exit code once the test module's run() settles (VS Code's own web test contract).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...args);
      if (!process.env.VERBOSE && noise.some((pattern) => pattern.test(text))) return;
      if (/^\d+ passed, \d+ failed$/.test(text.trim())) sawSummary = true;
      (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    if (process.env.VERBOSE)
      page.on('console', (message) => console.log(`[page] ${message.text()}`));
    const timer = setTimeout(() => finish('timeout'), Number(options.timeout) * 1000);
    await page.goto(url);
    exitCode = await finished;
    clearTimeout(timer);
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(
    `[vscode-host] extension host exited with ${exitCode} after ${Date.now() - started} ms`,
  );
  if (!sawSummary) {
    console.log(
      `[vscode-host] the suite reported no results (server log: kept only during the run)`,
    );
    console.log('0 passed, 1 failed');
  }
  return exitCode === 0 ? 0 : 1;
}

async function main() {
  run(process.execPath, ['esbuild.mjs'], 'npm run build (node esbuild.mjs) failed');
  const testsPath = await buildIntegrationTests();
  const desktop = findDesktopCode();
  const host = options.host || (desktop?.executable ? 'electron' : 'code-server');
  if (host !== 'electron' && host !== 'code-server') {
    throw new Error(`unknown --host ${host}: use electron or code-server`);
  }
  const code =
    host === 'electron'
      ? await runWithTestElectron(testsPath, desktop)
      : await runWithCodeServer(testsPath);
  process.exit(code);
}

main().catch((error) => {
  console.error(`[vscode-host] FAILED: ${error.stack ?? error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
