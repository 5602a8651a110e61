// Runs the bundled integration suite (dist/test/integration) inside a real VS Code, offline:
// code-server from this folder's node_modules plus headless Debian Chromium driven by
// playwright-core. Run `node esbuild.js` first; test/run.mjs does both.
//
//   node test/host/run-integration.mjs [--report <file.json>] [--verbose] [--timeout <seconds>]
//
// --report   writes {"passed","failed","pending","error"} for test/run.mjs, and leaves the
//            closing `N passed, N failed` line to it
// --verbose  also prints code-server's and the workbench's own output as it comes
// --timeout  limit for the whole run (default 1200 s, or SOURCE_ANNOTATOR_HOST_TIMEOUT)
import fs from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { cleanup, cleanupStarted, installExitHandlers, onCleanup, removeFolder } from './cleanup.mjs';
import { startCodeServer } from './code-server.mjs';
import { CHROMIUM, FIXTURE_WORKSPACE, HOST_DIR, ROOT_DIR, SCREENSHOT_DIR, makeRunFolder } from './environment.mjs';
import { hostRunProblem } from './install.mjs';
import { launchChromium } from './chromium.mjs';

// The contract with test/integration/index.ts: keep these in step with it.
const OUTPUT_MARKER = '[[test]] ';
const RESULT_MARKER = '[[integration-result]]';
const SCREENSHOT_REQUEST = /\[\[screenshot\]\] (\/.*?\.png)\s*$/;
const SUITE_ENVIRONMENT = {
  SOURCE_ANNOTATOR_TEST_HOST: 'code-server',
  SOURCE_ANNOTATOR_SCREENSHOT_DIR: SCREENSHOT_DIR,
  // `SOURCE_ANNOTATOR_TEST_GREP=<pattern>`: run only the tests whose full title matches.
  ...(process.env.SOURCE_ANNOTATOR_TEST_GREP ? { SOURCE_ANNOTATOR_TEST_GREP: process.env.SOURCE_ANNOTATOR_TEST_GREP } : {}),
  // `SOURCE_ANNOTATOR_BENCH=1` (npm run bench:editor): the editor benchmark suite is included.
  ...(process.env.SOURCE_ANNOTATOR_BENCH ? { SOURCE_ANNOTATOR_BENCH: process.env.SOURCE_ANNOTATOR_BENCH } : {}),
  // `SOURCE_ANNOTATOR_BENCH_PROFILE=DIR`: the editor bench writes the extension host's CPU profile of each document's keystrokes there.
  ...(process.env.SOURCE_ANNOTATOR_BENCH_PROFILE ? { SOURCE_ANNOTATOR_BENCH_PROFILE: path.resolve(process.env.SOURCE_ANNOTATOR_BENCH_PROFILE) } : {}),
};

const LOG_DIR = path.join(HOST_DIR, '.tmp', 'logs');
const TESTS_ENTRY = path.join(ROOT_DIR, 'dist', 'test', 'integration', 'index.js');
const EXTENSION_MAIN = path.join(ROOT_DIR, 'dist', 'extension.js');

const { values: options } = parseArgs({
  options: {
    report: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.SOURCE_ANNOTATOR_HOST_TIMEOUT ?? '1200' },
  },
});

const started = Date.now();
/** What the suite reported so far; the report and the exit code come from it. */
const result = { passed: 0, failed: 0, pending: 0, counted: false, error: undefined };
/** What explains a failure, kept so it can be saved after the run folder is gone. */
const diagnostics = { serverOutput: () => [], pageLog: [], workbenchOutput: [], workbenchLogs: [] };

function writeReport() {
  const failed = result.error && result.failed === 0 ? 1 : result.failed;
  if (options.report) {
    fs.writeFileSync(options.report, JSON.stringify({ passed: result.passed, failed, pending: result.pending, error: result.error }));
  }
  return failed;
}

installExitHandlers({
  timeoutMs: Number(options.timeout) * 1000,
  onAbort: (reason) => {
    result.error ??= reason;
    saveDiagnostics();
    writeReport();
  },
});

function keepLast(lines, line, count = 500) {
  lines.push(line);
  if (lines.length > count) lines.shift();
}

/**
 * One message of the workbench log, in which the extension host's console output arrives as
 * printf-style arguments. The suite's own messages (tagged by index.ts) are printed; the
 * workbench's are kept for the logs, and shown only when they are errors or with --verbose.
 */
function onWorkbenchMessage(level, args, takeScreenshot) {
  const text = format(...(Array.isArray(args) ? args : [args]));
  for (const line of text.split('\n')) {
    const screenshot = SCREENSHOT_REQUEST.exec(line);
    if (screenshot) takeScreenshot(screenshot[1]);
    const marker = line.indexOf(RESULT_MARKER);
    if (marker >= 0) {
      try {
        Object.assign(result, JSON.parse(line.slice(marker + RESULT_MARKER.length)), { counted: true });
      } catch {
        console.error(`Unreadable result line: ${line}`);
      }
    }
  }
  if (text.startsWith(OUTPUT_MARKER)) {
    if (!SCREENSHOT_REQUEST.test(text) && !text.includes(RESULT_MARKER)) console.log(text.slice(OUTPUT_MARKER.length));
    return;
  }
  keepLast(diagnostics.workbenchOutput, `[${level}] ${text}`);
  if (options.verbose || level === 'error') console.log(`[workbench ${level}] ${text}`);
}

async function main() {
  const problem = hostRunProblem();
  if (problem) throw new Error(problem);
  for (const file of [EXTENSION_MAIN, TESTS_ENTRY]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT_DIR, file)} is missing: run \`node esbuild.js\` first.`);
  }

  const { dir: runDir, xdg } = makeRunFolder('source-annotator-it');
  onCleanup('run folder', () => removeFolder(runDir));
  // Tests may write sidecars: they get a fresh copy, never the fixture itself.
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  removeFolder(SCREENSHOT_DIR);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const server = await startCodeServer({
    runDir,
    xdg,
    // Without it the workbench ignores the test payload and the run hangs.
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: SUITE_ENVIRONMENT,
    onOutput: options.verbose ? (line) => console.log(`[server] ${line}`) : undefined,
  });
  diagnostics.serverOutput = server.output;
  console.log(`code-server ${server.url} started in ${seconds(started)} s; workspace ${workspace}`);

  const { browser, page } = await launchChromium({ xdg, executablePath: CHROMIUM });
  page.on('console', (message) => {
    keepLast(diagnostics.pageLog, `[${message.type()}] ${message.text()}`);
    if (options.verbose) console.log(`[page ${message.type()}] ${message.text()}`);
  });

  let screenshots = Promise.resolve();
  let screenshotCount = 0;
  const takeScreenshot = (file) => {
    // One at a time, each written under a temporary name then renamed: a test waiting for the
    // file never reads half a PNG.
    screenshots = screenshots.then(async () => {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const partial = `${file}.partial`;
        fs.writeFileSync(partial, await page.screenshot());
        fs.renameSync(partial, file);
        screenshotCount++;
      } catch (error) {
        console.error(`Screenshot ${file} failed: ${error.message}`);
      }
    });
  };

  const finished = new Promise((resolve, reject) => {
    page.on('crash', () => reject(new Error('The workbench page crashed.')));
    page.on('close', () => reject(new Error('The workbench page closed before the tests finished.')));
    // Both must exist before the workbench loads: it looks for them once, at start.
    void page.exposeFunction('codeAutomationExit', (code, logs) => resolve({ code, logs }));
  });
  await page.exposeFunction('codeAutomationLog', (level, args) => onWorkbenchMessage(level, args, takeScreenshot));

  const remote = (file) => `vscode-remote://${server.authority}${pathToFileURL(file).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT_DIR)],
    ['extensionTestsPath', remote(TESTS_ENTRY)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  // encodeURIComponent, not URLSearchParams: a '+' for a space is not decoded by every reader.
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  const { code, logs } = await Promise.race([
    finished,
    server.exited.then((exitCode) => {
      throw new Error(`code-server exited (code ${exitCode}) while the tests ran.`);
    }),
  ]);
  await screenshots;
  if (screenshotCount > 0) console.log(`${screenshotCount} screenshot(s) in ${path.relative(ROOT_DIR, SCREENSHOT_DIR)}`);

  if (!result.counted) {
    result.error = `The extension host exited with code ${code} without a result line: the suite did not run (see the log above).`;
  } else if (code !== 0 && result.failed === 0) {
    result.error = `The extension host exited with code ${code}.`;
  }
  diagnostics.workbenchLogs = Array.isArray(logs) ? logs : [];
  await browser.close().catch(() => {});
}

/** Keeps what explains a failure after the run folder is gone. */
let diagnosticsSaved = false;
function saveDiagnostics() {
  if (diagnosticsSaved) return;
  diagnosticsSaved = true;
  try {
    removeFolder(LOG_DIR);
    fs.mkdirSync(LOG_DIR, { recursive: true });
    for (const { relativePath, contents } of diagnostics.workbenchLogs) {
      // Relative paths from the workbench; never let one climb out of LOG_DIR.
      const target = path.join(LOG_DIR, 'workbench', path.normalize(String(relativePath)).replace(/^(\.\.(\/|$))+/, ''));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, typeof contents === 'string' ? contents : JSON.stringify(contents));
    }
    fs.writeFileSync(path.join(LOG_DIR, 'code-server.log'), `${diagnostics.serverOutput().join('\n')}\n`);
    fs.writeFileSync(path.join(LOG_DIR, 'page-console.log'), `${diagnostics.pageLog.join('\n')}\n`);
    fs.writeFileSync(path.join(LOG_DIR, 'workbench-output.log'), `${diagnostics.workbenchOutput.join('\n')}\n`);
    console.error(`Logs of this run: ${path.relative(ROOT_DIR, LOG_DIR)}/`);
  } catch (error) {
    console.error(`Could not save the logs of this run: ${error.message}`);
  }
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

try {
  await main();
} catch (error) {
  // Aborted (signal, timeout): the exit handler reports and exits; errors from the teardown it
  // caused are not the story.
  if (cleanupStarted()) await new Promise(() => {});
  result.error = error.message ?? String(error);
}
if (result.error || result.failed > 0) saveDiagnostics();
await cleanup();
const failed = writeReport();
if (result.error) console.error(`\nIntegration run failed: ${result.error}`);
console.log(`Integration tests finished in ${seconds(started)} s.`);
if (!options.report) console.log(`${result.passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
