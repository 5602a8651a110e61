// The project's own dependencies (esbuild, TypeScript, mocha…): are node_modules there and do they
// match package-lock.json? Uses only Node's built-in modules, so it runs before anything that needs
// node_modules is imported or started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCKFILE = path.join(ROOT, 'package-lock.json');
// npm writes this copy of the lockfile as it installs: what node_modules actually hold.
const INSTALLED = path.join(ROOT, 'node_modules', '.package-lock.json');

function readPackages(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).packages ?? {};
}

/** Why node_modules cannot be used as they are, or undefined when they match package-lock.json. */
export function dependencyProblem() {
  if (!fs.existsSync(INSTALLED)) return 'node_modules is missing';
  let wanted;
  let installed;
  try {
    wanted = readPackages(LOCKFILE);
    installed = readPackages(INSTALLED);
  } catch (error) {
    return `cannot compare node_modules with package-lock.json (${error.message})`;
  }
  for (const [where, entry] of Object.entries(wanted)) {
    if (where === '') continue;
    const have = installed[where];
    // Optional packages for other platforms are never installed.
    if (!have && entry.optional) continue;
    if (!have) return `${where} is not installed`;
    if (have.version !== entry.version) return `${where} is ${have.version}, package-lock.json wants ${entry.version}`;
  }
  return undefined;
}

/** Runs `npm ci` when node_modules are missing or stale, with progress lines; throws when it fails. */
export async function ensureDependencies() {
  const problem = dependencyProblem();
  if (!problem) return;
  console.log(`Installing the project dependencies with npm ci (${problem})…`);
  const started = Date.now();
  const heartbeat = setInterval(() => console.log(`  … ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  const code = await new Promise((resolve) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(-1));
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  }).finally(() => clearInterval(heartbeat));
  if (code !== 0) throw new Error(`npm ci failed (exit code ${code}).`);
  console.log(`Dependencies installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}
