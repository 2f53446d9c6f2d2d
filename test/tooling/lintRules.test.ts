import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { root } from '../cli/runCli';

/** Lints a snippet as if it were the file at `filePath`, and returns the rules it breaks. */
async function brokenRules(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

suite('lint rules that keep the layers apart', () => {
  test('src/core may not import vscode', async () => {
    const broken = await brokenRules(
      "import * as vscode from 'vscode';\nexport const x = vscode;\n",
      'src/core/example.ts',
    );
    assert.ok(
      broken.some((rule) => rule.startsWith('no-restricted-imports') && rule.includes('vscode')),
      broken.join('\n'),
    );
  });

  test('src/core may not import the VS Code adapters', async () => {
    const broken = await brokenRules(
      "import { registerOutline } from '../features/outline';\nexport const x = registerOutline;\n",
      'src/core/example.ts',
    );
    assert.ok(
      broken.some((rule) => rule.startsWith('no-restricted-imports')),
      broken.join('\n'),
    );
  });

  test('compromise is imported only in src/core/nlp', async () => {
    const code = "import nlp from 'compromise';\nexport const x = nlp;\n";
    assert.ok((await brokenRules(code, 'src/core/quotes/example.ts')).length > 0);
    assert.ok((await brokenRules(code, 'src/features/example.ts')).length > 0);
    assert.deepEqual(await brokenRules(code, 'src/core/nlp/example.ts'), []);
  });

  test('their builds and locales count as the packages', async () => {
    for (const code of [
      "import nlp from 'compromise/two';\nexport const x = nlp;\n",
      "import * as chrono from 'chrono-node/en';\nexport const x = chrono;\n",
    ]) {
      assert.ok((await brokenRules(code, 'src/core/dates/example.ts')).length > 0, code);
      assert.ok((await brokenRules(code, 'src/platform/example.ts')).length > 0, code);
      assert.deepEqual(await brokenRules(code, 'src/core/nlp/example.ts'), []);
    }
  });

  test('features may import vscode', async () => {
    const code = "import * as vscode from 'vscode';\nexport const x = vscode;\n";
    assert.deepEqual(await brokenRules(code, 'src/features/example.ts'), []);
  });
});
