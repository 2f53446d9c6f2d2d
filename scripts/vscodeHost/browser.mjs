// Launches Debian's Chromium through playwright-core (the project's devDependency). Playwright never
// downloads a browser here: Debian's chromium 156 matches playwright-core 1.64's protocol.
import { format } from 'node:util';
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

/** Lines of the offline workbench's chatter that say nothing about a run. */
const workbenchNoise = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)/,
  /^(Resolv|Creating a socket|Updating additional builtin)/,
  /ENOTFOUND|authentication provider 'github'/,
];

/**
 * Opens `url` (a code-server workbench whose payload runs extension tests) in headless Chromium and
 * resolves with the exit code the workbench reports through `codeAutomationExit`, or 'timeout'.
 * The workbench forwards the extension host's console to `codeAutomationLog`: each line that is
 * not noise (unless VERBOSE is set) goes to `onLine(text, type)`, which returns true when it printed
 * the line itself; other lines are printed as they come.
 */
export async function runWorkbenchPayload({ url, timeoutSeconds, viewport, onLine = () => false }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage(viewport ? { viewport } : {});
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...args);
      if (!process.env.VERBOSE && workbenchNoise.some((pattern) => pattern.test(text))) return;
      if (onLine(text, type)) return;
      (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    if (process.env.VERBOSE)
      page.on('console', (message) => console.log(`[page] ${message.text()}`));
    const timer = setTimeout(() => finish('timeout'), timeoutSeconds * 1000);
    await page.goto(url);
    const exitCode = await finished;
    clearTimeout(timer);
    return exitCode;
  } finally {
    await browser.close();
  }
}
