// Entry point of the integration suite inside a real VS Code extension host.
//
// The host (test/host/run-integration.mjs with code-server, or test/electron/run.mjs with
// @vscode/test-electron) loads this bundle as `extensionTestsPath` and awaits `run()`: resolving
// means success, rejecting means failure. It runs every bundled `*.test.js` next to this file.
//
// Output contract with test/host/run-integration.mjs: the extension host's console output reaches
// that host mixed with the workbench's own log, so while the suite runs there (the host sets
// SOURCE_ANNOTATOR_TEST_HOST=code-server) every console line is tagged `[[test]] ` and the host
// prints only tagged lines (and workbench errors). Mocha's spec reporter prints one line per
// test; the last line is `[[integration-result]] {"passed":N,"failed":N,"pending":N}`, which the
// host parses and adds to the closing `N passed, N failed` line of `npm test`.
//
// Screenshots of the live workbench: a test logs `[[screenshot]] <absolute path ending in .png>`
// with console.log. The code-server host sees that line, captures the page (viewport 1400x900)
// and writes the PNG to that path atomically (temporary file, then rename), so a test simply waits
// until the file exists. `takeScreenshot(name)` below does both, saving to the folder the host
// names in SOURCE_ANNOTATOR_SCREENSHOT_DIR (test/host/.tmp/screenshots, emptied at each run).
// Outside that host (e.g. test-electron) nobody answers, so it resolves to undefined at once.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/** Marker of the machine-readable result line; test/host/run-integration.mjs matches it. */
export const RESULT_MARKER = '[[integration-result]]';
/** Marker of a screenshot request; test/host/run-integration.mjs matches it. */
export const SCREENSHOT_MARKER = '[[screenshot]]';
/** Set by the code-server host only: where `takeScreenshot` saves its pictures. */
export const SCREENSHOT_DIR_VARIABLE = 'SOURCE_ANNOTATOR_SCREENSHOT_DIR';
/** A pattern: only the tests whose full title matches run (passed on by test/host/run-integration.mjs). */
const GREP_VARIABLE = 'SOURCE_ANNOTATOR_TEST_GREP';
/** Set to `code-server` by that host, which then wants the suite's output tagged. */
const TEST_HOST_VARIABLE = 'SOURCE_ANNOTATOR_TEST_HOST';
/** Starts every console message of the suite in the code-server host. */
export const OUTPUT_MARKER = '[[test]] ';

// Two cores, a cold extension host and a web workbench: mocha's default 2 s is far too short.
const TEST_TIMEOUT_MS = 60_000;
const SCREENSHOT_WAIT_MS = 20_000;

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: TEST_TIMEOUT_MS });
  const grep = process.env[GREP_VARIABLE];
  if (grep) mocha.grep(grep);
  // Accept both `describe/it/before` and `suite/test/suiteSetup`, so a suite written in either
  // style runs (VS Code's own samples use tdd, mocha's documentation bdd).
  Mocha.interfaces.tdd(mocha.suite);

  // SOURCE_ANNOTATOR_TEST_FILES=corpus,archive runs only the test files whose names contain one of
  // the words (while working on one feature; the full suite runs without it).
  const only = (process.env['SOURCE_ANNOTATOR_TEST_FILES'] ?? '').split(',').map((w) => w.trim()).filter((w) => w !== '');
  for (const file of findTestFiles(__dirname)) {
    if (only.length === 0 || only.some((w) => path.basename(file).includes(w))) mocha.addFile(file);
  }

  const untag = process.env[TEST_HOST_VARIABLE] === 'code-server' ? tagConsoleOutput() : () => {};
  try {
    const stats = await runMocha(mocha);
    console.log(`${RESULT_MARKER} ${JSON.stringify(stats)}`);
    if (stats.failed > 0) {
      throw new Error(`${stats.failed} integration test(s) failed.`);
    }
    if (stats.passed === 0) {
      throw new Error('No integration test ran.');
    }
  } finally {
    untag();
  }
}

function runMocha(mocha: Mocha): Promise<{ passed: number; failed: number; pending: number }> {
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        resolve({
          passed: runner.stats?.passes ?? 0,
          failed: runner.stats?.failures ?? 0,
          pending: runner.stats?.pending ?? 0,
        });
      });
    } catch (error: unknown) {
      // A test file that throws while loading never reaches mocha's bookkeeping.
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * Prefixes every console message with OUTPUT_MARKER until the returned function is called.
 * The extension host has made its console's methods read-only (assignments are ignored), so the
 * global console itself is swapped for one that tags and then forwards. Mocha's reporters keep
 * their own reference to the original console.log, so theirs is redirected too.
 */
function tagConsoleOutput(): () => void {
  const forwarded = globalThis.console;
  const tag =
    (method: 'log' | 'info' | 'warn' | 'error' | 'debug') =>
    (...args: unknown[]): void => {
      forwarded[method](`${OUTPUT_MARKER}${util.format(...args)}`);
    };
  // Defined, not assigned: assigning would hit the inherited no-op setters.
  const tagged = Object.create(forwarded, {
    log: { value: tag('log') },
    info: { value: tag('info') },
    warn: { value: tag('warn') },
    error: { value: tag('error') },
    debug: { value: tag('debug') },
  }) as Console;
  const reporterLog = Mocha.reporters.Base.consoleLog;
  globalThis.console = tagged;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => tagged.log(...args);
  return () => {
    globalThis.console = forwarded;
    Mocha.reporters.Base.consoleLog = reporterLog;
  };
}

/** Every `*.test.js` below `dir`, sorted so the order is the same on every machine. */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * Asks the driver for a picture of the whole workbench as the user sees it now and waits until it
 * is written. Returns its path, or undefined when no driver takes screenshots in this host.
 */
export async function takeScreenshot(name: string): Promise<string | undefined> {
  const dir = process.env[SCREENSHOT_DIR_VARIABLE];
  if (!dir) {
    return undefined;
  }
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  fs.rmSync(file, { force: true });
  console.log(`${SCREENSHOT_MARKER} ${file}`);
  const deadline = Date.now() + SCREENSHOT_WAIT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) {
      throw new Error(`The test host did not write the screenshot ${file} within ${SCREENSHOT_WAIT_MS} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return file;
}
