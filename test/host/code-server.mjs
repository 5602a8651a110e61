// Starts the test host's code-server (a real VS Code server) in its own process group, with every
// file it writes inside a run folder, and stops it with the whole group when the run ends.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { onCleanup, signalGroup } from './cleanup.mjs';
import { CODE_SERVER_ENTRY, NODE24, cleanEnvironment } from './environment.mjs';

const LISTENING = /HTTP server listening on (http:\/\/[^\s/]+)\//;
const START_TIMEOUT_MS = 90_000;
const OUTPUT_LINES_KEPT = 300;

// The workbench must not open welcome pages, chat or update prompts over the editors under test.
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // The browser VS Code saves after a one-second delay by default; desktop VS Code does not. Tests
  // that type and then revert must not have their edits saved when the machine is slow.
  'files.autoSave': 'off',
};

/**
 * @param {object} options
 * @param {string} options.runDir fresh temp folder of this run (user data, extensions, config go there)
 * @param {Record<string, string>} options.xdg HOME and XDG_* variables pointing into runDir
 * @param {number} [options.port] 0 lets the OS choose a free port
 * @param {string[]} [options.extraArgs]
 * @param {Record<string, string>} [options.env] added to the server's (and so the extension host's) environment
 * @param {(line: string) => void} [options.onOutput] called with every line the server prints
 * @returns {Promise<{ url: string, authority: string, extensionsDir: string, output: () => string[], exited: Promise<number | null> }>}
 */
export async function startCodeServer({ runDir, xdg, port = 0, extraArgs = [], env = {}, onOutput }) {
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const configFile = path.join(runDir, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  // Given explicitly, else code-server writes one with a generated password under XDG_CONFIG_HOME.
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const args = [
    CODE_SERVER_ENTRY,
    ...['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', configFile],
    ...['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  const child = spawn(NODE24, args, {
    // Its own process group: code-server forks the extension host, pty host and file watchers,
    // and killing the group is the only way to be sure none of them outlives the run.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnvironment({ ...xdg, EXTENSIONS_GALLERY: '{"serviceUrl":""}', ...env }),
  });
  const exited = new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(null));
  });
  onCleanup(
    'code-server',
    () => signalGroup(child.pid, 'SIGKILL'),
    async () => {
      if (signalGroup(child.pid, 'SIGTERM')) {
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      }
      // Children that ignored SIGTERM, or that outlived the leader.
      signalGroup(child.pid, 'SIGKILL');
    },
  );

  const output = [];
  let resolveUrl;
  const listening = new Promise((resolve) => {
    resolveUrl = resolve;
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > OUTPUT_LINES_KEPT) output.shift();
      onOutput?.(line);
      const match = LISTENING.exec(line);
      if (match) resolveUrl(match[1]);
    });
  }

  let timer;
  const url = await Promise.race([
    listening,
    new Promise((_, reject) => {
      child.on('error', (error) => reject(new Error(`code-server could not start: ${error.message}`)));
    }),
    exited.then((code) => {
      throw new Error(`code-server exited (code ${code}) before listening:\n${output.join('\n')}`);
    }),
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`code-server did not report a listening port within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`)),
        START_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));

  return { url, authority: new URL(url).host, extensionsDir, output: () => [...output], exited };
}
