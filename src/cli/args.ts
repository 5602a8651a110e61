// Parses the command line of `source-annotator`.

export interface AnalyzeCommand {
  readonly command: 'analyze';
  readonly inputs: string[];
  readonly json: boolean;
  readonly predDir: string | null;
}

export type Command = AnalyzeCommand | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: source-annotator analyze [--json] [--pred-dir DIR] <file or folder>...

Finds quotes, their speakers and cues, and boilerplate lines in plain-text news articles.
Folders are searched recursively for .txt files.

Options:
  --json           print the full analysis of each article as JSON lines
  --pred-dir DIR   write <name>.pred.json per <name>.txt into DIR (scorer format)
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error.`;

export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"`);
  const inputs: string[] = [];
  let json = false;
  let predDir: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--pred-dir' || arg.startsWith('--pred-dir=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value) throw new UsageError('--pred-dir needs a folder');
      predDir = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no input files or folders');
  return { command: 'analyze', inputs, json, predDir };
}
