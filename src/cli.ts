// Entry of the `source-annotator` command line: analyses .txt articles with the same engine as the
// extension and prints a summary, JSON, or prediction files for the scorer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from './core/analysis/analyze';
import { USAGE, UsageError, parseArgs } from './cli/args';
import { summary, toPredictions } from './cli/predictions';

declare const __VERSION__: string | undefined;

function version(): string {
  if (typeof __VERSION__ === 'string') return __VERSION__;
  try {
    for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
      const p = path.join(dir, 'package.json');
      if (fs.existsSync(p)) {
        const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'source-annotator' && pkg.version) return pkg.version;
      }
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

class InputError extends Error {}

/** The .txt files named by the inputs; folders are searched recursively, in a stable order. */
function collectFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) files.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new InputError(`cannot read ${input}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}

export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`source-annotator: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (cmd.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (cmd.command === 'version') {
    out(version());
    return 0;
  }
  let files: string[];
  try {
    files = collectFiles(cmd.inputs);
  } catch (e) {
    err(`source-annotator: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (cmd.predDir) fs.mkdirSync(cmd.predDir, { recursive: true });
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      err(`source-annotator: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      status = 1;
      continue;
    }
    const analysis = analyze(text);
    if (cmd.predDir) {
      const name = path.basename(file).replace(/\.txt$/, '');
      fs.writeFileSync(path.join(cmd.predDir, `${name}.pred.json`), `${JSON.stringify(toPredictions(analysis))}\n`);
    }
    if (cmd.json) out(JSON.stringify({ file, ...analysis }));
    else if (!cmd.predDir) out(`${summary(file, text, analysis)}\n`);
  }
  if (cmd.predDir && !cmd.json) out(`wrote ${files.length} prediction files to ${cmd.predDir}`);
  return status;
}

if (require.main === module) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
