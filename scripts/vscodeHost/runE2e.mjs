#!/usr/bin/env node
// The browser end-to-end test: builds and packages the VSIX, installs it into code-server (from the
// tools cache, installed on first use), opens a copy of seeds/ and runs test/e2e in headless Debian
// Chromium. Screenshots go to test-results/screenshots (E2E_SCREENSHOT_DIR overrides). Prints each
// step and a closing `N passed, N failed` line; exits 1 when a step failed.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium } from './browser.mjs';
import { buildE2eTests } from './buildTests.mjs';
import { findFreePort, installVsix, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './hostPaths.mjs';
import { packageExtension } from './packageExtension.mjs';
import { makeRunDirectory } from './processCleanup.mjs';

function fail(message) {
  console.error(`[vscode-host] FAILED: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function runOrFail(args, description) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) fail(description);
}

async function main() {
  const started = Date.now();
  runOrFail(
    [path.join(repoRoot, 'scripts', 'vscodeHost', 'install.mjs')],
    'the VS Code host could not be installed',
  );
  runOrFail(['esbuild.mjs'], 'npm run build (node esbuild.mjs) failed');
  const runDir = makeRunDirectory('e2e');
  const vsix = packageExtension(runDir);
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  installVsix(vsix, { userDataDir, extensionsDir });
  const workspace = path.join(runDir, 'seeds');
  cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const server = await startCodeServer({
    port: await findFreePort(),
    userDataDir,
    extensionsDir,
    folder: workspace,
  });

  // The test is TypeScript, bundled by esbuild like the integration suite.
  const { runE2e } = createRequire(import.meta.url)(await buildE2eTests());
  const screenshotDir = path.resolve(
    process.env.E2E_SCREENSHOT_DIR || path.join(repoRoot, 'test-results', 'screenshots'),
  );
  const browser = await launchChromium();
  let result;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    result = await runE2e(page, {
      url: `${server.origin}/?folder=${encodeURIComponent(workspace)}`,
      screenshotDir,
      manifest: JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')),
      repoRoot,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(
    `[vscode-host] e2e done in ${Date.now() - started} ms; screenshots in ${screenshotDir}`,
  );
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
}

main().catch((error) => fail(error.stack ?? String(error)));
