import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';

/** What is known of a file before reading it. */
export interface FileFacts {
  size: number;
  /** Modification time in milliseconds, as `vscode.FileStat.mtime` gives it. */
  mtime: number;
  isDirectory: boolean;
}

/**
 * The size and time of a file. Files on disk (`file:` URIs) are asked of Node's file system, which
 * the extension host runs on: through `workspace.fs` every call is a round trip to the VS Code
 * window, which costs about 10 ms when the extension host is remote (code-server, SSH, containers),
 * fifty times a direct read, so an index of 100,000 files would take a quarter of an hour. Other
 * schemes (virtual workspaces) go through `workspace.fs`.
 */
export async function statFile(uri: vscode.Uri): Promise<FileFacts> {
  if (uri.scheme === 'file') {
    const facts = await stat(uri.fsPath);
    return { size: facts.size, mtime: facts.mtime.getTime(), isDirectory: facts.isDirectory() };
  }
  const facts = await vscode.workspace.fs.stat(uri);
  return {
    size: facts.size,
    mtime: facts.mtime,
    isDirectory: (facts.type & vscode.FileType.Directory) !== 0,
  };
}

/** The bytes of a file, read directly for files on disk (see `statFile`), else through `workspace.fs`. */
export async function readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme === 'file') return readFile(uri.fsPath);
  return vscode.workspace.fs.readFile(uri);
}

/** True for the error of a file that does not exist (any more), from either file system. */
export function isMissingFile(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ||
    (error instanceof vscode.FileSystemError && error.code === 'FileNotFound')
  );
}

/**
 * The globs to watch for a list of globs: one `{a,b}` glob when none has braces of its own. Every
 * file watcher sees every file event of the workspace, so a folder of 100,000 files deleted at
 * once costs each watcher 100,000 matches: fewer watchers keep the extension host responsive.
 */
export function watchedGlobs(globs: readonly string[]): string[] {
  if (globs.length < 2 || globs.some((glob) => /[{}]/.test(glob))) return [...globs];
  return [`{${globs.join(',')}}`];
}
