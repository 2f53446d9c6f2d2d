// The packaged-VSIX check: `vsce package` succeeds, and the VSIX holds exactly the allowlisted
// files (no sources, seeds, tests or node_modules). Prints the VSIX size.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');
const output = join('out', 'news-annotator.vsix');
mkdirSync('out', { recursive: true });

/** Files the VSIX may hold; anything else is a leak through .vscodeignore. */
const allowed = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE(\.txt)?$/,
  /^SECURITY\.md$/,
  /^images\/icon\.png$/,
  /^language-configuration\.json$/,
  /^syntaxes\/news-article\.tmLanguage\.json$/,
  /^schemas\/[\w.-]+\.json$/,
  /^dist\/(extension|worker)\.js$/,
  /^dist\/[\w.-]+\.LEGAL\.txt$/,
];
/** Files the VSIX must hold for the extension to work. */
const required = [
  'package.json',
  'dist/extension.js',
  'language-configuration.json',
  'syntaxes/news-article.tmLanguage.json',
];

const run = (args) =>
  execFileSync(process.execPath, [vsce, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`FAIL ${message}`);
};

let packOutput = '';
try {
  packOutput = run([
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out',
    output,
  ]);
} catch (error) {
  console.error(error.stdout ?? '', error.stderr ?? '');
  fail('vsce package failed');
}
if (/WARNING/i.test(packOutput)) fail(`vsce package warned:\n${packOutput}`);

const files = run(['ls', '--no-dependencies'])
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
for (const file of files) {
  if (!allowed.some((pattern) => pattern.test(file))) fail(`unexpected file in the VSIX: ${file}`);
}
for (const file of required) {
  if (!files.includes(file)) fail(`missing from the VSIX: ${file}`);
}

if (failures === 0) {
  const size = statSync(output).size;
  console.log(`VSIX ${output}: ${(size / 1024).toFixed(1)} KB, ${files.length} files`);
  for (const file of files) console.log(`  ${file}`);
  console.log(`${required.length + files.length} passed, 0 failed`);
} else {
  console.log(`0 passed, ${failures} failed`);
  process.exitCode = 1;
}
