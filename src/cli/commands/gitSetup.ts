// `source-annotator git-setup`: registers the sidecar merge driver in a git repository:
// `.gitattributes` routes `*.txt.annotations.yaml` to it, the local git config says how to run it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { splitOptions } from './interchangeFiles';

export const MERGE_DRIVER = 'source-annotator';
export const ATTRIBUTES_LINE = `*.txt.annotations.yaml merge=${MERGE_DRIVER}`;

export const GIT_SETUP_USAGE = `Usage: source-annotator git-setup [--command CMD] [REPOSITORY]

Registers the sidecar merge driver in the git repository (default: the current folder):
adds \`${ATTRIBUTES_LINE}\` to .gitattributes and sets merge.${MERGE_DRIVER}.driver
in the repository's local git config. Running it again changes nothing.
--command sets how the driver is started (default: this source-annotator).`;

/** How this very command line is started, so the driver runs the same version. */
function thisCommand(): string {
  const script = process.argv[1];
  if (script !== undefined && /cli\.js$/.test(script)) return `"${process.execPath}" "${path.resolve(script)}"`;
  return 'source-annotator';
}

function git(repository: string, args: readonly string[]): { status: number; out: string; err: string } {
  const r = spawnSync('git', args, { cwd: repository, encoding: 'utf8' });
  return { status: r.status ?? 1, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() || (r.error?.message ?? '') };
}

function runGitSetup(argv: readonly string[], io: CliIo): Promise<number> {
  const options = splitOptions(argv, ['--command'], []);
  if (options.unknown.length > 0 || options.positional.length > 1) throw new UsageError(options.unknown.join('; ') || 'at most one repository');
  const start = path.resolve(options.positional[0] ?? '.');
  const top = git(start, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) {
    io.err(`source-annotator: ${start} is not in a git repository${top.err === '' ? '' : ` (${top.err})`}`);
    return Promise.resolve(1);
  }
  const repository = top.out;
  const driver = `${options.values.get('--command') ?? thisCommand()} merge-sidecar %O %A %B %P`;
  const settings: [string, string][] = [
    [`merge.${MERGE_DRIVER}.name`, 'Source Annotator sidecar merge (by tag id)'],
    [`merge.${MERGE_DRIVER}.driver`, driver],
  ];
  for (const [key, value] of settings) {
    if (git(repository, ['config', '--local', '--get', key]).out === value) {
      io.out(`git config ${key} already set`);
      continue;
    }
    const set = git(repository, ['config', '--local', key, value]);
    if (set.status !== 0) {
      io.err(`source-annotator: git config ${key} failed: ${set.err}`);
      return Promise.resolve(1);
    }
    io.out(`set git config ${key} = ${value}`);
  }
  const attributes = path.join(repository, '.gitattributes');
  const existing = fs.existsSync(attributes) ? fs.readFileSync(attributes, 'utf8') : '';
  if (existing.split(/\r?\n/).some((line) => line.trim() === ATTRIBUTES_LINE)) {
    io.out('.gitattributes already routes sidecars to the driver');
  } else {
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
    fs.writeFileSync(attributes, `${existing}${separator}${ATTRIBUTES_LINE}\n`);
    io.out(`${existing === '' ? 'created' : 'extended'} .gitattributes: ${ATTRIBUTES_LINE} (commit it so everyone merges sidecars the same way; each clone runs git-setup once)`);
  }
  return Promise.resolve(0);
}

export const gitSetupCommand: CliCommand = {
  summary: 'register the sidecar merge driver in a git repository',
  usage: GIT_SETUP_USAGE,
  run: runGitSetup,
};
