/**
 * The duplicate index of a corpus workspace, over sessions of the extension host on one workspace:
 * one writes N articles, the next indexes them and saves the index, the last loads it and checks
 * every file again. The event loop is watched as in the editor scenario.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { generateCorpus } from '../duplicatesCorpus';
import { takeTimings, type TimedSection } from './editorLatency';
import { watchEventLoop, type LoopReport } from './eventLoop';

/** What one session measured. */
export interface CorpusResult {
  phase: string;
  files: number;
  /** From opening an article to Find Duplicates' answer (the build, its save, the clusters). */
  buildMs: number;
  clusters: number;
  loop: LoopReport;
  sections: TimedSection[];
}

const EXTENSION_ID = 'news-annotator.news-annotator';

/** Writes the corpus into `corpus/`, before the extension is active, with Node's own fs. */
export function writeCorpus(folder: vscode.Uri, files: number): number {
  const directory = path.join(folder.fsPath, 'corpus');
  mkdirSync(directory, { recursive: true });
  let written = 0;
  for (const file of generateCorpus({ stories: files, seed: 5 })) {
    if (written >= files) break;
    writeFileSync(path.join(directory, `${file.id}.article`), file.text);
    written++;
  }
  return written;
}

/** Opens an article (which activates the extension and starts the index) and waits for the index. */
export async function measureCorpus(folder: vscode.Uri, phase: string): Promise<CorpusResult> {
  await takeTimings();
  const watch = watchEventLoop(50);
  const started = performance.now();
  const document = await vscode.workspace.openTextDocument(
    vscode.Uri.joinPath(folder, '000_bfa63e976a24a0e6.txt'),
  );
  await vscode.window.showTextDocument(document);
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  const clusters =
    (await vscode.commands.executeCommand<unknown[]>('newsAnnotator.findDuplicates')) ?? [];
  const buildMs = performance.now() - started;
  const loop = watch.stop();
  const sections = await takeTimings();
  const files = (await vscode.workspace.findFiles('corpus/*.article')).length;
  // Closed editors are not restored, so the next session's extension starts with the benchmark.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return { phase, files, buildMs, clusters: clusters.length, loop, sections };
}
