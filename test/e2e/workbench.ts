/**
 * What a user does in the VS Code workbench, as Playwright actions. The selectors are the
 * workbench's own DOM classes, which are not an API: they hold for the pinned code-server 4.139.1
 * (VS Code 1.139.1) and must be checked when that pin moves.
 */
import type { Locator, Page } from 'playwright-core';

/** The Explorer row of a file in the workspace folder. */
export function explorerRow(page: Page, fileName: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
}

/** Waits until the workbench has loaded and the Explorer lists `fileName`. */
export async function waitForWorkbench(page: Page, fileName: string): Promise<void> {
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.statusbar').waitFor();
  await explorerRow(page, fileName).waitFor();
}

/** Opens a file with a click in the Explorer and waits until the editor shows `visibleText`. */
export async function openFromExplorer(
  page: Page,
  fileName: string,
  visibleText: string,
): Promise<void> {
  await explorerRow(page, fileName).click();
  await page.locator('.tabs-container .tab', { hasText: fileName }).waitFor();
  await editorLine(page, visibleText).waitFor();
}

/** An editor line showing `text`; Monaco renders spaces as U+00A0, which Playwright normalises. */
export function editorLine(page: Page, text: string): Locator {
  return page.locator('.editor-instance .view-line', { hasText: text }).first();
}

/** Waits until the status bar's language indicator reads `languageName`, and returns its text. */
export async function waitForStatusLanguage(page: Page, languageName: string): Promise<string> {
  const indicator = page.locator('[id="status.editor.mode"]');
  await indicator.filter({ hasText: languageName }).waitFor();
  return (await indicator.innerText()).trim();
}

/**
 * The few DOM members the in-page search below uses. The project compiles without the DOM library
 * (extension code must not see browser globals), so the page function declares what it touches.
 */
interface PageNode {
  textContent: string | null;
  firstChild: PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode>;
}
interface PageDocument {
  querySelectorAll(selector: string): Iterable<PageNode>;
  createRange(): {
    setStart(node: PageNode, offset: number): void;
    setEnd(node: PageNode, offset: number): void;
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  };
}

/**
 * The centre of the first on-screen occurrence of `word` in a visible editor line that contains
 * `lineText` (any line when it is empty), or null.
 */
async function findWordCentre(
  page: Page,
  word: string,
  lineText: string,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([target, near]) => {
      const pageDocument = (globalThis as unknown as { document: PageDocument }).document;
      for (const line of pageDocument.querySelectorAll('.editor-instance .view-line')) {
        // Monaco renders spaces as U+00A0, and splits a line into token <span>s at arbitrary
        // points ("Kar" + "asin"), so the word is found in the line's whole text and its ends are
        // mapped back to the text nodes that hold them.
        const lineString = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        const index = lineString.indexOf(target);
        if (!lineString.includes(near) || index < 0) continue;
        const pieces: { node: PageNode; start: number; end: number }[] = [];
        let offset = 0;
        for (const token of line.querySelectorAll('span span')) {
          const text = token.firstChild;
          const length = text?.textContent?.length ?? 0;
          if (text) pieces.push({ node: text, start: offset, end: offset + length });
          offset += length;
        }
        const at = (position: number, isEnd: boolean) =>
          pieces.find((piece) =>
            isEnd
              ? position > piece.start && position <= piece.end
              : position >= piece.start && position < piece.end,
          );
        const first = at(index, false);
        const last = at(index + target.length, true);
        if (!first || !last) continue;
        const range = pageDocument.createRange();
        range.setStart(first.node, index - first.start);
        range.setEnd(last.node, index + target.length - last.start);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    },
    [word, lineText],
  );
}

/**
 * Hovers `word` (in the first visible line containing `lineText`) until a hover card containing
 * `expectedText` shows, and returns the card's text.
 * The extension activates lazily, so a first hover can arrive before its provider is registered and
 * show nothing: the pointer moves away and back until the card appears or `timeoutMs` passes.
 */
export async function hoverWord(
  page: Page,
  word: string,
  lineText: string,
  expectedText: string,
  timeoutMs = 30_000,
): Promise<string> {
  const centre = await findWordCentre(page, word, lineText);
  if (!centre) throw new Error(`the word ${JSON.stringify(word)} is not visible in the editor`);
  const card = page.locator('.monaco-hover:not(.hidden)', { hasText: expectedText }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.mouse.move(centre.x, centre.y + 300);
    await page.mouse.move(centre.x, centre.y, { steps: 5 });
    try {
      await card.waitFor({ state: 'visible', timeout: 3_000 });
      return (await card.innerText()).trim();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Runs a command from the command palette (F1) by its full title, as a user types it. */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * The text a diff editor shows on one side, with whitespace collapsed: word wrap splits a long line
 * into several view lines (at spaces), and joining them with a space restores the sentence.
 */
export async function diffSideText(page: Page, side: 'original' | 'modified'): Promise<string> {
  const lines = page.locator(`.monaco-diff-editor .editor.${side} .view-line`);
  await lines.first().waitFor();
  return (await lines.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
}

/**
 * Gives the Outline view the Explorer side bar: collapses the folder view above it, expands the
 * Outline and collapses its tree to the top-level symbols, so every zone is on screen (the list is
 * virtual: rows scrolled out of view do not exist in the DOM).
 */
export async function openOutlineView(page: Page, folderName: string): Promise<void> {
  const expand = async (title: string, expanded: boolean) => {
    const header = page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    return header;
  };
  await expand(folderName, false);
  const outline = await expand('Outline', true);
  await page.locator('.outline-pane .monaco-list-row').first().waitFor();
  await outline.hover();
  await outline.getByRole('button', { name: 'Collapse All' }).click();
}

/** A row of the Outline view whose label contains `text`. */
export function outlineRow(page: Page, text: string): Locator {
  return page.locator('.outline-pane .monaco-list-row', { hasText: text }).first();
}

/**
 * Switches the colour theme as a user does: Preferences: Color Theme (Ctrl+K Ctrl+T) from the
 * palette, then the theme by its label. Resolves once the workbench has swapped its theme class.
 * The palette row is clicked by its exact title because "Preferences: Browse Color Themes in
 * Marketplace" sorts above it.
 */
export async function selectColorTheme(page: Page, label: string): Promise<void> {
  const workbench = page.locator('.monaco-workbench');
  const themeClass = async () =>
    ((await workbench.getAttribute('class')) ?? '')
      .split(/\s+/)
      .find((name) => name.startsWith('vscode-theme-'));
  const before = await themeClass();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  await page
    .locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]')
    .first()
    .click();
  // The picker opens on the active theme; choosing it again would change nothing to wait for.
  const active = page.locator('.quick-input-list .monaco-list-row.focused .label-name');
  await active.waitFor();
  if ((await active.innerText()).trim() === label) {
    await page.keyboard.press('Escape');
    return;
  }
  await input.fill(label);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) })
    .first()
    .click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const deadline = Date.now() + 10_000;
  while ((await themeClass()) === before) {
    if (Date.now() > deadline) throw new Error(`the theme did not change to ${label}`);
    await page.waitForTimeout(50);
  }
}

/** What the colour readers below get from the page: getComputedStyle on the DOM members above. */
interface PageWindow {
  document: PageDocument & { querySelector(selector: string): PageNode | null };
  getComputedStyle(node: PageNode): { color: string };
}

/** The editor's default text colour (`editor.foreground`), as computed by the browser. */
export async function editorForeground(page: Page): Promise<string> {
  return page.evaluate(() => {
    const window = globalThis as unknown as PageWindow;
    const lines = window.document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!lines) throw new Error('no editor is open');
    return window.getComputedStyle(lines).color;
  });
}

/**
 * The computed colour of the rendered token that holds `word` in the first visible editor line
 * containing `lineText`; with `whole`, the token's text must be exactly `word` (a short word such as
 * "he" also occurs inside longer tokens). Null when no such token is on screen.
 */
export async function tokenColour(
  page: Page,
  lineText: string,
  word: string,
  whole = false,
): Promise<{ colour: string; text: string } | null> {
  return page.evaluate(
    ([near, target, exact]) => {
      const window = globalThis as unknown as PageWindow;
      const normalise = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');
      for (const line of window.document.querySelectorAll('.editor-instance .view-line')) {
        if (!normalise(line.textContent).includes(near)) continue;
        for (const token of line.querySelectorAll('span span')) {
          const text = normalise(token.textContent);
          if (exact ? text.trim() === target : text.includes(target)) {
            return { colour: window.getComputedStyle(token).color, text };
          }
        }
      }
      return null;
    },
    [lineText, word, whole] as const,
  );
}
