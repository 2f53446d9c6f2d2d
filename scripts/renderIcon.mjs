#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128 x 128, transparent corners), the Marketplace
// icon named in package.json, with Debian's Chromium through playwright-core, as the e2e does.
// Usage: node scripts/renderIcon.mjs (after editing the SVG; commit both files).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './vscodeHost/browser.mjs';
import { repoRoot } from './vscodeHost/hostPaths.mjs';

const SIZE = 128;
const source = path.join(repoRoot, 'images', 'icon.svg');
const target = path.join(repoRoot, 'images', 'icon.png');

const svg = readFileSync(source, 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">` +
      `<img width="${SIZE}" height="${SIZE}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">` +
      `</body></html>`,
  );
  await page.locator('img').screenshot({ path: target, omitBackground: true });
} finally {
  await browser.close();
}
console.log(`wrote ${path.relative(repoRoot, target)} (${SIZE} x ${SIZE})`);
