// Finds a desktop VS Code, which the @vscode/test-electron launcher and `npm start` prefer when one
// exists: VSCODE_EXECUTABLE_PATH names the Electron binary, or a `code` command is on the PATH.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Returns the absolute path of `command` on the PATH, or null. */
export function whichCommand(command) {
  for (const directory of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(directory, command);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

/**
 * Returns `{ cli, executable }` for a desktop VS Code, or null. `cli` is the `code` launcher script
 * (for `npm start`); `executable` is the Electron binary @vscode/test-electron must spawn, found
 * beside the script the way the Linux and macOS packages lay it out.
 */
export function findDesktopCode() {
  if (process.env.VSCODE_EXECUTABLE_PATH) {
    return { cli: null, executable: process.env.VSCODE_EXECUTABLE_PATH };
  }
  const cli = whichCommand('code');
  if (!cli) return null;
  const script = realpathSync(cli);
  const binDir = path.dirname(script);
  const candidates = [
    // Linux .deb/.rpm/tarball: <root>/bin/code is the script, <root>/code the Electron binary.
    path.join(binDir, '..', 'code'),
    // macOS: <App>/Contents/Resources/app/bin/code, binary in <App>/Contents/MacOS/.
    path.join(binDir, '..', '..', '..', 'MacOS', 'Electron'),
    path.join(binDir, '..', '..', '..', 'MacOS', 'Code'),
  ];
  const executable = candidates.find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
  return executable ? { cli, executable: path.resolve(executable) } : { cli, executable: null };
}
