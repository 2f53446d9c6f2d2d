/**
 * The end-to-end steps, in the order a user takes them. A step whose feature has not landed yet is
 * listed but disabled: `enabled` looks for the feature in the extension, and the
 * NEWS_ANNOTATOR_E2E_STEPS variable (comma-separated step ids, or `all`) overrides that.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import gold from '../fixtures/seeds-gold.json';
import { colourDifference, cssRgbToHex } from './colourDifference';
import {
  diffSideText,
  editorForeground,
  editorLine,
  hoverWord,
  openFromExplorer,
  openOutlineView,
  outlineRow,
  runPaletteCommand,
  selectColorTheme,
  tokenColour,
  waitForStatusLanguage,
  waitForWorkbench,
} from './workbench';

/** What a step gets: the page, where screenshots go and the extension's manifest. */
export interface StepContext {
  page: Page;
  screenshot: (name: string) => Promise<void>;
  manifest: ExtensionManifest;
  repoRoot: string;
}

/** The parts of package.json the steps read. */
export interface ExtensionManifest {
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}

/** One user-visible step. */
export interface E2eStep {
  id: string;
  title: string;
  /** Whether the feature this step exercises exists; absent means always. */
  enabled?: (context: StepContext) => boolean;
  run: (context: StepContext) => Promise<void>;
}

/** The seed with a headline, an entity-rich body and a duplicate version (001). */
const seedName = '000_bfa63e976a24a0e6.txt';
const seedGold = gold[seedName];
const headline = seedGold.zones.find((zone) => zone.kind === 'headline')?.text ?? '';

/**
 * One rendered token of each highlight kind in seed 000, with the line that holds it on screen.
 * Each is checked against the gold annotation first, so the colours are read from a known quote,
 * speaker, date, person, place and organisation.
 */
const highlightSamples = [
  { kind: 'quote', line: '“Russia is interested', word: 'is interested', whole: false },
  { kind: 'speaker', line: 'he added', word: 'he', whole: true },
  { kind: 'date', line: 'touched on the October', word: 'October', whole: true },
  { kind: 'person', line: 'Serzh Sarkisian', word: 'Serzh Sarkisian', whole: true },
  { kind: 'place', line: 'in Vienna', word: 'Vienna', whole: true },
  { kind: 'organization', line: 'In the Interfax interview', word: 'Interfax', whole: true },
] as const;

/** The gold annotation of seed 000 must give each sample its kind. */
function checkSamplesAgainstGold(): void {
  const quote = seedGold.quotes.find((item) => item.text_head.includes('Russia is interested'));
  const speaker = seedGold.quotes.some((item) => item.speaker.text === 'he');
  const entities: Record<string, string[]> = seedGold.entities;
  const date = seedGold.dates.some((item) => item.text === 'October');
  if (!quote || !speaker || !date) throw new Error('the gold quote, speaker or date is missing');
  for (const sample of highlightSamples.slice(3)) {
    if (!entities[sample.kind]?.includes(sample.word)) {
      throw new Error(`gold does not list ${sample.word} as ${sample.kind}`);
    }
  }
}

/**
 * The themes the highlighting must work in: this VS Code's defaults (Light 2026, Dark 2026), the
 * Modern and + themes, both high-contrast themes (Light High Contrast declares no semantic
 * highlighting; the language default `editor.semanticHighlighting.enabled: true` applies the
 * tokens there) and two themes with a palette of their own.
 */
const highlightThemes = [
  'Light 2026',
  'Dark 2026',
  'Light Modern',
  'Dark Modern',
  'Light+',
  'Dark+',
  'Dark High Contrast',
  'Light High Contrast',
  'Monokai',
  'Solarized Light',
];

/**
 * The colour of each sample's token. A theme switch restyles the editor and asks for the semantic
 * tokens again; until they are back, the samples are TextMate tokens ("he added." is one token), so
 * this reads again until every sample is a token of its own.
 */
async function readSampleColours(page: Page, theme: string): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tokens: ({ colour: string } | null)[] = [];
    for (const sample of highlightSamples) {
      tokens.push(await tokenColour(page, sample.line, sample.word, sample.whole));
    }
    const missing = highlightSamples.filter((_, index) => !tokens[index]);
    if (missing.length === 0) return tokens.map((token) => token!.colour);
    if (Date.now() > deadline) {
      throw new Error(
        `${theme}: no rendered token for ${missing.map((s) => `"${s.word}"`).join(', ')}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

/** Colours closer than this (CIEDE2000) would not tell two kinds apart at a glance. */
const minimumColourDifference = 5;

/** The contributed command that diffs duplicate versions, found by its id. */
function findDiffCommand(manifest: ExtensionManifest) {
  return manifest.contributes?.commands?.find((command) => /diff|compare/i.test(command.command));
}

/** The palette shows a command as "Category: Title". */
function paletteTitle(command: { title: string; category?: string }): string {
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** True when src/features has a file (one per feature, named after it) whose name matches. */
function hasFeatureFile(repoRoot: string, name: RegExp): boolean {
  const features = path.join(repoRoot, 'src', 'features');
  return existsSync(features) && readdirSync(features).some((file) => name.test(file));
}

/** A palette command can fail in a modal dialog or a notification; this reads either. */
function commandError(page: Page) {
  return page.locator('.monaco-dialog-box, .notification-toast', {
    hasText: 'resulted in an error',
  });
}

export const steps: E2eStep[] = [
  {
    id: 'workbench',
    title: 'the workbench loads with the seeds folder in the Explorer',
    run: ({ page }) => waitForWorkbench(page, seedName),
  },
  {
    id: 'open',
    title: `open ${seedName} from the Explorer`,
    run: ({ page }) => openFromExplorer(page, seedName, headline),
  },
  {
    id: 'language',
    title: 'the status bar reads the language "News Article"',
    run: async ({ page, screenshot }) => {
      await waitForStatusLanguage(page, 'News Article');
      await screenshot('article-open.png');
    },
  },
  {
    id: 'outline',
    title: 'the Outline view lists the headline and the zones',
    run: async ({ page, screenshot }) => {
      await openOutlineView(page, 'seeds');
      for (const name of [headline, 'Body', 'Boilerplate', 'Comments']) {
        await outlineRow(page, name).waitFor();
      }
      await screenshot('outline.png');
    },
  },
  {
    id: 'hover',
    title: 'hovering "Karasin" shows the entity card',
    enabled: ({ repoRoot }) => hasFeatureFile(repoRoot, /hover/i),
    run: async ({ page, screenshot }) => {
      // The card names the person the mention refers to, as the gold analysis has it.
      // "Karasin" alone, in the body: the card must resolve the short name to the full one.
      const line = 'In an interview with the Interfax news agency, Karasin';
      await editorLine(page, line).waitFor();
      const card = await hoverWord(page, 'Karasin', line, 'Grigory Karasin');
      console.log(`       hover card: ${JSON.stringify(card.slice(0, 160))}`);
      await screenshot('hover-karasin.png');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    },
  },
  {
    id: 'highlighting',
    title:
      'quotes, speakers, dates, people, places and organisations get six distinct colours in every theme',
    enabled: ({ repoRoot }) => hasFeatureFile(repoRoot, /semanticTokens/i),
    run: async ({ page, screenshot }) => {
      checkSamplesAgainstGold();
      await editorLine(page, highlightSamples[0].line).waitFor();
      const table: string[] = [];
      for (const theme of highlightThemes) {
        await selectColorTheme(page, theme);
        const foreground = await editorForeground(page);
        const colours = await readSampleColours(page, theme);
        table.push(
          `${theme.padEnd(20)} ${cssRgbToHex(foreground)}  ${colours.map(cssRgbToHex).join(' ')}`,
        );
        // Each kind differs visibly from the text around it and from every other kind.
        highlightSamples.forEach((sample, index) => {
          const difference = colourDifference(colours[index]!, foreground);
          if (difference < minimumColourDifference) {
            throw new Error(
              `${theme}: ${sample.kind} ${cssRgbToHex(colours[index]!)} is the text colour ` +
                `${cssRgbToHex(foreground)} (ΔE00 ${difference.toFixed(1)})`,
            );
          }
          for (let other = index + 1; other < highlightSamples.length; other++) {
            const apart = colourDifference(colours[index]!, colours[other]!);
            if (apart < minimumColourDifference) {
              throw new Error(
                `${theme}: ${sample.kind} and ${highlightSamples[other]!.kind} share a colour ` +
                  `(${cssRgbToHex(colours[index]!)}, ${cssRgbToHex(colours[other]!)}, ΔE00 ${apart.toFixed(1)})`,
              );
            }
          }
        });
        if (theme === 'Light 2026') await screenshot('highlighting-light.png');
        if (theme === 'Dark 2026') await screenshot('highlighting-dark.png');
      }
      console.log(
        `       ${'theme'.padEnd(20)} text     ${highlightSamples.map((s) => s.kind.slice(0, 7).padEnd(7)).join(' ')}`,
      );
      for (const row of table) console.log(`       ${row}`);
      await selectColorTheme(page, highlightThemes[0]!);
    },
  },
  {
    id: 'diff',
    title: 'the diff command from the palette opens both versions side by side',
    // Contributed in package.json and implemented in src/features (diff, duplicate or compare).
    enabled: ({ manifest, repoRoot }) =>
      findDiffCommand(manifest) !== undefined &&
      hasFeatureFile(repoRoot, /diff|duplicate|compare/i),
    run: async ({ page, manifest, screenshot }) => {
      const command = findDiffCommand(manifest);
      if (!command) throw new Error('no diff command is contributed');
      await runPaletteCommand(page, paletteTitle(command));
      // The command may ask which version to compare with; choose the seed's duplicate.
      const duplicate = page
        .locator('.quick-input-list .monaco-list-row', { hasText: '001_' })
        .first();
      const diffEditor = page.locator('.monaco-diff-editor').first();
      const error = commandError(page).first();
      await Promise.race([duplicate.waitFor(), diffEditor.waitFor(), error.waitFor()]);
      if (await error.isVisible()) throw new Error((await error.innerText()).replace(/\s+/g, ' '));
      if (await duplicate.isVisible()) await duplicate.click();
      await diffEditor.waitFor();
      const sides = [await diffSideText(page, 'original'), await diffSideText(page, 'modified')];
      // One side is 000 (it has the headline), the other 001 (it has the date header); both
      // carry the shared story.
      const story = 'While welcoming renewed high-level meetings';
      if (!sides.every((side) => side.includes(story)))
        throw new Error('a side lacks the shared story');
      if (!sides.some((side) => side.includes(headline)))
        throw new Error('no side shows version 000');
      if (!sides.some((side) => side.includes('date 2017-12-27')))
        throw new Error('no side shows version 001');
      await screenshot('diff-versions.png');
    },
  },
];
