// `npm start [folder]`: builds the extension and opens a folder (default: the seed articles) in
// VS Code with the extension loaded. On a bare machine it first installs what is missing: the
// project's dependencies (npm ci, when node_modules are missing or differ from package-lock.json)
// and, without a desktop `code`, the test host (as `npm test` does).
//
// With a desktop `code` on PATH it runs `code --extensionDevelopmentPath <project> <folder>`.
// Otherwise (no desktop, as on the project's machines) it serves the test host's code-server on
// 127.0.0.1 and prints the address to open in a browser; Ctrl-C stops it and removes its temp
// folder. Options: --web (code-server even when `code` exists), --port <n> (default: a free one).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cleanup, cleanupStarted, installExitHandlers, onCleanup, removeFolder } from './cleanup.mjs';
import { startCodeServer } from './code-server.mjs';
import { ROOT_DIR, makeRunFolder, onPath, runCommand } from './environment.mjs';
import { ensureDependencies } from './dependencies.mjs';
import { ensureHostInstalled, hostInstallProblem } from './install.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    web: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
  },
});
const folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0] ?? path.join(ROOT_DIR, 'test', 'fixtures', 'workspace', 'seeds'));

function fail(message) {
  console.error(message);
  process.exit(1);
}

installExitHandlers();
if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) fail(`Not a folder: ${folder}`);
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Not a port number: ${options.port}`);

// Before the build: esbuild is one of the dependencies.
try {
  await ensureDependencies();
} catch (error) {
  fail(error.message);
}

console.log('Building the extension (node esbuild.js)…');
if ((await runCommand(process.execPath, ['esbuild.js'], { cwd: ROOT_DIR })) !== 0) fail('The build failed.');

if (onPath('code') && !options.web) {
  console.log(`Opening ${folder} in VS Code with the extension from ${ROOT_DIR}`);
  process.exit(await runCommand('code', ['--extensionDevelopmentPath', ROOT_DIR, folder]));
}

console.log('No desktop `code` on PATH: serving VS Code in the browser with the test host (code-server).');
try {
  // Checked first: an installed host needs no system packages (the browser is the person's own).
  if (hostInstallProblem()) await ensureHostInstalled();
} catch (error) {
  fail(`The test host could not be installed: ${error.message}`);
}

const { dir: runDir, xdg } = makeRunFolder('source-annotator-start');
onCleanup('run folder', () => removeFolder(runDir));

// code-server loads every unpacked extension it finds in its extensions folder: a link named like
// an installed extension (publisher.name-version) loads the project as it is, dist/ included.
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8'));
const extensionsDir = path.join(runDir, 'extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
fs.symlinkSync(ROOT_DIR, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

let server;
try {
  server = await startCodeServer({ runDir, xdg, port, extraArgs: [folder] });
} catch (error) {
  await cleanup();
  fail(error.message);
}
const address = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(`
VS Code (code-server) with Source Annotator is ready. Open in a browser on this machine:

  ${address}

(From another machine, forward the port first, e.g. ssh -L ${new URL(server.url).port}:127.0.0.1:${new URL(server.url).port} …)
After \`node esbuild.js\`, run "Developer: Reload Window" to load the new build. Ctrl-C stops the server.`);

const code = await server.exited;
if (cleanupStarted()) await new Promise(() => {}); // stopping on purpose: the exit handler finishes
console.error(`code-server stopped by itself (exit code ${code}).`);
await cleanup();
process.exit(code === 0 ? 0 : 1);
