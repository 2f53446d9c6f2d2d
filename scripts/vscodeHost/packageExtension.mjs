// Packages the extension as a VSIX with @vscode/vsce, the way it ships: .vscodeignore is the
// allowlist and esbuild has already bundled the dependencies into dist/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './hostPaths.mjs';

/** Writes `<directory>/news-annotator.vsix` and returns its path. */
export function packageExtension(directory) {
  const vsix = path.join(directory, 'news-annotator.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--out',
      vsix,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return vsix;
}
