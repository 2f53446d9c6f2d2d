/* global fetch */
// Starts and stops code-server (VS Code served over HTTP, with a Node extension host) from the tools
// cache, for one of the pinned hosts (hostPaths.mjs). Each run gets fresh, throw-away user data and
// extensions directories.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { hostEnv, vscodeHost } from './hostPaths.mjs';
import { ownProcessGroup, stopProcessGroup } from './processCleanup.mjs';

/** Quiet, offline-friendly user settings: no welcome page, no AI panel, no update or gallery checks. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/**
 * The settings of a run in Restricted Mode: workspace trust on, the folder left untrusted, and
 * neither the startup dialog nor the banner in the way (nobody is there to answer them).
 */
const restrictedModeSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/** Asks the kernel for a free TCP port on the loopback interface. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions directory with code-server's own CLI. */
export function installVsix(vsixPath, { userDataDir, extensionsDir, host = vscodeHost() }) {
  const result = spawnSync(
    host.nodeBin,
    [
      host.codeServerBin,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsixPath,
    ],
    { encoding: 'utf8', env: hostEnv(host) },
  );
  if (result.status !== 0) {
    throw new Error(`code-server could not install ${vsixPath}:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts code-server on 127.0.0.1:`port`, serving `folder`, in its own process group (registered for
 * cleanup), and resolves once /healthz answers. `extraArgs` go before the folder. `host` is one of
 * the pinned hosts (the current one by default); with `restrictedMode` workspace trust is on and the
 * folder untrusted, otherwise trust is off.
 */
export async function startCodeServer({
  port,
  userDataDir,
  extensionsDir,
  folder,
  extraArgs = [],
  host = vscodeHost(),
  restrictedMode = false,
}) {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = restrictedMode ? { ...userSettings, ...restrictedModeSettings } : userSettings;
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const logFile = path.join(userDataDir, 'code-server.log');
  const log = openSync(logFile, 'a');
  const args = [
    host.codeServerBin,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(restrictedMode ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...extraArgs,
    folder,
  ];
  const started = Date.now();
  const child = spawn(host.nodeBin, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: hostEnv(host),
  });
  ownProcessGroup(child.pid);
  const healthz = `http://127.0.0.1:${port}/healthz`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `code-server exited while starting; its log:\n${readFileSync(logFile, 'utf8')}`,
      );
    }
    if (Date.now() - started > 60_000) {
      await stopProcessGroup(child);
      throw new Error(`code-server did not answer ${healthz} within 60 s; log: ${logFile}`);
    }
    try {
      const response = await fetch(healthz);
      if (response.ok) break;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(
    `[vscode-host] code-server ${host.codeServer} (VS Code ${host.vscode}) up on 127.0.0.1:${port} in ${Date.now() - started} ms`,
  );
  return {
    origin: `http://127.0.0.1:${port}`,
    logFile,
    /** Settles when code-server exits, whoever stopped it. */
    exited: new Promise((resolve) => child.once('exit', resolve)),
    stop: () => stopProcessGroup(child),
  };
}
