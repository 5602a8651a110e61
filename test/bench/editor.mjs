#!/usr/bin/env node
// npm run bench:editor: the editor benchmark suite (test/integration/editorBench.test.ts) alone in
// the real VS Code of the test host. Kept apart from `npm run bench`: it starts code-server and
// Chromium and takes minutes on two cores.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const result = spawnSync(process.execPath, [path.join(root, 'test', 'host', 'run-integration.mjs'), '--timeout', '1800'], {
  stdio: 'inherit',
  env: { ...process.env, SOURCE_ANNOTATOR_BENCH: '1', SOURCE_ANNOTATOR_TEST_GREP: 'Editor bench' },
});
process.exit(result.status ?? 1);
