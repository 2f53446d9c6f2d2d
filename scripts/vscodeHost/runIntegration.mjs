#!/usr/bin/env node
// Runs the integration suites inside a real VS Code extension host:
//   test/integration             with workspace trust off;
//   test/integration-restricted  in Restricted Mode (trust on, the folder untrusted), on a copy of
//                                seeds/ with that folder's workspace/ laid over it.
// Launchers:
//   electron     @vscode/test-electron on a desktop VS Code (VSCODE_EXECUTABLE_PATH, or `code` on
//                the PATH; with --host=electron and neither, test-electron downloads VS Code);
//   current/min  code-server from the tools cache (installed on first use) bundling the pinned
//                current VS Code or the oldest one engines.vscode admits (versions.json), with the
//                tests started through the workbench's `payload` URL and driven by headless Debian
//                Chromium. `code-server` means `current`.
// The default is electron when a desktop VS Code is found, else current (this machine, CI).
// Options: --host=electron|current|min (or NEWS_ANNOTATOR_VSCODE_HOST), --suite=integration|restricted
// (default both), --grep=<pattern>, --timeout=<seconds> (default 300), VERBOSE=1 for the
// workbench's own console chatter.
// Prints mocha's report per suite and a closing line `N passed, N failed` over all suites; exits 1
// when anything failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runWorkbenchPayload } from './browser.mjs';
import { buildIntegrationTests } from './buildTests.mjs';
import { findFreePort, startCodeServer } from './codeServer.mjs';
import { findDesktopCode } from './desktopCode.mjs';
import { hostNames, repoRoot, vscodeHost } from './hostPaths.mjs';
import { makeRunDirectory } from './processCleanup.mjs';

const { values: options } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.NEWS_ANNOTATOR_VSCODE_HOST || '' },
    suite: { type: 'string', default: '' },
    grep: { type: 'string', default: '' },
    timeout: { type: 'string', default: '300' },
  },
});

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

/** The suites: their folder under test/, and whether they run in Restricted Mode. */
const suites = {
  integration: { folder: 'integration', restrictedMode: false },
  restricted: { folder: 'integration-restricted', restrictedMode: true },
};

/** Workspace trust settings for a desktop run in Restricted Mode (see codeServer.mjs). */
const restrictedModeSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Copies seeds/ to a throw-away workspace, so no test can write into the repository, and lays the
 * suite's own workspace/ folder (settings, knowledge-base files) over it when it has one.
 */
function makeWorkspace(runDir, suite) {
  const workspace = path.join(runDir, 'workspace');
  cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const overlay = path.join(repoRoot, 'test', suite.folder, 'workspace');
  if (existsSync(overlay)) cpSync(overlay, workspace, { recursive: true });
  return workspace;
}

async function runWithTestElectron(testsPath, desktop, suite) {
  const { runTests } = await import('@vscode/test-electron');
  const runDir = makeRunDirectory('it');
  const workspace = makeWorkspace(runDir, suite);
  const userDataDir = path.join(runDir, 'user-data');
  if (suite.restrictedMode) {
    mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify(restrictedModeSettings, null, 2),
    );
  }
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
        ...(suite.restrictedMode ? [] : ['--disable-workspace-trust']),
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
    return 0;
  } catch (error) {
    console.error(`[vscode-host] ${error.message ?? error}`);
    return 1;
  }
}

/**
 * Runs one suite in code-server and resolves with its exit status and mocha's counts (undefined
 * when the suite reported none).
 */
async function runWithCodeServer(testsPath, host, suite) {
  const runDir = makeRunDirectory('it');
  const workspace = makeWorkspace(runDir, suite);
  const port = await findFreePort();
  // The host's test arguments: a recent built VS Code honours the payload's extension development
  // and test parameters only with `--vscode-option enable-smoke-test-driver` (a test-only switch,
  // never used by `npm start`); VS Code 1.75 honours them without it and has no such option.
  const server = await startCodeServer({
    port,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    folder: workspace,
    extraArgs: host.testServerArgs,
    host,
    restrictedMode: suite.restrictedMode,
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
  console.log(
    `[vscode-host] launcher: code-server (Node extension host), suite ${suite.folder}` +
      `${suite.restrictedMode ? ' in Restricted Mode' : ''}, workspace ${workspace}`,
  );

  const started = Date.now();
  let counts;
  let exitCode;
  try {
    exitCode = await runWorkbenchPayload({
      url,
      timeoutSeconds: Number(options.timeout),
      onLine: (text) => {
        const summary = /^(\d+) passed, (\d+) failed$/.exec(text.trim());
        if (!summary) return false;
        // Only the closing line over all suites keeps the bare `N passed, N failed` form.
        counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
        console.log(`[vscode-host] ${suite.folder}: ${text.trim()}`);
        return true;
      },
    });
  } finally {
    await server.stop();
  }
  console.log(
    `[vscode-host] ${suite.folder}: extension host exited with ${exitCode} after ${Date.now() - started} ms`,
  );
  if (!counts) {
    console.log(
      `[vscode-host] the suite reported no results (server log: kept only during the run)`,
    );
  }
  return { code: exitCode === 0 && counts ? 0 : 1, counts };
}

async function main() {
  run(process.execPath, ['esbuild.mjs'], 'npm run build (node esbuild.mjs) failed');
  const desktop = findDesktopCode();
  let hostName = options.host || (desktop?.executable ? 'electron' : 'current');
  if (hostName === 'code-server') hostName = 'current';
  if (hostName !== 'electron' && !hostNames.includes(hostName)) {
    throw new Error(`unknown --host ${hostName}: use electron, ${hostNames.join(' or ')}`);
  }
  const chosen = options.suite ? [options.suite] : Object.keys(suites);
  for (const name of chosen) {
    if (!suites[name]) throw new Error(`unknown --suite ${name}: use integration or restricted`);
  }

  if (hostName === 'electron') {
    let code = 0;
    for (const name of chosen) {
      const testsPath = await buildIntegrationTests(suites[name].folder);
      code = (await runWithTestElectron(testsPath, desktop, suites[name])) || code;
    }
    process.exit(code);
  }

  const host = vscodeHost(hostName);
  run(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'vscodeHost', 'install.mjs'), `--host=${host.name}`],
    `the ${host.name} VS Code host could not be installed`,
  );
  const started = Date.now();
  const total = { passed: 0, failed: 0 };
  let code = 0;
  for (const name of chosen) {
    const testsPath = await buildIntegrationTests(suites[name].folder);
    if (options.grep) writeFileSync(path.join(path.dirname(testsPath), 'grep.txt'), options.grep);
    let result = await runWithCodeServer(testsPath, host, suites[name]);
    if (!result.counts) {
      // The host stopped before the suite reported anything (code-server 4.10 sometimes fails to
      // start its extension host: "Error received from starting extension host"). No test ran, so
      // one more start hides no failure; a host that cannot run the suite fails twice.
      console.log(`[vscode-host] ${suites[name].folder}: no test ran; starting the host once more`);
      result = await runWithCodeServer(testsPath, host, suites[name]);
    }
    total.passed += result.counts?.passed ?? 0;
    total.failed += result.counts?.failed ?? 1;
    code = result.code || code;
  }
  console.log(
    `[vscode-host] ${chosen.join(' + ')} on code-server ${host.codeServer} (VS Code ${host.vscode}, ` +
      `Node ${host.node}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(code);
}

main().catch((error) => {
  console.error(`[vscode-host] FAILED: ${error.stack ?? error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
