// Bundles the test layers that run outside plain mocha:
// - the integration suites for the extension host: test/integration/index.ts and every
//   test/<suite>/*.test.ts become out/test/<suite>/*.js (CommonJS, Node); 'vscode' comes from the
//   host and mocha is resolved from the extension's node_modules at run time. The suites are
//   test/integration (workspace trust off) and test/integration-restricted (Restricted Mode), which
//   shares the first one's entry point and helpers;
// - the browser end-to-end test: test/e2e/index.ts becomes out/test/e2e/index.js.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './hostPaths.mjs';

/**
 * Bundles `entryPoints` for Node into a fresh `outDir` (CommonJS, inline source maps), leaving
 * `external` to be resolved at run time, and returns the path of `<outDir>/index.js`.
 */
export async function bundleForNode({ entryPoints, outDir, target, external }) {
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target,
    external,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(outDir, 'index.js');
}

/** Where the bundled main suite lands; the runners pass `<outDir>/index.js` as extensionTestsPath. */
export const integrationOutDir = path.join(repoRoot, 'out', 'test', 'integration');

/** Bundles one integration suite (a folder under test/) and returns the path of its entry module. */
export async function buildIntegrationTests(suite = 'integration') {
  const sourceDir = path.join(repoRoot, 'test', suite);
  const outDir = path.join(repoRoot, 'out', 'test', suite);
  // Named entry points keep every output beside index.js, whichever folder its source is in.
  const entryPoints = { index: path.join(repoRoot, 'test', 'integration', 'index.ts') };
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith('.test.ts'))) {
    entryPoints[file.replace(/\.ts$/, '')] = path.join(sourceDir, file);
  }
  return bundleForNode({
    entryPoints,
    outDir,
    // The suite runs in the extension host of the oldest VS Code too (Node 16).
    target: 'node16.14',
    external: ['vscode', 'mocha'],
  });
}

/** Where the bundled browser end-to-end test lands. */
export const e2eOutDir = path.join(repoRoot, 'out', 'test', 'e2e');

/** Bundles test/e2e/index.ts (playwright-core stays external) and returns the bundle's path. */
export async function buildE2eTests() {
  return bundleForNode({
    entryPoints: [path.join(repoRoot, 'test', 'e2e', 'index.ts')],
    outDir: e2eOutDir,
    target: 'node20',
    external: ['playwright-core'],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildIntegrationTests());
  console.log(await buildIntegrationTests('integration-restricted'));
  console.log(await buildE2eTests());
}
