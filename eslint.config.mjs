// One linter for the whole tree. The rule that matters most: src/core is pure TypeScript and must
// never import 'vscode', so it can run in the CLI, in a worker and in plain mocha.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'src/core is pure: it must never import vscode.' };
const coreStaysPure = {
  group: ['**/features/**', '**/platform/**', '**/extension', '**/cli'],
  message: 'src/core must not depend on the VS Code or CLI layers.',
};
const nlpOnlyInNlp = [
  { name: 'compromise', message: 'Import compromise only through src/core/nlp.' },
  { name: 'chrono-node', message: 'Import chrono-node only through src/core/nlp.' },
];
/** Their builds and locales ('compromise/two', 'chrono-node/en') count as the packages. */
const nlpSubpathsOnlyInNlp = {
  group: ['compromise/*', 'chrono-node/*'],
  message: 'Import compromise and chrono-node only through src/core/nlp.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [coreStaysPure] }],
    },
  },
  {
    // compromise and chrono-node are imported only in src/core/nlp, and loaded lazily there.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/nlp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noVscode, ...nlpOnlyInNlp], patterns: [coreStaysPure, nlpSubpathsOnlyInNlp] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: nlpOnlyInNlp, patterns: [nlpSubpathsOnlyInNlp] }],
    },
  },
);
