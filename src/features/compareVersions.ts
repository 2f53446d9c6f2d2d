import * as vscode from 'vscode';
import { normalizedBodyLines } from '../core/duplicates/normalizedBodyView';
import type { DuplicateKind } from '../core/duplicates/compareFingerprints';
import type { DuplicateMatch } from '../core/duplicates/duplicateIndex';
import type { DuplicateIndexService } from '../platform/duplicateIndexService';
import {
  baseName,
  openVersionDiff,
  readArticleText,
  type OpenedVersionDiff,
  type VersionView,
} from '../platform/versionDiff';
import { canSearchWorkspace } from '../platform/workspaceSearch';

/** Options for calling the command without questions (tests, scripts): the version and the view. */
export interface CompareOptions {
  target?: vscode.Uri;
  view?: VersionView;
}

/** What the command did: opened a diff, found no duplicate, or was dismissed. */
export type CompareResult =
  | ({ outcome: 'opened' } & OpenedVersionDiff)
  | { outcome: 'none'; file: string }
  | { outcome: 'cancelled' };

/** How each kind reads in the quick pick. */
export const KIND_LABEL: Record<DuplicateKind, string> = {
  exact: 'exact copy',
  'same-body': 'same body, other scrape',
  revised: 'revised version',
};

const FIRST_WORDS = 14;

interface VersionItem extends vscode.QuickPickItem {
  file?: vscode.Uri;
  /** The last item: choose any file in an open dialog. */
  anyFile?: boolean;
}

interface PickedVersion {
  item: VersionItem | undefined;
  view: VersionView;
}

const RAW_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('file'),
  tooltip: 'Compare raw files',
};

/**
 * `News Annotator: Compare with Duplicate Version`: lists the duplicates of the active article
 * (or of the file clicked in the explorer), best first, and opens the diff editor on the chosen
 * one. Enter compares the normalised bodies, which shows what really changed; the item's button
 * compares the raw files. With no duplicate, it says so and offers any file instead.
 */
export function registerCompareWithDuplicate(service: DuplicateIndexService): vscode.Disposable {
  return vscode.commands.registerCommand(
    'newsAnnotator.compareWithDuplicate',
    (clicked?: unknown, options?: unknown) =>
      compareWithDuplicate(service, asUri(clicked), asOptions(options)),
  );
}

async function compareWithDuplicate(
  service: DuplicateIndexService,
  clicked: vscode.Uri | undefined,
  options: CompareOptions,
): Promise<CompareResult> {
  const file = clicked ?? vscode.window.activeTextEditor?.document.uri;
  if (!file) {
    void vscode.window.showInformationMessage(
      'Open a news article to compare it with its versions.',
    );
    return { outcome: 'cancelled' };
  }
  const view = options.view ?? 'normalized';
  if (options.target)
    return { outcome: 'opened', ...(await openVersionDiff(file, options.target, view)) };
  const report = await service.ensureIndex('notify');
  if (report.cancelled) return { outcome: 'cancelled' };
  const matches = service.duplicatesOf(file);
  if (matches.length === 0) {
    offerAnyFile(file, service.has(file), view);
    return { outcome: 'none', file: file.toString() };
  }
  const picked = await pickVersion(service, file, matches);
  const other = picked?.item?.anyFile ? await chooseAnyFile(file) : picked?.item?.file;
  if (!picked || !other) return { outcome: 'cancelled' };
  return { outcome: 'opened', ...(await openVersionDiff(file, other, picked.view)) };
}

/** Says there is no duplicate without waiting for the answer, so the command returns at once. */
function offerAnyFile(file: vscode.Uri, indexed: boolean, view: VersionView): void {
  const why = !canSearchWorkspace()
    ? ' (this workspace is on a virtual file system, which offers no file search)'
    : indexed
      ? ''
      : ' (it is not among the indexed files: see the duplicates.include setting)';
  const action = 'Compare with Any File…';
  void vscode.window
    .showInformationMessage(`No duplicate version of ${baseName(file)} was found${why}.`, action)
    .then(async (choice) => {
      if (choice !== action) return;
      const other = await chooseAnyFile(file);
      if (other) await openVersionDiff(file, other, view);
    });
}

async function chooseAnyFile(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({
    defaultUri: vscode.Uri.joinPath(file, '..'),
    canSelectMany: false,
    openLabel: 'Compare',
    title: `Compare ${baseName(file)} with…`,
  });
  return chosen?.[0];
}

async function pickVersion(
  service: DuplicateIndexService,
  file: vscode.Uri,
  matches: DuplicateMatch[],
): Promise<PickedVersion | undefined> {
  const items: VersionItem[] = await Promise.all(
    matches.map(async (match) => describeMatch(service, vscode.Uri.parse(match.id), match)),
  );
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(folder-opened) Compare with Any File…', anyFile: true },
  );
  const quickPick = vscode.window.createQuickPick<VersionItem>();
  quickPick.title = `Versions of ${baseName(file)}`;
  quickPick.placeholder =
    'Enter compares the normalised bodies; the file button compares the raw files';
  quickPick.items = items;
  quickPick.matchOnDescription = true;
  return new Promise((resolve) => {
    let result: PickedVersion | undefined;
    quickPick.onDidAccept(() => {
      result = { item: quickPick.selectedItems[0], view: 'normalized' };
      quickPick.hide();
    });
    quickPick.onDidTriggerItemButton((event) => {
      result = { item: event.item, view: 'raw' };
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}

async function describeMatch(
  service: DuplicateIndexService,
  file: vscode.Uri,
  match: DuplicateMatch,
): Promise<VersionItem> {
  const percent = Math.round(100 * match.score);
  const date = service.dateOf(file) ?? 'no date';
  let detail = '';
  try {
    const words = (normalizedBodyLines(await readArticleText(file)).paragraphs[0] ?? '').split(' ');
    detail = words.slice(0, FIRST_WORDS).join(' ') + (words.length > FIRST_WORDS ? ' …' : '');
  } catch {
    detail = '(unreadable)';
  }
  return {
    label: `$(diff) ${baseName(file)}`,
    description: `${percent}% · ${KIND_LABEL[match.kind]} · ${date}`,
    detail,
    file,
    buttons: [RAW_BUTTON],
  };
}

/** Menus pass the clicked resource first; the palette passes nothing. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

/** Menus pass their own second argument (the explorer its selection): only our options count. */
function asOptions(value: unknown): CompareOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { target, view } = value as { target?: unknown; view?: unknown };
  return {
    target: target instanceof vscode.Uri ? target : undefined,
    view: view === 'raw' || view === 'normalized' ? view : undefined,
  };
}
