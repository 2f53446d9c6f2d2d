import * as vscode from 'vscode';
import type { DuplicateKind } from '../core/duplicates/compareFingerprints';
import type { DuplicateCluster } from '../core/duplicates/duplicateIndex';
import type { DuplicateIndexService } from '../platform/duplicateIndexService';
import { LIMIT_SETTINGS, readConfig } from '../platform/config';
import { baseName, openVersionDiff } from '../platform/versionDiff';

/** The id of the Duplicates view in the explorer. */
const VIEW_ID = 'newsAnnotator.duplicates';
/** The internal command a file of the view runs: diff it with its cluster's first file. */
const OPEN_PAIR_COMMAND = 'newsAnnotator.duplicates.openPair';

const KIND_LABEL: Record<DuplicateKind, string> = {
  exact: 'exact copies',
  'same-body': 'same body',
  revised: 'revised versions',
};

/** A cluster as `findDuplicates` returns it: plain data, URIs as strings. */
export interface FoundCluster {
  files: string[];
  kind: DuplicateKind;
  similarity: number;
}

type Node = { cluster: DuplicateCluster } | { cluster: DuplicateCluster; file: string };

/**
 * `News Annotator: Find Duplicates in Workspace` and the Duplicates view: the clusters of versions
 * with their kind and best similarity, each file under its cluster; selecting a file opens the
 * diff of the cluster's first file with it (normalised bodies). The view stays empty (its welcome
 * text offers the command) until the index is built, so showing it never builds the index.
 */
export function registerDuplicatesView(service: DuplicateIndexService): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!service.isComplete) return [];
      if (!node)
        return service.clusters().then((clusters) => clusters.map((cluster) => ({ cluster })));
      if ('file' in node) return [];
      return node.cluster.files.map((file) => ({ cluster: node.cluster, file }));
    },
    getTreeItem(node) {
      if ('file' in node) return fileItem(node.cluster, node.file);
      const { cluster } = node;
      const item = new vscode.TreeItem(
        `${baseName(vscode.Uri.parse(cluster.files[0] ?? ''))} +${cluster.files.length - 1}`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = `${KIND_LABEL[cluster.kind]} · ${percent(bestScore(cluster))}`;
      item.iconPath = new vscode.ThemeIcon('files');
      item.contextValue = 'duplicateCluster';
      return item;
    },
  };
  // The view shows once the extension is active, so a visible view never activates it alone.
  void vscode.commands.executeCommand('setContext', 'newsAnnotator.active', true);
  return vscode.Disposable.from(
    changed,
    service.onDidChange(() => changed.fire()),
    vscode.window.registerTreeDataProvider(VIEW_ID, provider),
    vscode.commands.registerCommand(OPEN_PAIR_COMMAND, (first: unknown, second: unknown) => {
      if (first instanceof vscode.Uri && second instanceof vscode.Uri)
        return openVersionDiff(first, second, 'normalized');
      return undefined;
    }),
    vscode.commands.registerCommand('newsAnnotator.findDuplicates', async () => {
      const report = await service.ensureIndex('notify');
      changed.fire();
      const clusters = await service.clusters();
      if (!report.cancelled) {
        void vscode.commands.executeCommand(`${VIEW_ID}.focus`);
        const found =
          clusters.length === 0
            ? 'No duplicate versions were found in the workspace.'
            : `Found ${clusters.length} group${clusters.length === 1 ? '' : 's'} of duplicate versions.`;
        // Past the cap, the user learns that some files were not compared, and where to change it.
        const capped = service.isCapped
          ? ` Only the first ${readConfig().duplicates.maxFiles.toLocaleString('en-US')} article files were indexed (${LIMIT_SETTINGS.maxFiles}).`
          : '';
        void vscode.window.showInformationMessage(found + capped);
      }
      return clusters.map((cluster): FoundCluster => ({
        files: cluster.files,
        kind: cluster.kind,
        similarity: bestScore(cluster),
      }));
    }),
  );
}

function fileItem(cluster: DuplicateCluster, id: string): vscode.TreeItem {
  const file = vscode.Uri.parse(id);
  const first = cluster.files[0] === id ? undefined : vscode.Uri.parse(cluster.files[0] ?? '');
  const partner = first ?? vscode.Uri.parse(cluster.files[1] ?? id);
  const item = new vscode.TreeItem(file, vscode.TreeItemCollapsibleState.None);
  const pair = cluster.pairs.find(
    (candidate) =>
      (candidate.a === id && candidate.b === partner.toString()) ||
      (candidate.b === id && candidate.a === partner.toString()),
  );
  item.description = first
    ? pair
      ? `${percent(pair.score)} · ${KIND_LABEL[pair.kind]}`
      : 'via another version'
    : 'first version';
  item.contextValue = 'duplicateFile';
  item.command = {
    command: OPEN_PAIR_COMMAND,
    title: 'Compare with the First Version',
    arguments: first ? [first, file] : [file, partner],
  };
  return item;
}

function bestScore(cluster: DuplicateCluster): number {
  return Math.max(0, ...cluster.pairs.map((pair) => pair.score));
}

function percent(score: number): string {
  return `${Math.round(100 * score)}%`;
}
