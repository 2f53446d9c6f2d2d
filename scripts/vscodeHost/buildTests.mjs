// Bundles the integration suite for the extension host: test/integration/index.ts and every
// test/integration/*.test.ts become out/test/integration/*.js (CommonJS, Node). 'vscode' comes from
// the host and mocha is resolved from the extension's node_modules at run time.
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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildIntegrationTests());
}
