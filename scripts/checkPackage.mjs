// The packaged-VSIX check: `vsce package` succeeds without a warning (vsce prints its warnings on
// stderr), and the VSIX holds exactly the allowlisted files (no sources, seeds, tests or
// node_modules). It also checks what the Marketplace shows and what SECURITY.md promises: the icon
// is a 128 x 128 PNG, every relative link in the packaged Markdown points at a file of the
// repository, and the shipped bundles load no module besides `vscode`, `node:worker_threads` and
// `node:fs/promises` (for reading files on disk).
// Prints the VSIX size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
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
  /^dist\/ThirdPartyNotices\.txt$/,
];
/** Files the VSIX must hold for the extension to work. */
const required = [
  'package.json',
  'dist/extension.js',
  'dist/worker.js',
  'dist/ThirdPartyNotices.txt',
  'language-configuration.json',
  'syntaxes/news-article.tmLanguage.json',
];

/** The only modules the shipped bundles may load at run time (see SECURITY.md). */
const allowedRequires = new Set(['vscode', 'node:worker_threads', 'node:fs/promises']);

/** Runs vsce and returns its stdout and stderr; throws with both when it fails. */
function run(args) {
  const result = spawnSync(process.execPath, [vsce, ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw Object.assign(new Error(`vsce ${args[0]} exited with ${result.status}`), result);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`FAIL ${message}`);
};

let packOutput = { stdout: '', stderr: '' };
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
const packText = `${packOutput.stdout}${packOutput.stderr}`;
if (/WARNING/i.test(packText) || packOutput.stderr.trim())
  fail(`vsce package warned:\n${packText}`);

const files = run(['ls', '--no-dependencies'])
  .stdout.split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
for (const file of files) {
  if (!allowed.some((pattern) => pattern.test(file))) fail(`unexpected file in the VSIX: ${file}`);
}
for (const file of required) {
  if (!files.includes(file)) fail(`missing from the VSIX: ${file}`);
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
if (manifest.icon) {
  const png = readFileSync(manifest.icon);
  const isPng = png.subarray(1, 4).toString('latin1') === 'PNG';
  const [width, height] = isPng ? [png.readUInt32BE(16), png.readUInt32BE(20)] : [0, 0];
  if (!isPng || width !== 128 || height !== 128)
    fail(`the icon ${manifest.icon} must be a 128 x 128 PNG (it is ${width} x ${height})`);
  if (!files.includes(manifest.icon)) fail(`the icon ${manifest.icon} is not in the VSIX`);
} else {
  fail('package.json names no icon');
}

// Relative links stay relative in the VSIX (--no-rewrite-relative-links); each must name a file of
// the repository, so that a repository URL or --baseContentUrl turns it into a working one.
for (const markdown of files.filter((file) => file.endsWith('.md'))) {
  const text = readFileSync(markdown, 'utf8');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^(?:[a-z][\w+.-]*:|#)/i.test(target)) continue;
    const file = decodeURIComponent(target.split('#')[0]);
    if (!existsSync(file)) fail(`${markdown} links to ${target}, which does not exist`);
  }
}

for (const bundle of files.filter((file) => file.endsWith('.js'))) {
  const code = readFileSync(bundle, 'utf8');
  for (const [call, argument] of code.matchAll(/(?<![\w$.])require\(([^)]*)\)/g)) {
    const name = /^"([^"]*)"$/.exec(argument)?.[1];
    if (!name || !allowedRequires.has(name)) fail(`${bundle} loads ${call} at run time`);
  }
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
