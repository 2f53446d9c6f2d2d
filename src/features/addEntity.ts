import { applyEdits, modify, parseTree, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import { learnRoles } from '../core/knowledge/learnRoles';
import type { ArticleAnalysis, EntityType } from '../core/types';
import {
  ADD_ENTITY_COMMAND,
  readMentionTarget,
  type MentionTarget,
} from '../platform/addEntityLink';
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

/** Answers a programmatic caller may give to skip the questions. */
interface AddEntityAnswers {
  name?: string;
  type?: EntityType;
  description?: string;
}

/** What the questions are prefilled with. */
interface EntitySuggestion {
  name: string;
  type?: EntityType;
  role?: string;
  aliases: string[];
}

/**
 * `News Annotator: Add Entity to Knowledge Base`: takes the selection, or the entity under the
 * cursor, or the mention a hover card's "Add to knowledge base" link points at; asks for its name,
 * type and a description (prefilled from the article), and adds it to the workspace's
 * `news-entities.json` (created in the first workspace folder if there is none). This is the only
 * place the extension writes to the workspace, and only when the user runs it and confirms. A
 * hover link passes `{uri, version, offset}` and always leads to the questions; programmatic
 * callers may pass `{name, type, description}` to skip them.
 */
export function registerAddEntity(analyses: AnalysisClient): vscode.Disposable {
  return vscode.commands.registerCommand(ADD_ENTITY_COMMAND, async (given?: unknown) => {
    if (!vscode.workspace.isTrusted) return refuseInRestrictedMode();
    const target = readMentionTarget(given);
    let suggestion: EntitySuggestion | undefined;
    if (target) {
      suggestion = await suggestFromMention(analyses, target);
      if (!suggestion) return undefined;
    } else {
      const editor = vscode.window.activeTextEditor;
      suggestion = editor ? await suggestFromEditor(analyses, editor) : undefined;
    }
    const answers = target ? {} : readAnswers(given);
    const name =
      answers.name ??
      (await vscode.window.showInputBox({
        title: 'Add Entity to Knowledge Base',
        prompt: 'The canonical name',
        value: suggestion?.name ?? '',
        validateInput: (value) => (value.trim() ? undefined : 'A name is needed'),
      }));
    if (!name?.trim()) return undefined;
    const type = answers.type ?? (await pickType(name, suggestion?.type));
    if (!type) return undefined;
    const description =
      answers.description ??
      (await vscode.window.showInputBox({
        title: `Describe ${name}`,
        prompt: 'One line shown on the hover card (optional)',
        value: suggestion?.role ?? '',
      }));
    if (description === undefined) return undefined;
    return writeEntity(name.trim(), type, description.trim(), suggestion?.aliases ?? []);
  });
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

/** The answers of a programmatic call; anything of the wrong shape is asked for instead. */
function readAnswers(given: unknown): AddEntityAnswers {
  if (typeof given !== 'object' || given === null) return {};
  const { name, type, description } = given as Record<string, unknown>;
  const answers: AddEntityAnswers = {};
  if (typeof name === 'string') answers.name = name;
  const known = TYPES.find((item) => item.type === type);
  if (known) answers.type = known.type;
  if (typeof description === 'string') answers.description = description;
  return answers;
}

/** Asks for the entity's type, with the suggested one active so Enter accepts it. */
function pickType(
  name: string,
  suggested: EntityType | undefined,
): Promise<EntityType | undefined> {
  const picker = vscode.window.createQuickPick<(typeof TYPES)[number] & vscode.QuickPickItem>();
  picker.title = `What is ${name}?`;
  picker.items = TYPES;
  const active = TYPES.find((item) => item.type === suggested);
  if (active) picker.activeItems = [active];
  return new Promise((resolve) => {
    let chosen: EntityType | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0]?.type;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}

/**
 * The entity a hover link points at, looked up again in the analysis of the document version the
 * card was built from; a message and undefined when that is no longer possible.
 */
async function suggestFromMention(
  analyses: AnalysisClient,
  target: MentionTarget,
): Promise<EntitySuggestion | undefined> {
  const document = vscode.workspace.textDocuments.find(
    (open) => open.uri.toString() === target.uri,
  );
  if (!document || document.languageId !== ARTICLE_LANGUAGE) {
    void vscode.window.showWarningMessage('The article of that card is no longer open.');
    return undefined;
  }
  if (document.version !== target.version) {
    void vscode.window.showWarningMessage(
      'The article changed since the card was shown: hover the name again.',
    );
    return undefined;
  }
  const outcome = await analyses.analyze(document);
  const suggestion = outcome.ok ? suggestAt(document, outcome.analysis, target.offset) : undefined;
  if (!suggestion) {
    void vscode.window.showWarningMessage('No entity was found where the card pointed.');
  }
  return suggestion;
}

async function suggestFromEditor(
  analyses: AnalysisClient,
  editor: vscode.TextEditor,
): Promise<EntitySuggestion | undefined> {
  const document = editor.document;
  const selected = document.getText(editor.selection).trim();
  if (document.languageId !== ARTICLE_LANGUAGE)
    return selected ? { name: selected, aliases: [] } : undefined;
  const outcome = await analyses.analyze(document);
  if (!outcome.ok) return selected ? { name: selected, aliases: [] } : undefined;
  return suggestAt(document, outcome.analysis, document.offsetAt(editor.selection.start), selected);
}

/**
 * What the article says about the entity at `offset` (a speaker such as "he" names the person it
 * resolves to), or about `selected` when the user selected a name.
 */
function suggestAt(
  document: vscode.TextDocument,
  analysis: ArticleAnalysis,
  offset: number,
  selected = '',
): EntitySuggestion | undefined {
  const within = (span: { start: number; end: number }) =>
    span.start <= offset && offset <= span.end;
  const speaker = analysis.quotes.find((quote) => quote.speaker && within(quote.speaker))?.speaker;
  const entity = analysis.entities.find(within);
  const name = selected || speaker?.name || entity?.name;
  if (!name) return undefined;
  const mentions = analysis.entities.filter((mention) => mention.name === name);
  const role = learnRoles(document.getText(), analysis.entities, new Set([name])).find(
    (learned) => learned.name === name,
  );
  const type = mentions[0]?.type ?? (speaker && !selected ? 'person' : entity?.type);
  const suggestion: EntitySuggestion = {
    name,
    aliases: [...new Set(mentions.map((mention) => mention.text))].filter(
      (alias) => alias !== name,
    ),
  };
  if (type) suggestion.type = type;
  if (role) suggestion.role = role.role;
  return suggestion;
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
