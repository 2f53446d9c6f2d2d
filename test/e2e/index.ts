/**
 * The browser end-to-end test: drives a code-server workbench (with the packaged VSIX installed and
 * a copy of seeds/ open) through the steps in steps.ts, printing `ok`/`FAIL` per step and a closing
 * `N passed, N failed` line. scripts/vscodeHost/runE2e.mjs starts the server and the browser.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { steps, type ExtensionManifest, type StepContext } from './steps';

/** Options from the runner. */
export interface E2eOptions {
  url: string;
  screenshotDir: string;
  manifest: ExtensionManifest;
  repoRoot: string;
}

/** Step ids forced on by NEWS_ANNOTATOR_E2E_STEPS (`all`, or a comma-separated list). */
function forcedSteps(): Set<string> | 'all' {
  const value = process.env.NEWS_ANNOTATOR_E2E_STEPS?.trim();
  if (value === 'all') return 'all';
  return new Set(
    (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
}

/** Runs the enabled steps in order, stopping at the first failure; returns the failure count. */
export async function runE2e(
  page: Page,
  options: E2eOptions,
): Promise<{ passed: number; failed: number }> {
  mkdirSync(options.screenshotDir, { recursive: true });
  // Screenshots of an earlier run (a failure above all) must not pass for this run's.
  for (const file of readdirSync(options.screenshotDir).filter((name) => name.endsWith('.png'))) {
    rmSync(path.join(options.screenshotDir, file));
  }
  const context: StepContext = {
    page,
    manifest: options.manifest,
    repoRoot: options.repoRoot,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(options.screenshotDir, name) });
    },
  };
  page.setDefaultTimeout(30_000);
  await page.goto(options.url);
  const forced = forcedSteps();
  let passed = 0;
  let failed = 0;
  for (const step of steps) {
    const on = forced === 'all' || forced.has(step.id) || (step.enabled?.(context) ?? true);
    if (!on) {
      console.log(`  skip ${step.title} (feature not built yet)`);
      continue;
    }
    const started = Date.now();
    try {
      await step.run(context);
      passed++;
      console.log(`  ok   ${step.title} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.log(`  FAIL ${step.title}: ${message}`);
      await context.screenshot(`failure-${step.id}.png`).catch(() => undefined);
      // Later steps build on this one's state, so running them would only report noise.
      break;
    }
  }
  return { passed, failed };
}
