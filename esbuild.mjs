// Bundles the extension, its analysis worker and the CLI into dist/. Usage:
//   node esbuild.mjs            one build (minified, with a metafile for size analysis)
//   node esbuild.mjs --watch    rebuild on change, with source maps
//   node esbuild.mjs --dev      one unminified build with source maps
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

/** Entry points: the extension host's module, the CLI and (when present) the analysis worker. */
const entryPoints = {
  extension: 'src/extension.ts',
  cli: 'src/cli.ts',
};
if (existsSync('src/worker.ts')) entryPoints.worker = 'src/worker.ts';

/** @type {esbuild.BuildOptions} */
const options = {
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Prefer ES modules: jsonc-parser's UMD main hides its requires from the bundler.
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['vscode'],
  minify: !dev,
  sourcemap: dev,
  metafile: true,
  logLevel: 'info',
  legalComments: 'linked',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const result = await esbuild.build(options);
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
}
