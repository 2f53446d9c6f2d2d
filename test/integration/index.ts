/**
 * The integration suite's entry point: VS Code's extension host (desktop through
 * `@vscode/test-electron`, or code-server's Node extension host) loads this module as
 * `extensionTestsPath` and awaits `run()`. Every `*.test.js` bundled beside it is one suite, so a new
 * feature adds one test file and nothing here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/**
 * The activation suite must run first: it checks that opening a news article is what activates the
 * extension, which only holds while nothing else has activated it yet.
 */
const firstSuites = ['activation.test.js'];

function orderSuites(files: string[]): string[] {
  return [...files].sort((a, b) => {
    const rank = (file: string) => (firstSuites.includes(file) ? 0 : 1);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
}

/**
 * The runner also leaves the pattern beside the bundle, because VS Code 1.75 does not pass the
 * workbench payload's extension environment on to the extension host.
 */
function grepFromRunner(): string | undefined {
  const file = path.join(__dirname, 'grep.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}

/** Runs every suite and settles when mocha is done; the host turns a rejection into exit code 1. */
export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    // The first provider call may wait for the extension host to load the extension and its
    // analysis; generous limits keep slow CI machines from failing for the wrong reason.
    timeout: 60_000,
    slow: 2_000,
  });
  const only = process.env.NEWS_ANNOTATOR_TEST_GREP || grepFromRunner();
  if (only) mocha.grep(only);
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.test.js'));
  for (const file of orderSuites(files)) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
        // The runners outside the host look for this closing line.
        console.log(`${passes} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
