// Bundles the test layers that run outside plain mocha:
// - the integration suite for the extension host: test/integration/index.ts and every
//   test/integration/*.test.ts become out/test/integration/*.js (CommonJS, Node); 'vscode' comes
//   from the host and mocha is resolved from the extension's node_modules at run time;
// - the browser end-to-end test: test/e2e/index.ts becomes out/test/e2e/index.js.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './hostPaths.mjs';

/** Where the bundled suite lands; the runners pass `<outDir>/index.js` as extensionTestsPath. */
export const integrationOutDir = path.join(repoRoot, 'out', 'test', 'integration');

/** Bundles the suite and returns the path of its entry module. */
export async function buildIntegrationTests() {
  const sourceDir = path.join(repoRoot, 'test', 'integration');
  const entryPoints = readdirSync(sourceDir)
    .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
    .map((file) => path.join(sourceDir, file));
  rmSync(integrationOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: integrationOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(integrationOutDir, 'index.js');
}

/** Where the bundled browser end-to-end test lands. */
export const e2eOutDir = path.join(repoRoot, 'out', 'test', 'e2e');

/** Bundles test/e2e/index.ts (playwright-core stays external) and returns the bundle's path. */
export async function buildE2eTests() {
  rmSync(e2eOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'e2e', 'index.ts')],
    outdir: e2eOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['playwright-core'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(e2eOutDir, 'index.js');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildIntegrationTests());
  console.log(await buildE2eTests());
}
