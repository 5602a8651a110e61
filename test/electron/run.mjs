// `npm run test:electron`: the integration suite in desktop VS Code through @vscode/test-electron,
// for a machine with a display (or xvfb-run) and internet: it downloads VS Code into .vscode-test/.
// The project's own machines have neither; there `npm test` runs the same suite in code-server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import testElectron from '@vscode/test-electron';

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE_WORKSPACE = path.join(ROOT_DIR, 'test', 'fixtures', 'workspace');

const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT_DIR, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build (node esbuild.js) failed.');
  process.exit(1);
}

// Tests may write sidecars next to the articles: they get a fresh copy, never the fixture itself.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-electron-'));
const workspace = path.join(runDir, 'workspace');
fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });

let exitCode = 1;
try {
  exitCode = await testElectron.runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT_DIR,
    extensionTestsPath: path.join(ROOT_DIR, 'dist', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (error) {
  const failedRun = error instanceof testElectron.TestRunFailedError;
  console.error(
    failedRun
      ? `\nThe integration tests failed in VS Code (${error.message}).`
      : `\nCould not run the integration tests in desktop VS Code: ${error.message ?? error}\n` +
          'This needs internet (to download VS Code into .vscode-test/) and a display (on Linux without one: xvfb-run -a npm run test:electron).\n' +
          'On a machine without them, `npm test` runs the same suite offline in code-server.',
  );
  exitCode = 1;
} finally {
  fs.rmSync(runDir, { recursive: true, force: true });
}
process.exit(exitCode);
