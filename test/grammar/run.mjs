// Runs the grammar tests: `npm run test:grammar` (add `-- --update` to refresh generated files).
//
// 1. The committed grammar JSON is what syntaxes/buildGrammar.mjs builds.
// 2. The snapshot fixtures are byte-identical copies of seeds/*.txt.
// 3. Assertion files (test/grammar/cases/*.test.article) pass vscode-tmgrammar-test.
// 4. Every scope of the stable interface is asserted positively by at least one assertion file.
// 5. Snapshots of the seeds (test/grammar/fixtures/*.txt.snap) match vscode-tmgrammar-snap.
// 6. A line that VS Code leaves untokenised (over 20,000 characters) does not change how the
//    following lines are read.
//
// With --update, steps 1, 2 and 5 rewrite their files instead of comparing; review the diff of the
// .snap files before committing them. Everything runs from node_modules, so a clean clone only
// needs `npm install`.

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammarPath, renderGrammar } from '../../syntaxes/buildGrammar.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const casesDir = path.join(root, 'test/grammar/cases');
const fixturesDir = path.join(root, 'test/grammar/fixtures');
const seedsDir = path.join(root, 'seeds');
const update = process.argv.includes('--update');
const scopeName = 'text.news-article';

/** The scopes that themes and tests rely on (issue 2); each must be asserted somewhere. */
const STABLE_SCOPES = [
  'markup.heading.headline.news-article',
  'meta.date-header.news-article',
  'constant.other.date.news-article',
  'meta.dateline.news-article',
  'string.quoted.double.news-article',
  'string.quoted.single.news-article',
  'punctuation.definition.string.begin.news-article',
  'punctuation.definition.string.end.news-article',
  'comment.block.boilerplate.news-article',
  'meta.comments.news-article',
  'entity.name.commenter.news-article',
];

const toolDir = path.dirname(
  createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'),
);
const results = [];

/** Records the outcome of one check and prints its heading. */
function report(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` - ${detail}` : ''}`);
}

/** Runs one of vscode-tmgrammar-test's command-line tools with the project's package.json. */
function runTool(script, args) {
  const run = spawnSync(process.execPath, [path.join(toolDir, 'dist', script), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`.trimEnd();
  if (output) console.log(output.replace(/^/gm, '      '));
  return run.status === 0;
}

function checkGrammarIsBuilt() {
  const built = renderGrammar();
  const committed = existsSync(grammarPath) ? readFileSync(grammarPath, 'utf8') : '';
  if (built === committed) return report('grammar JSON matches syntaxes/buildGrammar.mjs', true);
  if (update) {
    writeFileSync(grammarPath, built);
    return report('grammar JSON rebuilt from syntaxes/buildGrammar.mjs', true);
  }
  report(
    'grammar JSON matches syntaxes/buildGrammar.mjs',
    false,
    'run `node syntaxes/buildGrammar.mjs` (or this script with --update)',
  );
}

function checkFixturesMatchSeeds() {
  const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));
  const stale = seeds.filter((name) => {
    const copy = path.join(fixturesDir, name);
    return !existsSync(copy) || !readFileSync(copy).equals(readFileSync(path.join(seedsDir, name)));
  });
  if (update) mkdirSync(fixturesDir, { recursive: true });
  const copies = existsSync(fixturesDir) ? readdirSync(fixturesDir) : [];
  const orphans = copies.filter((name) => name.endsWith('.txt') && !seeds.includes(name));
  if (stale.length === 0 && orphans.length === 0) {
    return report(`snapshot fixtures are copies of the ${seeds.length} seeds`, true);
  }
  if (update) {
    for (const name of stale) copyFileSync(path.join(seedsDir, name), path.join(fixturesDir, name));
    return report(
      `snapshot fixtures copied from seeds (${stale.length} updated)`,
      orphans.length === 0,
      orphans.length ? `no seed for ${orphans.join(', ')}` : '',
    );
  }
  report(
    'snapshot fixtures are copies of the seeds',
    false,
    `${[...stale.map((n) => `${n} differs or is missing`), ...orphans.map((n) => `${n} has no seed`)].join('; ')}; run with --update`,
  );
}

function runAssertions() {
  const count = readdirSync(casesDir).filter((name) => name.endsWith('.test.article')).length;
  console.log(`....  assertion files (${count}) with vscode-tmgrammar-test`);
  const ok = runTool('unit.js', ['test/grammar/cases/*.test.article']);
  report(`assertion files (${count})`, ok);
}

function checkEveryScopeIsAsserted() {
  const asserted = new Set();
  for (const name of readdirSync(casesDir).filter((n) => n.endsWith('.test.article'))) {
    const lines = readFileSync(path.join(casesDir, name), 'utf8').split(/\r?\n/);
    const token = lines[0].split(/\s/)[0];
    for (const line of lines.slice(1)) {
      const assertion = /^\s*(?:\^+\s*)+(.*)$|^\s*<~*-+(.*)$/.exec(line.slice(token.length));
      if (!line.startsWith(token) || !assertion) continue;
      const required = (assertion[1] ?? assertion[2]).split(/(?:^|\s)-(?:\s|$)/)[0];
      for (const scope of required.split(/\s+/).filter(Boolean)) asserted.add(scope);
    }
  }
  const missing = STABLE_SCOPES.filter((scope) => !asserted.has(scope));
  report(
    `every stable scope (${STABLE_SCOPES.length}) is asserted`,
    missing.length === 0,
    missing.length ? `never asserted: ${missing.join(', ')}` : '',
  );
}

function runSnapshots() {
  const fixtures = existsSync(fixturesDir)
    ? readdirSync(fixturesDir).filter((name) => name.endsWith('.txt'))
    : [];
  const missing = fixtures.filter((name) => !existsSync(path.join(fixturesDir, `${name}.snap`)));
  if (missing.length && !update) {
    // The tool would silently write a missing snapshot and pass; a clean clone must not do that.
    return report('seed snapshots', false, `no .snap for ${missing.join(', ')}; run with --update`);
  }
  console.log(`....  seed snapshots (${fixtures.length}) with vscode-tmgrammar-snap`);
  // --expandDiff marks changed lines with ++ and -- so the diff reads without colours (CI logs).
  const args = ['--expandDiff', '-s', scopeName, 'test/grammar/fixtures/*.txt'];
  const ok = runTool('snapshot.js', update ? ['--updateSnapshot', ...args] : args);
  report(`seed snapshots (${fixtures.length})${update ? ' updated' : ''}`, ok);
}

/** Tokenises lines as VS Code does, leaving the state untouched across lines it skips. */
function tokenizeLines(grammar, INITIAL, lines, skip) {
  let state = INITIAL;
  return lines.map((line, index) => {
    if (skip.has(index)) return null;
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    return tokens.map((t) => `${t.startIndex}-${t.endIndex} ${t.scopes.join(' ')}`).join('\n');
  });
}

async function checkLongLinesDoNotLeak() {
  const requireFromTool = createRequire(path.join(toolDir, 'package.json'));
  const tm = requireFromTool('vscode-textmate');
  const oniguruma = requireFromTool('vscode-oniguruma');
  const wasm = readFileSync(
    path.join(path.dirname(requireFromTool.resolve('vscode-oniguruma')), 'onig.wasm'),
  );
  await oniguruma.loadWASM(wasm.buffer);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => tm.parseRawGrammar(renderGrammar(), grammarPath),
  });
  const grammar = await registry.loadGrammar(scopeName);
  const filler = 'The talks went on into the night, officials said. '.repeat(420);
  // Two paragraphs over 20,000 characters: the first of the body and one in the middle, each
  // opening quotations of every kind without closing them.
  const lines = [
    'Talks resume in Vienna',
    '',
    `MOSCOW—${filler}“Unclosed curly, "unclosed straight, «unclosed guillemet, ‘unclosed single`,
    '',
    'A short item.',
    '',
    `${filler}“It will go on in January 2018 and 'we will see`,
    '',
    'Officials said on Dec. 27, 2017 that “the talks were useful,” and left.',
    '',
    'Discussion Policy',
    '',
    'Comments are welcomed.',
    '',
    '3 Comments',
    '',
    '  1. petrakian said:',
  ];
  const long = new Set(lines.flatMap((line, index) => (line.length > 20000 ? [index] : [])));
  const whole = tokenizeLines(grammar, tm.INITIAL, lines, new Set());
  const skipped = tokenizeLines(grammar, tm.INITIAL, lines, long);
  const differing = lines
    .map((_, index) => index)
    .filter((index) => !long.has(index) && whole[index] !== skipped[index]);
  report(
    `untokenised long lines (${long.size}) do not change later lines`,
    long.size === 2 && differing.length === 0,
    differing.length ? `lines ${differing.map((i) => i + 1).join(', ')} differ` : '',
  );
}

checkGrammarIsBuilt();
checkFixturesMatchSeeds();
runAssertions();
checkEveryScopeIsAsserted();
runSnapshots();
await checkLongLinesDoNotLeak();

const failed = results.filter((result) => !result.ok);
console.log(
  `\ngrammar tests: ${results.length - failed.length} of ${results.length} checks passed` +
    (failed.length ? `; failed: ${failed.map((result) => result.name).join('; ')}` : ''),
);
process.exitCode = failed.length ? 1 : 0;
