// The one test command (`npm test`): installs what is missing, builds, type-checks, lints, runs the
// unit tests in Node and the integration tests in a real VS Code (code-server + headless Chromium,
// see test/host/), and ends with a single `N passed, N failed` line summing both suites.
//
//   node test/run.mjs                  everything
//   node test/run.mjs --unit           build + unit tests (no test host needed)
//   node test/run.mjs --integration    test host install + build + integration tests
//   node test/run.mjs --verbose        also the test host's server and workbench output
//
// A step that fails, or that cannot run because an earlier one failed, counts as one failure, so
// the closing line and the exit code never hide it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cleanup, installExitHandlers, onCleanup } from './host/cleanup.mjs';
import { ROOT_DIR, runCommand } from './host/environment.mjs';
import { dependencyProblem } from './host/dependencies.mjs';
import { ensureHostInstalled } from './host/install.mjs';

const { values: options } = parseArgs({
  options: {
    unit: { type: 'boolean', default: false },
    integration: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const runAll = options.unit === options.integration;
const wantUnit = runAll || options.unit;
const wantIntegration = runAll || options.integration;

installExitHandlers();
process.chdir(ROOT_DIR);
const started = Date.now();
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-test-'));
onCleanup('report folder', () => fs.rmSync(reportDir, { recursive: true, force: true }));

/** @type {{ name: string, status: 'ok' | 'failed' | 'not run', counted?: boolean, passed: number, failed: number, pending: number, seconds: number, note?: string }[]} */
const steps = [];

function header(name) {
  console.log(`\n==> ${name}`);
}

/** Runs a step that passes or fails as a whole. */
async function step(name, action) {
  header(name);
  const stepStarted = Date.now();
  let ok;
  let note;
  try {
    ok = (await action()) !== false;
  } catch (error) {
    ok = false;
    note = error.message ?? String(error);
    console.error(note);
  }
  steps.push({ name, status: ok ? 'ok' : 'failed', passed: 0, failed: ok ? 0 : 1, pending: 0, seconds: (Date.now() - stepStarted) / 1000, note });
  return ok;
}

/** Runs a test suite whose runner writes {passed, failed, pending, error} to a report file. */
async function suite(name, script, extraArgs = []) {
  header(name);
  const stepStarted = Date.now();
  const report = path.join(reportDir, `${path.basename(script, '.mjs')}.json`);
  const code = await runCommand(process.execPath, [script, '--report', report, ...extraArgs]);
  let result;
  try {
    result = JSON.parse(fs.readFileSync(report, 'utf8'));
  } catch {
    result = { passed: 0, failed: 0, pending: 0, error: `${script} ended (exit code ${code}) without a report` };
  }
  // A crash outside the tests, or a non-zero exit with nothing failed, is still a failure.
  const failed = result.failed > 0 ? result.failed : result.error || code !== 0 ? 1 : 0;
  steps.push({
    name,
    status: failed > 0 ? 'failed' : 'ok',
    counted: true,
    passed: result.passed,
    failed,
    pending: result.pending ?? 0,
    seconds: (Date.now() - stepStarted) / 1000,
    note: result.error,
  });
}

function notRun(name, reason) {
  header(name);
  console.error(`Not run: ${reason}`);
  steps.push({ name, status: 'not run', passed: 0, failed: 1, pending: 0, seconds: 0, note: reason });
}

const bin = (name) => path.join(ROOT_DIR, 'node_modules', '.bin', name);
const run = (command, args) => runCommand(command, args).then((code) => code === 0);

if (dependencyProblem()) {
  await step('Install the project dependencies (npm ci)', () => run('npm', ['ci', '--no-audit', '--no-fund']));
}

const built = await step('Build (node esbuild.js)', () => run(process.execPath, ['esbuild.js']));

if (runAll) {
  await step('Type check (tsc -p . and tsc -p test)', async () => {
    const source = await run(bin('tsc'), ['--noEmit', '-p', '.']);
    const tests = await run(bin('tsc'), ['--noEmit', '-p', 'test']);
    return source && tests;
  });
  await step('Lint (eslint src test)', () => run(bin('eslint'), ['src', 'test']));
}

if (wantUnit) {
  if (built) await suite('Unit tests (mocha in Node)', 'test/host/run-unit.mjs');
  else notRun('Unit tests (mocha in Node)', 'the build failed');
}

if (wantIntegration) {
  const hostReady = await step('Test host (code-server, Chromium)', () => ensureHostInstalled());
  const name = 'Integration tests (real VS Code: code-server + headless Chromium)';
  if (!built) notRun(name, 'the build failed');
  else if (!hostReady) notRun(name, 'the test host could not be installed');
  else await suite(name, 'test/host/run-integration.mjs', options.verbose ? ['--verbose'] : []);
}

await cleanup();

header(`Summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const s of steps) {
  const counts = s.counted ? `: ${s.passed} passed, ${s.failed} failed${s.pending ? `, ${s.pending} pending` : ''}` : '';
  console.log(`  ${s.status.padEnd(7)} ${s.name}${counts} (${s.seconds.toFixed(1)} s)`);
  if (s.status !== 'ok' && s.note) console.log(`          ${s.note.split('\n')[0]}`);
}
const passed = steps.reduce((sum, s) => sum + s.passed, 0);
const failed = steps.reduce((sum, s) => sum + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
