// Leaves nothing behind: every process group and temporary directory a launcher creates is
// registered here and removed on normal exit, on failure and on Ctrl+C (SIGINT), SIGTERM or SIGHUP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const processGroups = new Set();
const directories = new Set();
let hooked = false;
let stopping = false;

/** True once a signal asked this process to stop, so callers can tell a requested stop from a crash. */
export function isStopping() {
  return stopping;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Synchronous last resort, run from the 'exit' hook: kill every group, then delete every directory. */
function cleanUpNow() {
  for (const pid of processGroups) killGroup(pid, 'SIGKILL');
  processGroups.clear();
  for (const directory of directories) {
    rmSync(directory, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
  directories.clear();
}

function hookProcessExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanUpNow);
  const exitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(exitCodes)) {
    process.on(signal, () => {
      stopping = true;
      console.error(`\n[vscode-host] ${signal}: stopping`);
      // Ask politely first so code-server can close its extension host; the 'exit' hook then
      // kills whatever is left and deletes the temporary directories.
      for (const pid of processGroups) killGroup(pid, 'SIGTERM');
      const deadline = Date.now() + 3000;
      const poll = setInterval(() => {
        const alive = [...processGroups].some((pid) => killGroup(pid, 0));
        if (!alive || Date.now() > deadline) {
          clearInterval(poll);
          process.exit(code);
        }
      }, 50);
    });
  }
}

/** Creates a temporary directory that is deleted when this process exits, however it exits. */
export function makeRunDirectory(label) {
  hookProcessExit();
  const directory = mkdtempSync(path.join(tmpdir(), `news-annotator-${label}-`));
  directories.add(directory);
  return directory;
}

/**
 * Registers a child started with `detached: true` (the leader of its own process group), so the
 * whole group, including the extension host it forks, is killed when this process exits.
 */
export function ownProcessGroup(pid) {
  hookProcessExit();
  processGroups.add(pid);
}

/** Stops a process group politely (SIGTERM), then by force after `graceMs`; resolves when it is gone. */
export async function stopProcessGroup(child, graceMs = 5000) {
  const pid = child.pid;
  if (!processGroups.has(pid)) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve));
  killGroup(pid, 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([exited, timer]);
  // The leader may be gone while forked children (the extension host) linger: always sweep the group.
  killGroup(pid, 'SIGKILL');
  processGroups.delete(pid);
}
