// Bundles the extension, its analysis worker and the CLI into dist/. Usage:
//   node esbuild.mjs            one build (minified, with a metafile for size analysis)
//   node esbuild.mjs --watch    rebuild on change, with source maps
//   node esbuild.mjs --dev      one unminified build with source maps
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { writeThirdPartyNotices } from './scripts/thirdPartyNotices.mjs';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

/**
 * Two builds: the extension host's module and its analysis worker run on the Node of the oldest VS
 * Code that engines.vscode admits (1.75, whose Electron 19 ships Node 16.14); the CLI needs Node 20
 * (engines.node).
 */
const builds = [
  {
    entryPoints: {
      extension: 'src/extension.ts',
      ...(existsSync('src/worker.ts') ? { worker: 'src/worker.ts' } : {}),
    },
    target: 'node16.14',
  },
  { entryPoints: { cli: 'src/cli.ts' }, target: 'node20' },
];

/** @type {esbuild.BuildOptions} */
const options = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Prefer ES modules: jsonc-parser's UMD main hides its requires from the bundler.
  mainFields: ['module', 'main'],
  external: ['vscode'],
  minify: !dev,
  sourcemap: dev,
  metafile: true,
  logLevel: 'info',
  legalComments: 'linked',
};

if (watch) {
  for (const build of builds) {
    const context = await esbuild.context({ ...options, ...build });
    await context.watch();
  }
} else {
  // One metafile for all bundles, for scripts/analyzeBundle.mjs.
  const metafile = { inputs: {}, outputs: {} };
  for (const build of builds) {
    const result = await esbuild.build({ ...options, ...build });
    Object.assign(metafile.inputs, result.metafile.inputs);
    Object.assign(metafile.outputs, result.metafile.outputs);
  }
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/meta.json', JSON.stringify(metafile));
  // The notices cover what the VSIX ships: the extension's bundles, not the CLI.
  writeThirdPartyNotices(
    metafile,
    Object.keys(metafile.outputs).filter((file) => /dist\/(extension|worker)\.js$/.test(file)),
    'dist/ThirdPartyNotices.txt',
  );
}
