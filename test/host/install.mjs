// Installs what the test host needs on a fresh machine: Debian's Chromium and Kerberos headers
// through apt, then code-server, Node 24 and playwright-core from this folder's lockfile.
// Run directly (`node test/host/install.mjs`) or through test/run.mjs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installExitHandlers } from './cleanup.mjs';
import {
  CHROMIUM,
  CODE_SERVER_ENTRY,
  HOST_DIR,
  HOST_MODULES,
  NODE24,
  NODE24_DIR,
  cleanEnvironment,
  onPath,
  runCommand,
} from './environment.mjs';

// Written last, so a half-finished install is never taken for a finished one.
const STAMP = path.join(HOST_MODULES, '.source-annotator-host-installed');
const PLAYWRIGHT_CORE = path.join(HOST_MODULES, 'playwright-core', 'package.json');
// The full output of apt and npm (thousands of compiler lines) goes here; the terminal gets its end
// only when something fails.
export const INSTALL_LOG = path.join(HOST_DIR, '.tmp', 'install.log');
const INSTALL_TIMEOUT_MS = 30 * 60_000;

/** Runs one install command into the log; throws with the log's last lines when it fails. */
async function installCommand(description, command, args, options) {
  console.log(`  ${description}`);
  fs.appendFileSync(INSTALL_LOG, `\n$ ${command} ${args.join(' ')}\n`);
  // The log is quiet on the terminal: say now and then that the step is alive.
  const started = Date.now();
  const heartbeat = setInterval(() => console.log(`    … ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
  const code = await runCommand(command, args, { ...options, logFile: INSTALL_LOG, timeoutMs: INSTALL_TIMEOUT_MS }).finally(() =>
    clearInterval(heartbeat),
  );
  if (code !== 0) {
    const tail = fs.readFileSync(INSTALL_LOG, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
    throw new Error(`${description} failed (exit code ${code}). Last lines of ${path.relative(process.cwd(), INSTALL_LOG)}:\n${tail}`);
  }
}

/** Debian packages the host needs, each with the file whose presence shows it is installed. */
function requiredSystemPackages({ forInstall }) {
  const packages = [{ name: 'chromium', present: () => fs.existsSync(CHROMIUM) }];
  if (forInstall) {
    // The kerberos addon of code-server cannot download its prebuilt binary offline: it compiles,
    // which needs these headers and a C++ tool chain.
    packages.push({ name: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/krb5.h') });
    packages.push({ name: 'build-essential', present: () => onPath('make') && onPath('g++') });
    packages.push({ name: 'python3', present: () => onPath('python3') });
  }
  return packages;
}

function lockfileKey() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(HOST_DIR, file)));
  return hash.digest('hex');
}

/** Why the host's node_modules cannot be used as they are, or undefined when they can. */
export function hostInstallProblem() {
  if (!fs.existsSync(STAMP)) return 'the test host is not installed (or its last install did not finish)';
  if (fs.readFileSync(STAMP, 'utf8').trim() !== lockfileKey()) return 'test/host/package-lock.json changed since the last install';
  for (const file of [NODE24, CODE_SERVER_ENTRY, PLAYWRIGHT_CORE]) {
    if (!fs.existsSync(file)) return `${path.relative(HOST_DIR, file)} is missing`;
  }
  return undefined;
}

/** Why the host cannot run, with what to do about it, or undefined when it can. */
export function hostRunProblem() {
  const installProblem = hostInstallProblem();
  if (installProblem) return `${installProblem}. Install it with: node test/host/install.mjs (npm test does it too)`;
  if (!fs.existsSync(CHROMIUM)) {
    return `Chromium is missing at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (or set SOURCE_ANNOTATOR_CHROMIUM)`;
  }
  return undefined;
}

/** Installs missing Debian packages when running as root; otherwise throws with the command to run. */
export async function ensureSystemPackages({ forInstall }) {
  fs.mkdirSync(path.dirname(INSTALL_LOG), { recursive: true });
  const missing = requiredSystemPackages({ forInstall }).filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    throw new Error(`The test host needs ${missing.join(', ')}. Install as root: ${command}`);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get (log: ${path.relative(process.cwd(), INSTALL_LOG)})`);
  const env = cleanEnvironment({ DEBIAN_FRONTEND: 'noninteractive' });
  // Wait for another apt or dpkg (an unattended upgrade, a parallel install) instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=900'];
  await installCommand('apt-get update', 'apt-get', [...lock, 'update'], { env });
  await installCommand(`apt-get install -y ${missing.join(' ')}`, 'apt-get', [...lock, 'install', '-y', ...missing], { env });
  const stillMissing = requiredSystemPackages({ forInstall }).filter((p) => !p.present());
  if (stillMissing.length > 0) throw new Error(`apt-get did not provide ${stillMissing.map((p) => p.name).join(', ')}.`);
}

/** Installs the host's node_modules unless the stamp says they match the lockfile. */
export async function ensureHostInstalled() {
  fs.rmSync(INSTALL_LOG, { force: true });
  await ensureSystemPackages({ forInstall: hostInstallProblem() !== undefined });
  const problem = hostInstallProblem();
  if (!problem) {
    console.log('Test host already installed (stamp matches package-lock.json).');
    return;
  }
  console.log(`Installing the test host: ${problem}. A few minutes (log: ${path.relative(process.cwd(), INSTALL_LOG)})`);
  const started = Date.now();
  // A failed install leaves half-built packages (e.g. a dangling .bin/cross-env) that break the
  // next one, so every install starts from nothing.
  fs.rmSync(HOST_MODULES, { recursive: true, force: true });

  const env = cleanEnvironment();
  // Download only: some install scripts need Node 24, which is itself one of these packages.
  await installCommand('npm ci --ignore-scripts (download code-server, Node 24, playwright-core)', 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: HOST_DIR,
    env,
  });
  // Now build the native modules and run code-server's postinstall with Node 24 first on PATH and
  // its headers as node-gyp's nodedir (no header download; overrides `nodedir` from ~/.npmrc).
  const node24Env = {
    ...env,
    PATH: `${path.dirname(NODE24)}${path.delimiter}${env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
  };
  await installCommand('npm rebuild --foreground-scripts (native modules of code-server, with Node 24)', 'npm', ['rebuild', '--foreground-scripts'], {
    cwd: HOST_DIR,
    env: node24Env,
  });
  const leftOver = [NODE24, CODE_SERVER_ENTRY, PLAYWRIGHT_CORE].find((file) => !fs.existsSync(file));
  if (leftOver) throw new Error(`The test host install finished without ${leftOver}.`);
  fs.writeFileSync(STAMP, `${lockfileKey()}\n`);
  console.log(`Test host installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  installExitHandlers();
  ensureHostInstalled().then(
    () => process.exit(0),
    (error) => {
      console.error(`\n${error.message}`);
      process.exit(1);
    },
  );
}
