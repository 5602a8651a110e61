// Headless Debian Chromium through playwright-core: the window in which the VS Code workbench of
// the test host runs. Never `npx playwright install`: that downloads a browser, which fails offline.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { onCleanup } from './cleanup.mjs';
import { HOST_MODULES, cleanEnvironment } from './environment.mjs';

export const VIEWPORT = { width: 1400, height: 900 };

const ARGS = [
  '--no-sandbox', // running as root in a container: Chromium's sandbox needs user namespaces
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches Chromium with its profile and HOME inside the run folder; closed by cleanup(). */
export async function launchChromium({ xdg, executablePath }) {
  // Imported here, not at the top, so a host that is not installed yet gets a clear message first.
  const { chromium } = await import(pathToFileURL(path.join(HOST_MODULES, 'playwright-core', 'index.mjs')).href);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ARGS,
    env: cleanEnvironment(xdg),
    // Signals are handled by cleanup.mjs, which closes the browser before the server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  onCleanup(
    'chromium',
    () => browser.process?.()?.kill('SIGKILL'),
    () => browser.close(),
  );
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return { browser, page };
}
