import * as vscode from 'vscode';

/**
 * Whether `vscode.workspace.findFiles` can list this workspace. It can for folders on disk, local or
 * remote, whose URIs the extension host sees as `file:`. A virtual workspace (a `vscode-vfs:` or
 * `memfs:` folder) needs a file search provider, which such file systems rarely register, and VS
 * Code then waits for one without end; the features that list files are off there instead. With a
 * `file:` folder among others, VS Code searches the ones it can and does not wait for the rest.
 */
export function canSearchWorkspace(): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.length === 0 || folders.some((folder) => folder.uri.scheme === 'file');
}

/**
 * The files called `fileName` anywhere in the workspace (outside node_modules), at most `limit`;
 * in a workspace that cannot be searched, those at the root of each folder, found with
 * `workspace.fs`, which every file system offers.
 */
export async function findFilesNamed(fileName: string, limit: number): Promise<vscode.Uri[]> {
  if (canSearchWorkspace()) {
    return vscode.workspace.findFiles(`**/${fileName}`, '**/node_modules/**', limit);
  }
  const found: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, fileName);
    try {
      await vscode.workspace.fs.stat(candidate);
      found.push(candidate);
    } catch {
      // No such file at this folder's root.
    }
  }
  return found.slice(0, limit);
}
