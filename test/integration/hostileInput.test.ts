/**
 * Issue 7, hostile input and the size policy, in the real VS Code host: every case of the issue
 * opened as a user opens it, through the VS Code API and the extension's commands. Each test
 * asserts a sensible result or a visible message (the status bar item and the "News Annotator"
 * output, read through the extension's API), never a crash or a frozen extension host. Big inputs
 * are generated here, in the run's throw-away workspace, and removed afterwards.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ArticleStatusSnapshot } from '../../src/features/articleStatus';
import type { ShowAnalysisResult } from '../../src/features/showAnalysis';
import type { NewsAnnotatorApi } from '../../src/extension';
import gold from '../fixtures/seeds-gold.json';
import {
  BINARY_FILE,
  BLANK_TEXTS,
  EMOJI_AND_COMBINING,
  HOSTILE_KNOWLEDGE,
  RIGHT_TO_LEFT,
  bigArticle,
  deeplyNestedJson,
  deeplyNestedQuotes,
  distinctStory,
  textWithNulBytes,
  unmatchedQuotationMarks,
  utf16Bytes,
  utf8WithMark,
  withMixedLineEnds,
} from '../shared/hostileInputs';
import {
  getExtension,
  hoverContents,
  openArticle,
  semanticTokens,
  waitFor,
  workspaceFile,
  type Token,
} from './helpers';

const cleanSeedName = '001_2e408fe495f00e99.txt';
const fullSeedName = '000_bfa63e976a24a0e6.txt';
const DUPLICATE_GLOBS = ['**/[0-9][0-9][0-9]_*.txt', '**/*.article'];

interface FoundCluster {
  files: string[];
  kind: string;
}

async function api(): Promise<NewsAnnotatorApi> {
  return (await getExtension().activate()) as NewsAnnotatorApi;
}

/** Writes a file of the workspace with Node (fast for big files) and returns its URI. */
function writeWorkspaceFile(relative: string, content: string | Uint8Array): vscode.Uri {
  const uri = workspaceFile(...relative.split('/'));
  mkdirSync(vscode.Uri.joinPath(uri, '..').fsPath, { recursive: true });
  writeFileSync(uri.fsPath, content);
  return uri;
}

/** The status bar item once it describes `uri` and satisfies `accept`; waits for its change event. */
async function statusOf(
  uri: vscode.Uri,
  accept: (status: ArticleStatusSnapshot) => boolean = () => true,
  timeoutMs = 120_000,
): Promise<ArticleStatusSnapshot> {
  const { articleStatus } = await api();
  const matches = (status: ArticleStatusSnapshot | undefined): status is ArticleStatusSnapshot =>
    status?.uri === uri.toString() && !/analysing/.test(status.text) && accept(status);
  const now = articleStatus.current();
  if (matches(now)) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`the status is still ${JSON.stringify(articleStatus.current())}`));
    }, timeoutMs);
    const listener = articleStatus.onDidChange((status) => {
      if (!matches(status)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(status);
    });
  });
}

/** The first line of the "News Annotator" output that matches, once VS Code has written it. */
async function outputLine(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const file = (await api()).outputLogFile.fsPath;
  let line: string | undefined;
  await waitFor(
    () => {
      line = existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .find((candidate) => pattern.test(candidate))
        : undefined;
      return line !== undefined;
    },
    `a line ${pattern} in the News Annotator output`,
    timeoutMs,
  );
  return line!;
}

/** Retries an async check until it passes, for states that watchers reach a moment later. */
async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('newsAnnotator')
    .update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** The texts of a document's tokens of one type. */
function tokenTexts(document: vscode.TextDocument, tokens: Token[], type: string): string[] {
  return tokens
    .filter((token) => token.type === type)
    .map((token) =>
      document.getText(
        new vscode.Range(document.positionAt(token.start), document.positionAt(token.end)),
      ),
    );
}

function findDuplicates(): Thenable<FoundCluster[]> {
  return vscode.commands.executeCommand<FoundCluster[]>('newsAnnotator.findDuplicates');
}

/**
 * Times one round trip through the workbench to a provider of the extension, for the log. The
 * outline provider is asked because its command exists on every supported VS Code (the folding
 * command arrived only in 1.76).
 */
async function roundTrip(uri: vscode.Uri): Promise<number> {
  await vscode.workspace.openTextDocument(uri);
  const started = performance.now();
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  return performance.now() - started;
}

suite('Hostile input in VS Code', function () {
  // Big files take the host seconds to open; the generous limit is for slow CI machines.
  this.timeout(300_000);
  const seedText = (): string => readFileSync(workspaceFile(cleanSeedName).fsPath, 'utf8');

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(workspaceFile('hostile').fsPath, { recursive: true, force: true });
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suite('an empty file and a file of only white space', () => {
    test('opens with no highlights, no outline, and the status "date unknown"', async () => {
      for (const [i, text] of BLANK_TEXTS.entries()) {
        const document = await openArticle(writeWorkspaceFile(`hostile/blank-${i}.article`, text));
        assert.equal(document.languageId, 'news-article');
        const status = await statusOf(document.uri);
        assert.equal(status.text, '$(calendar) date unknown', JSON.stringify(text));
        assert.deepEqual(await semanticTokens(document), []);
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          document.uri,
        );
        assert.ok(
          (symbols ?? []).every((symbol) => symbol.name === 'Date'),
          JSON.stringify(symbols),
        );
      }
    });
  });

  suite('a binary file and a file with NUL bytes', () => {
    test('a binary file is refused by VS Code or shown without analysis, and the index skips it', async () => {
      const uri = writeWorkspaceFile('hostile/image.article', BINARY_FILE);
      let opened: vscode.TextDocument | undefined;
      try {
        opened = await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        // VS Code refuses binary files as text documents, with its own message.
        assert.match(String(error), /binary/i);
      }
      if (opened) assert.deepEqual(await semanticTokens(opened), []);
      // A changed setting rebuilds the index, which reads every article file again.
      await setting('duplicates.include', [...DUPLICATE_GLOBS, '**/hostile/none/*.txt']);
      try {
        await findDuplicates();
        await outputLine(/skipped .*image\.article: binary file \(it contains NUL bytes\)/);
      } finally {
        await setting('duplicates.include', undefined);
      }
    });

    test('NUL bytes inside an article are kept, and the quotation around them is found', async () => {
      const text = textWithNulBytes();
      const document = await openArticle(writeWorkspaceFile('hostile/nul.article', text));
      assert.equal(document.getText(), text);
      const quotes = tokenTexts(document, await semanticTokens(document), 'quote');
      assert.ok(
        quotes.some((quote) => quote.startsWith('“We are\u0000')),
        JSON.stringify(quotes),
      );
    });
  });

  suite('UTF-8 with BOM, UTF-16 LE and BE, Latin-1 and mixed line ends', () => {
    test('a seed in UTF-8 with BOM and in UTF-16 LE and BE is highlighted as the seed is', async () => {
      const seed = seedText();
      const expected = await semanticTokens(await openArticle(workspaceFile(cleanSeedName)));
      for (const [name, bytes] of [
        ['bom', utf8WithMark(seed)],
        ['utf16le', utf16Bytes(seed, 'le', true)],
        ['utf16be', utf16Bytes(seed, 'be', true)],
      ] as const) {
        const document = await openArticle(writeWorkspaceFile(`hostile/${name}.article`, bytes));
        assert.equal(document.getText(), seed, `${name} decodes to the seed`);
        assert.deepEqual(await semanticTokens(document), expected, name);
      }
    });

    test('the duplicate index reads UTF-16 and Windows-1252 copies of a seed as its copies', async () => {
      const seed = seedText();
      writeWorkspaceFile('hostile/utf16-copy.article', utf16Bytes(seed, 'le', false));
      const latin1 = Uint8Array.from(
        seed,
        (char) => ({ '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97 })[char] ?? char.charCodeAt(0),
      );
      writeWorkspaceFile('hostile/latin1-copy.article', latin1);
      await eventually(async () => {
        const cluster = (await findDuplicates()).find((candidate) =>
          candidate.files.some((file) => file.endsWith(cleanSeedName)),
        );
        assert.ok(cluster, 'the seed has a cluster');
        for (const copy of ['utf16-copy.article', 'latin1-copy.article']) {
          assert.ok(
            cluster.files.some((file) => file.endsWith(`/hostile/${copy}`)),
            copy,
          );
        }
      });
    });

    test('with CRLF, CR, LF and U+2028 in one file, each quotation and speaker is highlighted', async () => {
      // VS Code gives the document one kind of line end, and offers to remove the U+2028s (the
      // test host accepts); the unit and CLI suites read the mixed text as it is.
      const mixed = withMixedLineEnds(seedText());
      const document = await openArticle(writeWorkspaceFile('hostile/mixed.article', mixed));
      const text = document.getText();
      const tokens = await semanticTokens(document);
      for (const quote of gold[cleanSeedName].quotes) {
        const at = text.indexOf(quote.text_head);
        assert.ok(at >= 0, quote.text_head);
        assert.ok(
          tokens.some((token) => token.type === 'quote' && token.start === at),
          `no quote token at the start of ${quote.text_head}`,
        );
      }
      assert.deepEqual([...new Set(tokenTexts(document, tokens, 'speaker'))].sort(), [
        'Karasin',
        'he',
      ]);
    });
  });

  suite('a 20 MB article, a single 5 MB line and the size policy', () => {
    test('a 20 MB article opens; the status bar, a command and the output say analysis is off', async () => {
      const uri = writeWorkspaceFile('hostile/big20.article', bigArticle(20 * 1024 * 1024));
      const opened = performance.now();
      const document = await openArticle(uri);
      const status = await statusOf(uri);
      console.log(
        `      20 MB article: opened and status shown after ${(performance.now() - opened).toFixed(0)} ms; ` +
          `a provider round trip then took ${(await roundTrip(uri)).toFixed(0)} ms`,
      );
      assert.equal(status.text, '$(warning) analysis off');
      assert.match(status.tooltip, /over the limit of 2,097,152 \(2048 KB\)/);
      assert.match(status.tooltip, /Setting: newsAnnotator\.analysis\.maxFileSizeKB\./);
      assert.deepEqual(status.command, {
        command: 'workbench.action.openSettings',
        arguments: ['newsAnnotator.analysis.maxFileSizeKB'],
      });
      await outputLine(
        /big20\.article: This article has 20,9\d\d,\d\d\d characters.*Setting: newsAnnotator\.analysis\.maxFileSizeKB\./,
      );
      const shown = await vscode.commands.executeCommand<ShowAnalysisResult>(
        'newsAnnotator.showAnalysis',
        uri,
      );
      assert.equal(shown.outcome, 'skipped');
      assert.match(shown.outcome === 'skipped' ? shown.message : '', /maxFileSizeKB/);
      // No highlights, no hover; the outline lists its first paragraphs and says how many more.
      assert.equal(
        await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri),
        undefined,
      );
      assert.deepEqual(await hoverContents(document, document.getText().indexOf('Karasin')), []);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        uri,
      );
      const body = symbols.find((symbol) => symbol.name === 'Body');
      assert.equal(body?.children.length, 1001);
      assert.match(body!.children[1000]!.name, /^\d{2},\d{3} more$/);
      await outputLine(
        /Outline of .*big20\.article: \d{2},\d{3} paragraphs in one zone; the first 1,000/,
      );
    });

    test('the duplicate index skips the 20 MB article with a line that says why', async () => {
      writeWorkspaceFile('hostile/big20.article', bigArticle(20 * 1024 * 1024));
      await setting('duplicates.include', [...DUPLICATE_GLOBS, '**/hostile/none/*.txt']);
      try {
        await findDuplicates();
        await outputLine(
          /skipped .*big20\.article: 2\d\.\d MB is over the 2 MB the index reads a file \(a fixed limit\)/,
        );
      } finally {
        await setting('duplicates.include', undefined);
      }
    });

    test('a single 5 MB line opens with analysis off, and its outline is one paragraph', async () => {
      const uri = writeWorkspaceFile('hostile/line5.article', bigArticle(5 * 1024 * 1024, ' '));
      await openArticle(uri);
      const status = await statusOf(uri);
      assert.equal(status.text, '$(warning) analysis off');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        uri,
      );
      assert.equal(symbols.find((symbol) => symbol.name === 'Body')?.children.length, 1);
    });

    test('past 1,000,000 characters the zones come from the worker: the outline is whole, and paragraphs do not fold', async () => {
      // Seed 000 with its body's paragraphs copied to 1.2 million characters, before the site
      // boilerplate and the comments, which must still be found and folded.
      const seed = readFileSync(workspaceFile(fullSeedName).fsPath, 'utf8');
      const bodyEnd = seed.indexOf(gold[fullSeedName].zones.find((z) => z.kind === 'body')!.to!);
      const bodyStart = seed.indexOf('MOSCOW—While welcoming');
      // Each copied paragraph runs over several lines, so it would fold in a shorter article.
      const paragraphs = seed.slice(bodyStart, bodyEnd).replace(/, /g, ',\n');
      const copies = Math.ceil(1_200_000 / paragraphs.length);
      const text =
        seed.slice(0, bodyEnd) + `\n\n${paragraphs}`.repeat(copies) + seed.slice(bodyEnd);
      const uri = writeWorkspaceFile('hostile/long-body.article', text);
      const document = await openArticle(uri);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        uri,
      );
      const names = symbols.map((symbol) => symbol.name);
      assert.ok(names.includes('Boilerplate') && names.includes('Comments'), names.join(', '));
      const body = symbols.find((symbol) => symbol.name === 'Body');
      assert.match(body!.children.at(-1)!.name, /^\d{1,3}(,\d{3})* more$/);
      const [major = 0, minor = 0] = vscode.version.split('.').map(Number);
      if (major === 1 && minor < 76) return; // No vscode.executeFoldingRangeProvider before 1.76.
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
        'vscode.executeFoldingRangeProvider',
        uri,
      );
      const boilerplateLine = document.positionAt(text.lastIndexOf('Discussion Policy')).line;
      assert.ok(
        ranges.some((range) => range.start <= boilerplateLine && range.end > boilerplateLine),
        'the boilerplate folds',
      );
      const firstBodyLine = document.positionAt(bodyStart).line;
      assert.deepEqual(
        ranges.filter((range) => range.start >= firstBodyLine && range.end < boilerplateLine),
        [],
        'no paragraph of the body folds',
      );
    });

    test('a single 1 MB line is highlighted past the 20,000 characters the grammar reads', async () => {
      const document = await openArticle(
        writeWorkspaceFile('hostile/line1.article', bigArticle(1024 * 1024, ' ')),
      );
      assert.equal(document.lineCount, 1);
      const quotes = (await semanticTokens(document)).filter((token) => token.type === 'quote');
      assert.ok(quotes.length > 1000, `${quotes.length} quotation tokens`);
      assert.ok(quotes[quotes.length - 1]!.start > 1_000_000);
    });

    test('an analysis over newsAnnotator.analysis.timeoutSeconds stops, and says so', async () => {
      await setting('analysis.timeoutSeconds', 1);
      try {
        // About six seconds of analysis on a quiet two-core machine: well over the one allowed.
        const uri = writeWorkspaceFile('hostile/slow.article', bigArticle(1.9 * 1024 * 1024));
        await openArticle(uri);
        const status = await statusOf(uri);
        assert.equal(status.text, '$(warning) analysis stopped');
        assert.match(
          status.tooltip,
          /longer than 1 s .*Setting: newsAnnotator\.analysis\.timeoutSeconds\./,
        );
        await outputLine(/slow\.article: The analysis of this article took longer than 1 s/);
      } finally {
        await setting('analysis.timeoutSeconds', undefined);
      }
    });
  });

  suite('100,000 unmatched quotation marks and deeply nested quotes', () => {
    test('unmatched marks give no quotation token; a quote nested 5,000 deep gives one', async () => {
      const marks = await openArticle(
        writeWorkspaceFile('hostile/marks.article', unmatchedQuotationMarks(100_000)),
      );
      const markTokens = await semanticTokens(marks);
      assert.deepEqual(tokenTexts(marks, markTokens, 'quote'), []);
      assert.deepEqual(tokenTexts(marks, markTokens, 'person'), ['Karasin']);
      const nested = await openArticle(
        writeWorkspaceFile('hostile/nested.article', deeplyNestedQuotes(5000)),
      );
      const nestedTokens = await semanticTokens(nested);
      const quotes = tokenTexts(nested, nestedTokens, 'quote');
      assert.ok(quotes.length >= 1 && quotes[0]!.startsWith('“level 0 says'), quotes[0]);
      assert.ok(tokenTexts(nested, nestedTokens, 'speaker').includes('Grigory Karasin'));
    });
  });

  suite('emoji, combining characters and right-to-left text', () => {
    test('tokens sit on the exact characters, as VS Code counts them, next to emoji and accents', async () => {
      const { text, expected } = EMOJI_AND_COMBINING;
      const document = await openArticle(writeWorkspaceFile('hostile/emoji.article', text));
      const tokens = await semanticTokens(document);
      for (const place of expected.places) {
        const at = text.indexOf(place);
        assert.ok(
          tokens.some((token) => token.start === at && token.end === at + place.length),
          `${place} at ${at}`,
        );
      }
      const persons = tokenTexts(document, tokens, 'person');
      assert.ok(persons.includes('Grigory Karasin\u0301'), JSON.stringify(persons));
    });

    test('in a right-to-left article the English quotation and its speaker are highlighted', async () => {
      const document = await openArticle(
        writeWorkspaceFile('hostile/rtl.article', RIGHT_TO_LEFT.text),
      );
      const tokens = await semanticTokens(document);
      assert.ok(tokenTexts(document, tokens, 'quote').includes(RIGHT_TO_LEFT.englishQuote));
      assert.ok(tokenTexts(document, tokens, 'speaker').includes('Karasin'));
    });
  });

  suite('knowledge-base files', () => {
    const kb = (): vscode.Uri => workspaceFile('news-entities.json');
    teardown(async () => {
      await vscode.workspace.fs.delete(kb()).then(undefined, () => undefined);
    });

    /** Writes the knowledge-base file and hovers a name until its diagnostics match. */
    async function diagnosticsFor(content: string, pattern: RegExp): Promise<vscode.Diagnostic[]> {
      await vscode.workspace.fs.writeFile(kb(), Buffer.from(content));
      const document = await openArticle(workspaceFile(cleanSeedName));
      const at = document.getText().indexOf('Karasin') + 1;
      let found: vscode.Diagnostic[] = [];
      await eventually(async () => {
        // A hover loads the knowledge base; the file watcher made it reload after the write.
        await hoverContents(document, at);
        found = vscode.languages.getDiagnostics(kb());
        assert.ok(
          found.some((diagnostic) => pattern.test(diagnostic.message)),
          JSON.stringify(found),
        );
      });
      return found;
    }

    test('malformed JSON gets one diagnostic at the error, and hovers keep working', async () => {
      const found = await diagnosticsFor('{"entities": [ {"name": "A"', /^Not valid JSON: /);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.source, 'News Annotator');
      const document = await openArticle(workspaceFile(cleanSeedName));
      const card = await hoverContents(document, document.getText().indexOf('Karasin') + 1);
      assert.ok(card.some((content) => /Grigory Karasin/.test(content.value)));
    });

    test('valid JSON of the wrong shape, and JSON nested 100,000 deep, get one diagnostic', async () => {
      await diagnosticsFor('[1, 2, 3]', /must be an object with an "entities" array/);
      await diagnosticsFor(deeplyNestedJson(100_000), /nested more than 64 levels deep/);
    });

    test('a 50 MB file is not read: a diagnostic and an output line say so', async () => {
      const entry = '{"name": "Grigory Karasin", "type": "person"},';
      const content = `{"entities": [${entry.repeat(Math.ceil((50 * 1024 * 1024) / entry.length))}{"name": "B", "type": "person"}]}`;
      await diagnosticsFor(
        content,
        /^Not loaded: the file is 5\d\.\d MB; .* over 5 MB are not read/,
      );
      await outputLine(/Knowledge base: news-entities\.json: Not loaded: the file is 5\d\.\d MB/);
    });

    test('Markdown, HTML and command: links in an entry show as inert text in the hover', async () => {
      await vscode.workspace.fs.writeFile(
        kb(),
        Buffer.from(
          JSON.stringify({
            entities: [
              {
                name: 'Grigory Karasin',
                type: 'person',
                aliases: ['Karasin', HOSTILE_KNOWLEDGE.text],
                description: HOSTILE_KNOWLEDGE.text,
                links: HOSTILE_KNOWLEDGE.links,
              },
            ],
          }),
        ),
      );
      const document = await openArticle(workspaceFile(cleanSeedName));
      const at = document.getText().indexOf('Karasin') + 1;
      let card: vscode.MarkdownString | undefined;
      await eventually(async () => {
        card = (await hoverContents(document, at)).find((content) =>
          content.value.includes('onerror'),
        );
        assert.ok(card, 'the hover shows the knowledge-base description');
      });
      // Trusted at most for the extension's own commands, never for what the file says.
      const trusted = card!.isTrusted;
      assert.ok(
        trusted === false ||
          (typeof trusted === 'object' &&
            (trusted.enabledCommands ?? []).every((id) => id.startsWith('newsAnnotator.'))),
        JSON.stringify(trusted),
      );
      assert.notEqual(card!.supportHtml, true);
      // The card's own links (other articles in the workspace) are file: links; none from the file.
      assert.doesNotMatch(card!.value, /\]\((?:command|javascript|data|vscode):|etc\/passwd/);
      assert.doesNotMatch(card!.value, /(?<!\\)<img|(?<!\\)`tick|(?<!\\)\*\*bold/);
    });
  });

  suite('files deleted, renamed or rewritten while being indexed', () => {
    const folder = (): vscode.Uri => workspaceFile('hostile-index');
    suiteTeardown(async () => {
      await setting('duplicates.include', undefined);
      rmSync(folder().fsPath, { recursive: true, force: true });
    });

    test('the index ends up with what the files are, whatever happened during the build', async () => {
      // Three pairs of copies among 3,000 distinct articles; the build reads them one at a time.
      const twin = (name: string): string =>
        `${distinctStory(50_000 + name.charCodeAt(0))}\n${distinctStory(60_000 + name.charCodeAt(0))}`;
      for (let i = 0; i < 3000; i++) {
        writeWorkspaceFile(
          `hostile-index/story-${String(i).padStart(4, '0')}.txt`,
          distinctStory(i),
        );
      }
      for (const name of ['a1', 'a2']) writeWorkspaceFile(`hostile-index/${name}.txt`, twin('a'));
      for (const name of ['b1', 'b2']) writeWorkspaceFile(`hostile-index/${name}.txt`, twin('b'));
      for (const name of ['c1', 'c2']) writeWorkspaceFile(`hostile-index/${name}.txt`, twin('c'));
      writeWorkspaceFile('hostile-index/d.txt', twin('d'));
      const file = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(), `${name}.txt`);

      // Taking the folder into the index starts a build; the changes below happen during it.
      await setting('duplicates.include', [...DUPLICATE_GLOBS, '**/hostile-index/*.txt']);
      let built = false;
      const build = findDuplicates().then((clusters) => {
        built = true;
        return clusters;
      });
      await vscode.workspace.fs.delete(file('a1'));
      await vscode.workspace.fs.rename(file('b1'), file('b3'));
      await vscode.workspace.fs.writeFile(file('c1'), Buffer.from(twin('d')));
      assert.equal(built, false, 'the build was still running when the files changed');
      await build;

      const id = (name: string): string => file(name).toString();
      await eventually(async () => {
        const clusters = await findDuplicates();
        const clusterOf = (name: string) => clusters.find((c) => c.files.includes(id(name)));
        assert.equal(clusterOf('a1'), undefined, 'the deleted file is gone');
        assert.equal(clusterOf('a2'), undefined, 'its copy has no duplicate left');
        assert.equal(clusterOf('b1'), undefined, 'the old name is gone');
        assert.deepEqual(clusterOf('b3')?.files.sort(), [id('b2'), id('b3')].sort());
        assert.deepEqual(clusterOf('c1')?.files.sort(), [id('c1'), id('d')].sort());
        assert.equal(clusterOf('c2'), undefined, 'the rewritten file left its old copy');
      });
    });
  });

  suite('a symbolic-link loop in the workspace', () => {
    suiteTeardown(async () => {
      await setting('duplicates.include', undefined);
      rmSync(workspaceFile('hostile-loop').fsPath, { recursive: true, force: true });
    });

    test('the index is built, and the copy inside the loop is indexed once', async function () {
      if (process.platform === 'win32') this.skip();
      const inner = workspaceFile('hostile-loop', 'inner');
      writeWorkspaceFile('hostile-loop/inner/copy.article', seedText());
      symlinkSync(workspaceFile('hostile-loop').fsPath, vscode.Uri.joinPath(inner, 'back').fsPath);
      symlinkSync(
        vscode.Uri.joinPath(inner, 'y.article').fsPath,
        vscode.Uri.joinPath(inner, 'x.article').fsPath,
      );
      symlinkSync(
        vscode.Uri.joinPath(inner, 'x.article').fsPath,
        vscode.Uri.joinPath(inner, 'y.article').fsPath,
      );
      // A changed setting rebuilds the index, walking the folder with the loop.
      await setting('duplicates.include', [...DUPLICATE_GLOBS, '**/hostile-loop/**/*.txt']);
      const cluster = (await findDuplicates()).find((candidate) =>
        candidate.files.some((file) => file.endsWith(cleanSeedName)),
      );
      const inLoop = (cluster?.files ?? []).filter((file) => file.includes('/hostile-loop/'));
      assert.deepEqual(inLoop, [vscode.Uri.joinPath(inner, 'copy.article').toString()]);
    });
  });

  suite('a workspace of 100,000 files', () => {
    const corpus = (): vscode.Uri => workspaceFile('hostile-corpus');
    suiteTeardown(async function () {
      this.timeout(300_000);
      await setting('duplicates.include', undefined);
      await setting('duplicates.maxFiles', undefined);
      await rm(corpus().fsPath, { recursive: true, force: true });
    });

    test('is indexed up to newsAnnotator.duplicates.maxFiles, the host answering meanwhile', async () => {
      const started = performance.now();
      for (let part = 0; part < 100; part++) {
        mkdirSync(vscode.Uri.joinPath(corpus(), `part-${part}`).fsPath, { recursive: true });
      }
      // Written in batches with awaits between, so the host keeps serving while the test writes.
      for (let batch = 0; batch < 100_000; batch += 1000) {
        await Promise.all(
          Array.from({ length: 1000 }, (_, k) => {
            const i = batch + k;
            const name = `part-${i % 100}/story-${String(i).padStart(6, '0')}.txt`;
            return writeFile(vscode.Uri.joinPath(corpus(), name).fsPath, distinctStory(i));
          }),
        );
      }
      const written = performance.now();
      await setting('duplicates.maxFiles', 5000);
      await setting('duplicates.include', [...DUPLICATE_GLOBS, '**/hostile-corpus/**/*.txt']);
      let built = false;
      const build = findDuplicates().then((clusters) => {
        built = true;
        return clusters;
      });
      const answered = await roundTrip(workspaceFile(cleanSeedName));
      assert.equal(built, false, 'a provider answered while the index was being built');
      const clusters = await build;
      console.log(
        `      100,000 files: written in ${(written - started).toFixed(0)} ms; a round trip during ` +
          `the build took ${answered.toFixed(0)} ms; the build ${(performance.now() - written).toFixed(0)} ms`,
      );
      await outputLine(
        /more than 5,000 article files; only the first 5,000 are indexed.*Setting: newsAnnotator\.duplicates\.maxFiles\./,
      );
      const report = await outputLine(/Duplicate index: 5000 files \(capped\)/);
      console.log(`      ${report.replace(/^.*\] /, '')}`);
      assert.ok(
        clusters.some((cluster) => cluster.files.some((file) => file.endsWith(cleanSeedName))),
        'the seeds, listed first, are still found as versions of one story',
      );
      // New files past the cap are left out too, and the output says so once.
      for (let i = 0; i < 5; i++) {
        writeFileSync(
          vscode.Uri.joinPath(corpus(), `late-${i}.txt`).fsPath,
          distinctStory(200_000 + i),
        );
      }
      await outputLine(
        /5,000 files are indexed, the most it takes; new article files are not indexed/,
      );
    });
  });
});
