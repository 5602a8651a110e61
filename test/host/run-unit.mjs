// Runs the bundled unit tests (dist/test/unit/**/*.test.js) with mocha in plain Node, no VS Code.
// Run `node esbuild.js` first; test/run.mjs does both.
//
//   node test/host/run-unit.mjs [--report <file.json>]
//
// --report writes {"passed","failed","pending","error"} for test/run.mjs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT_DIR } from './environment.mjs';

const UNIT_DIR = path.join(ROOT_DIR, 'dist', 'test', 'unit');
// Property-based tests over real articles can take a few seconds on two cores.
const TEST_TIMEOUT_MS = 20_000;

const { values: options } = parseArgs({ options: { report: { type: 'string' } } });

function finish(result) {
  if (options.report) fs.writeFileSync(options.report, JSON.stringify(result));
  if (result.error) console.error(`\nUnit tests could not run: ${result.error}`);
  // Like mocha's --exit: a test that leaves a timer or handle open must not hang the run.
  process.exit(result.failed > 0 || result.error ? 1 : 0);
}

// The project's own mocha (a devDependency of the root package), not whatever is resolvable here.
const mochaEntry = createRequire(path.join(ROOT_DIR, 'package.json')).resolve('mocha');
const { default: Mocha } = await import(pathToFileURL(mochaEntry).href);

const files = fs.existsSync(UNIT_DIR)
  ? fs
      .readdirSync(UNIT_DIR, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.test.js'))
      .sort()
      .map((file) => path.join(UNIT_DIR, file))
  : [];
if (files.length === 0) {
  finish({ passed: 0, failed: 0, pending: 0, error: `no *.test.js under ${path.relative(ROOT_DIR, UNIT_DIR)} (did the build run?)` });
}

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: TEST_TIMEOUT_MS, color: Boolean(process.stdout.isTTY) });
// Same as the integration suite: describe/it and suite/test both work.
Mocha.interfaces.tdd(mocha.suite);
for (const file of files) mocha.addFile(file);

try {
  const runner = mocha.run(() => {
    const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
    finish({ passed: passes, failed: failures, pending });
  });
} catch (error) {
  // A test file that throws while loading.
  console.error(error);
  finish({ passed: 0, failed: 0, pending: 0, error: error.message ?? String(error) });
}
