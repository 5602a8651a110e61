// Parses the arguments of `source-annotator analyze`.
import { UsageError } from '../io';

export interface AnalyzeOptions {
  readonly inputs: string[];
  readonly json: boolean;
  readonly predDir: string | null;
}

export const ANALYZE_USAGE = `Usage: source-annotator analyze [--json] [--pred-dir DIR] <file or folder>...

Finds quotes, their speakers and cues, and boilerplate lines in plain-text news articles.
Folders are searched recursively for .txt files (symbolic links followed; FIFOs and devices
refused).

Options:
  --json           print the full analysis of each article as JSON lines
  --pred-dir DIR   write <name>.pred.json per <name>.txt into DIR (scorer format, flat); an
                   article whose name was already written is reported, not overwritten

Exit status: 0 on success, 1 when an input cannot be read or a file cannot be written, 2 on a
usage error.`;

export function parseAnalyzeArgs(rest: readonly string[]): AnalyzeOptions {
  const inputs: string[] = [];
  let json = false;
  let predDir: string | null = null;
  let operandsOnly = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (operandsOnly) inputs.push(arg);
    else if (arg === '--') operandsOnly = true;
    else if (arg === '--json') json = true;
    else if (arg === '--pred-dir' || arg.startsWith('--pred-dir=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value) throw new UsageError('--pred-dir needs a folder');
      predDir = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no input files or folders');
  return { inputs, json, predDir };
}
