// Entry of the `source-annotator` command line: picks the command from the table and runs it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from './commands/index';
import type { CliIo } from './io';
import { UsageError } from './io';
import { OutputClosedError, processIo } from './safeOutput';
import { escapeForTerminal as show } from './terminalText';

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

export function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: source-annotator <command> [options] [files or folders...]

Commands:
${lines.join('\n')}

Options:
  -h, --help       show this help (or a command's, after its name)
  -v, --version    show the version

Exit status: 0 all good, 1 when an input failed, 2 on a usage error.`;
}

/** Runs the command line `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) {
      io.err(`source-annotator: missing command\n\n${overview()}`);
      return 2;
    }
    io.out(overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`source-annotator: unknown command "${show(name)}"\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`source-annotator ${name}: ${show(e.message)}\n\n${command.usage}`);
      return 2;
    }
    throw e;
  }
}

/**
 * Runs the command line on this process's streams and sets the exit status. Nothing escapes as a
 * stack trace: a reader that went away ends the run with the status so far, a broken output is
 * already reported, and an unexpected error is one line.
 */
export async function runProcess(argv: readonly string[]): Promise<number> {
  const io = processIo();
  try {
    return await main(argv, io);
  } catch (e) {
    if (e instanceof OutputClosedError) return e.quiet && !io.reportedProblems ? 0 : 1;
    io.err(`source-annotator: unexpected error: ${show(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
}

if (require.main === module) {
  void runProcess(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
