#!/usr/bin/env node
// Prints what the bundles in dist/ are made of, from the metafile that `node esbuild.mjs` writes
// (dist/meta.json): each bundle's size, its largest input modules (bytes in the minified output),
// the packages that weigh most, and the modules that two bundles both carry.
// Usage: node scripts/analyzeBundle.mjs [--top=<n>] (default 12). Run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({ options: { top: { type: 'string', default: '12' } } });
const top = Number(options.top);
const metaPath = path.join('dist', 'meta.json');
if (!existsSync(metaPath)) {
  console.error(`${metaPath} is missing: run npm run build first`);
  process.exit(1);
}
const meta = JSON.parse(readFileSync(metaPath, 'utf8'));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The npm package a module path belongs to, or "src" for the project's own code. */
function packageOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : input.startsWith('src/') ? 'src (our code)' : input;
}

const bundles = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js'));
const carriedBy = new Map();
for (const [file, output] of bundles) {
  const inputs = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const packages = new Map();
  for (const { input, bytes } of inputs) {
    packages.set(packageOf(input), (packages.get(packageOf(input)) ?? 0) + bytes);
    if (!carriedBy.has(input)) carriedBy.set(input, []);
    carriedBy.get(input).push({ file, bytes });
  }
  console.log(`\n${file}: ${kb(output.bytes)}, ${inputs.length} modules`);
  console.log(`  largest modules:`);
  for (const { input, bytes } of inputs.slice(0, top)) {
    console.log(`    ${kb(bytes).padStart(9)}  ${input}`);
  }
  console.log(`  by package:`);
  for (const [name, bytes] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `    ${kb(bytes).padStart(9)}  ${((100 * bytes) / output.bytes).toFixed(0).padStart(3)} %  ${name}`,
    );
  }
}

// The extension's own two bundles load in different threads, so a module both carry is loaded
// twice; the CLI is not shipped in the VSIX and shares with both by design.
const shipped = bundles.map(([file]) => file).filter((file) => !file.endsWith('cli.js'));
const shared = [...carriedBy]
  .map(([input, carriers]) => ({
    input,
    carriers: carriers.filter((carrier) => shipped.includes(carrier.file)),
  }))
  .filter((entry) => entry.carriers.length > 1)
  .map((entry) => ({ input: entry.input, bytes: Math.min(...entry.carriers.map((c) => c.bytes)) }))
  .sort((a, b) => b.bytes - a.bytes);
const sharedBytes = shared.reduce((sum, entry) => sum + entry.bytes, 0);
console.log(`\nin both ${shipped.join(' and ')}: ${shared.length} modules, ${kb(sharedBytes)}`);
for (const { input, bytes } of shared.slice(0, top)) {
  console.log(`    ${kb(bytes).padStart(9)}  ${input}`);
}
