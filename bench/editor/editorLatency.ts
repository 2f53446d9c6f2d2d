/**
 * What a journalist waits for in the editor, measured inside the real extension host through the
 * same commands VS Code's UI goes through: from opening an article to its semantic tokens, a hover
 * once the article is analysed, and the tokens after a one-character edit; for a 5 KB and a 1 MB
 * article. While each scenario runs, the event loop is watched and the extension's own
 * synchronous sections are timed (`src/platform/hostTimings.ts`), so every block over 50 ms is
 * put down to our code or to something else.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { BenchArticle } from './articles';
import { watchEventLoop, type LoopBlock, type LoopReport } from './eventLoop';

/** A section of our code that held the thread, as `src/platform/hostTimings.ts` records it. */
export interface TimedSection {
  name: string;
  start: number;
  ms: number;
  /** CPU time of the thread during the section, when the host's Node tells it. */
  cpuMs?: number;
}

/** How many times each measurement repeats. */
export interface BenchRuns {
  opens: number;
  hovers: number;
  edits: number;
}

/** The figures of one article. */
export interface ScenarioResult {
  article: BenchArticle;
  firstOpenMs: number;
  openMs: number[];
  rangeTokensMs: number[];
  firstHoverMs: number[];
  hoverMs: number[];
  editMs: number[];
  /** Requests after an edit that got no tokens (the analysis of that version was cancelled). */
  emptyAfterEdit: number;
  showAnalysisMs: number[];
  tokens: number;
  loop: LoopReport;
  sections: TimedSection[];
}

const TAKE_TIMINGS = 'newsAnnotator.internal.takeTimings';
const EXTENSION_ID = 'news-annotator.news-annotator';
const LEGEND = 'vscode.provideDocumentSemanticTokensLegend';

const now = (): number => performance.now();

/** What our sections recorded since the last call; nothing before the extension has activated. */
export async function takeTimings(): Promise<TimedSection[]> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(TAKE_TIMINGS)) return [];
  return (await vscode.commands.executeCommand<TimedSection[]>(TAKE_TIMINGS)) ?? [];
}

/** The document's semantic tokens, as the editor asks for them. */
async function documentTokens(uri: vscode.Uri): Promise<vscode.SemanticTokens | undefined> {
  return vscode.commands.executeCommand<vscode.SemanticTokens>(
    'vscode.provideDocumentSemanticTokens',
    uri,
  );
}

/** Start offsets of every token of `type`, decoded from the relative encoding. */
async function tokenStarts(
  document: vscode.TextDocument,
  tokens: vscode.SemanticTokens,
  type: string,
): Promise<vscode.Position[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
    LEGEND,
    document.uri,
  );
  const wanted = legend?.tokenTypes.indexOf(type) ?? -1;
  const starts: vscode.Position[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const deltaLine = tokens.data[i]!;
    line += deltaLine;
    character = deltaLine === 0 ? character + tokens.data[i + 1]! : tokens.data[i + 1]!;
    if (tokens.data[i + 3] === wanted) starts.push(new vscode.Position(line, character));
  }
  return starts;
}

/** Resolves once the document's version has moved past `version`. */
function nextVersion(document: vscode.TextDocument, version: number): Promise<void> {
  if (document.version > version) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && document.version > version) {
        listener.dispose();
        resolve();
      }
    });
  });
}

/** Writes the article to a new file, so that nothing about it is cached anywhere yet. */
async function writeArticle(folder: vscode.Uri, article: BenchArticle, run: number) {
  const name = `bench-${article.label.replace(/\W+/g, '')}-${Date.now()}-${run}.article`;
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(article.text, 'utf8'));
  return uri;
}

/** Opens an article in an editor and waits for its semantic tokens; the time in between. */
async function openToTokens(
  uri: vscode.Uri,
): Promise<{ ms: number; tokens: vscode.SemanticTokens }> {
  const started = now();
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  // Opening the article activates the extension; its providers exist once activation is done.
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  const tokens = await documentTokens(uri);
  const ms = now() - started;
  if (!tokens || tokens.data.length === 0) throw new Error(`no semantic tokens for ${uri.path}`);
  return { ms, tokens };
}

/** Runs the scenario on one article. */
export async function measureArticle(
  folder: vscode.Uri,
  article: BenchArticle,
  runs: BenchRuns,
): Promise<ScenarioResult> {
  await takeTimings(); // Drop what earlier work recorded.
  const watch = watchEventLoop(50);
  const files: vscode.Uri[] = [];

  // Opening: the first open of the session also starts the worker and loads the NLP.
  const openMs: number[] = [];
  let firstOpenMs = Number.NaN;
  let last: { ms: number; tokens: vscode.SemanticTokens } | undefined;
  for (let run = 0; run <= runs.opens; run++) {
    const uri = await writeArticle(folder, article, run);
    files.push(uri);
    last = await openToTokens(uri);
    if (run === 0) firstOpenMs = last.ms;
    else openMs.push(last.ms);
    if (run < runs.opens)
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
  const uri = files.at(-1)!;
  const document = await vscode.workspace.openTextDocument(uri);
  const tokens = last!.tokens;

  // The visible part, as the editor asks for it on a big file before the whole document.
  const rangeTokensMs: number[] = [];
  const visible = new vscode.Range(0, 0, Math.min(60, document.lineCount - 1), 0);
  for (let run = 0; run < runs.hovers; run++) {
    const started = now();
    await vscode.commands.executeCommand('vscode.provideDocumentRangeSemanticTokens', uri, visible);
    rangeTokensMs.push(now() - started);
  }

  // Hovers on people: a name hovered for the first time waits for the workspace search (at most
  // 400 ms by design); hovering it again shows the remembered result.
  const people = await tokenStarts(document, tokens, 'person');
  if (people.length === 0) throw new Error('the article has no person token to hover');
  const hover = async (position: vscode.Position): Promise<number> => {
    const started = now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      position.translate(0, 1),
    );
    const ms = now() - started;
    if (!hovers?.length) throw new Error(`no hover at ${position.line}:${position.character}`);
    return ms;
  };
  const firstHoverMs: number[] = [];
  const names = new Set<string>();
  for (const position of people) {
    const name = document.getText(document.getWordRangeAtPosition(position.translate(0, 1)));
    if (names.has(name)) continue;
    names.add(name);
    firstHoverMs.push(await hover(position));
    if (names.size >= 5) break;
  }
  const middle = people[Math.floor(people.length / 2)]!;
  await hover(middle);
  const hoverMs: number[] = [];
  for (let run = 0; run < runs.hovers; run++) hoverMs.push(await hover(middle));

  // One-character edits in the middle of the article, typed and then undone in turn; each waits
  // for the tokens of the new version (which includes the 150 ms typing debounce).
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const line = middleLine(document);
  const at = new vscode.Position(line, 1);
  const editMs: number[] = [];
  let emptyAfterEdit = 0;
  for (let run = 0; run < runs.edits; run++) {
    const version = document.version;
    const started = now();
    const edit = new vscode.WorkspaceEdit();
    if (run % 2 === 0) edit.insert(uri, at, 'x');
    else edit.delete(uri, new vscode.Range(at, at.translate(0, 1)));
    await vscode.workspace.applyEdit(edit);
    await nextVersion(document, version);
    // A provider that answers nothing leaves the editor without highlighting for that version;
    // counted, then asked again as the editor would on the next change event.
    let after = await documentTokens(uri);
    for (let retry = 0; retry < 20 && !after?.data.length; retry++) {
      emptyAfterEdit++;
      after = await documentTokens(uri);
    }
    editMs.push(now() - started);
    if (!after?.data.length) throw new Error('no tokens after the edit');
  }
  if (runs.edits % 2 === 1)
    await editor.edit((edit) => edit.delete(new vscode.Range(at, at.translate(0, 1))));
  await document.save();

  // Show Article Analysis: the JSON the CLI prints, built on the extension host and opened.
  const showAnalysisMs: number[] = [];
  for (let run = 0; run < 2; run++) {
    await vscode.window.showTextDocument(document, { preview: false });
    const started = now();
    await vscode.commands.executeCommand('newsAnnotator.showAnalysis', uri);
    showAnalysisMs.push(now() - started);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }

  const loop = watch.stop();
  const sections = await takeTimings();
  for (const file of files) {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  }
  return {
    article,
    firstOpenMs,
    openMs,
    rangeTokensMs,
    firstHoverMs,
    hoverMs,
    editMs,
    emptyAfterEdit,
    showAnalysisMs,
    tokens: tokens.data.length / 5,
    loop,
    sections,
  };
}

/** A line near the middle of the document that is a real paragraph. */
function middleLine(document: vscode.TextDocument): number {
  for (let offset = 0; offset < document.lineCount; offset++) {
    for (const line of [
      Math.floor(document.lineCount / 2) + offset,
      Math.floor(document.lineCount / 2) - offset,
    ]) {
      if (line >= 0 && line < document.lineCount && document.lineAt(line).text.length > 40)
        return line;
    }
  }
  return 0;
}

/** The sections of our code that overlap a block, with how much of the block each covers. */
export function attribute(block: LoopBlock, sections: readonly TimedSection[]): TimedSection[] {
  return sections
    .map((section) => {
      const overlap =
        Math.min(block.to, section.start + section.ms) - Math.max(block.from, section.start);
      return { name: section.name, start: section.start, ms: overlap };
    })
    .filter((section) => section.ms > 0.5);
}
