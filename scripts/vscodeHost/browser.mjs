// Launches Debian's Chromium through playwright-core (the project's devDependency). Playwright never
// downloads a browser here: Debian's chromium 156 matches playwright-core 1.64's protocol.
import { chromium } from 'playwright-core';
import { chromiumPath, hostEnv } from './hostPaths.mjs';

/** Flags that keep headless Chromium quiet and offline. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium; `launch()` gives it a fresh temporary profile that it removes on close.
 * Its crash reporter still writes `$XDG_CONFIG_HOME/chromium/Crash Reports`, so the XDG variables
 * point into the tools cache, as they do for code-server.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: hostEnv(),
  });
}
