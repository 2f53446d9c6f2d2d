import { applyEdits, modify, parseTree, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import { learnRoles } from '../core/knowledge/learnRoles';
import type { EntityType } from '../core/types';
import type { AnalysisClient } from '../platform/analysisClient';
import { ARTICLE_LANGUAGE } from '../platform/articleSelector';
import { findFilesNamed } from '../platform/workspaceSearch';

const TYPES: Array<{ label: string; type: EntityType }> = [
  { label: 'Person', type: 'person' },
  { label: 'Place', type: 'place' },
  { label: 'Organisation', type: 'organization' },
];

/** What the command wrote, for tests and callers. */
export interface AddEntityResult {
  file: vscode.Uri;
  name: string;
  type: EntityType;
}

/** What the command answers when it refused to run, with the message it showed. */
export interface AddEntityRefusal {
  refused: 'untrusted-workspace';
  message: string;
}

/** Shown when the command runs in Restricted Mode, where it must not write to the workspace. */
const RESTRICTED_MODE_MESSAGE =
  'Add Entity to Knowledge Base writes news-entities.json into the workspace, which Restricted ' +
  'Mode does not allow. Trust this workspace to add entities; nothing was written.';

/**
 * `News Annotator: Add Entity to Knowledge Base`: takes the selection, or the entity under the
 * cursor, asks for its type and a description, and adds it to the workspace's
 * `news-entities.json` (created in the first workspace folder if there is none). This is the only
 * place the extension writes to the workspace, and only when the user runs it; in Restricted
 * Mode it writes nothing and says why (its menu entries are hidden there too). Arguments
 * `{name, type, description}` skip the questions.
 */
export function registerAddEntity(analyses: AnalysisClient): vscode.Disposable {
  return vscode.commands.registerCommand(
    'newsAnnotator.addEntity',
    async (given?: { name?: string; type?: EntityType; description?: string }) => {
      if (!vscode.workspace.isTrusted) return refuseInRestrictedMode();
      const editor = vscode.window.activeTextEditor;
      const suggestion = editor ? await suggestEntity(analyses, editor) : undefined;
      const name =
        given?.name ??
        (await vscode.window.showInputBox({
          title: 'Add Entity to Knowledge Base',
          prompt: 'The canonical name',
          value: suggestion?.name ?? '',
          validateInput: (value) => (value.trim() ? undefined : 'A name is needed'),
        }));
      if (!name?.trim()) return undefined;
      const type =
        given?.type ??
        (
          await vscode.window.showQuickPick(
            TYPES.map((item) => ({ ...item, picked: item.type === suggestion?.type })),
            { title: `What is ${name}?` },
          )
        )?.type;
      if (!type) return undefined;
      const description =
        given?.description ??
        (await vscode.window.showInputBox({
          title: `Describe ${name}`,
          prompt: 'One line shown on the hover card (optional)',
          value: suggestion?.role ?? '',
        }));
      if (description === undefined) return undefined;
      return writeEntity(name.trim(), type, description.trim(), suggestion?.aliases ?? []);
    },
  );
}

function refuseInRestrictedMode(): AddEntityRefusal {
  const manageTrust = 'Manage Workspace Trust';
  void vscode.window
    .showWarningMessage(RESTRICTED_MODE_MESSAGE, manageTrust)
    .then((choice) =>
      choice === manageTrust ? vscode.commands.executeCommand('workbench.trust.manage') : undefined,
    );
  return { refused: 'untrusted-workspace', message: RESTRICTED_MODE_MESSAGE };
}

async function suggestEntity(
  analyses: AnalysisClient,
  editor: vscode.TextEditor,
): Promise<{ name: string; type?: EntityType; role?: string; aliases: string[] } | undefined> {
  const document = editor.document;
  const selected = document.getText(editor.selection).trim();
  if (document.languageId !== ARTICLE_LANGUAGE)
    return selected ? { name: selected, aliases: [] } : undefined;
  const outcome = await analyses.analyze(document);
  if (!outcome.ok) return selected ? { name: selected, aliases: [] } : undefined;
  const offset = document.offsetAt(editor.selection.start);
  const entity = outcome.analysis.entities.find(
    (mention) => mention.start <= offset && offset <= mention.end,
  );
  const name = selected || entity?.name;
  if (!name) return undefined;
  const mentions = outcome.analysis.entities.filter((mention) => mention.name === name);
  const role = learnRoles(document.getText(), outcome.analysis.entities).find(
    (learned) => learned.name === name,
  );
  return {
    name,
    type: mentions[0]?.type ?? entity?.type,
    role: role?.role,
    aliases: [...new Set(mentions.map((mention) => mention.text))].filter(
      (alias) => alias !== name,
    ),
  };
}

async function writeEntity(
  name: string,
  type: EntityType,
  description: string,
  aliases: string[],
): Promise<AddEntityResult | undefined> {
  const found = await findFilesNamed('news-entities.json', 1);
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file =
    found[0] ?? (folder ? vscode.Uri.joinPath(folder.uri, 'news-entities.json') : undefined);
  if (!file) {
    void vscode.window.showWarningMessage(
      'Open a folder first: the knowledge base is a file in the workspace.',
    );
    return undefined;
  }
  let text = '{\n  "entities": []\n}\n';
  if (found[0]) text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const errors: ParseError[] = [];
  parseTree(text, errors);
  if (errors.length > 0) {
    void vscode.window.showErrorMessage(
      `${vscode.workspace.asRelativePath(file)} is not valid JSON; fix it before adding entities (nothing was written).`,
    );
    return undefined;
  }
  const entry: Record<string, unknown> = { name, type };
  if (aliases.length > 0) entry.aliases = aliases;
  if (description) entry.description = description;
  const edits = modify(text, ['entities', -1], entry, {
    formattingOptions: { insertSpaces: true, tabSize: 2 },
    isArrayInsertion: true,
  });
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(applyEdits(text, edits)));
  void vscode.window.showInformationMessage(
    `Added ${name} to ${vscode.workspace.asRelativePath(file)}.`,
  );
  return { file, name, type };
}
