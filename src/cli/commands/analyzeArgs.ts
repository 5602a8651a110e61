// Parses the arguments of `source-annotator analyze`.
import { UsageError } from '../io';
import { SEPARATOR_HELP, separatorPattern } from '../separatorOption';

export interface AnalyzeOptions {
  readonly inputs: string[];
  readonly json: boolean;
  readonly predDir: string | null;
  /** Worker threads analysing files; the output is the same as with one. */
  readonly jobs: number;
  /** Read `{"id","text"}` JSON lines from standard input instead of files. */
  readonly jsonl: boolean;
  /** The text of a checked `--separator` pattern. */
  readonly separator: string | undefined;
}

export const ANALYZE_USAGE = `Usage: source-annotator analyze [--json] [--pred-dir DIR] [--jobs N] [--separator REGEX] <file or folder>...
       source-annotator analyze --jsonl [--separator REGEX] < records.jsonl

Finds quotes, their speakers and cues, and boilerplate lines in plain-text news articles.
Folders are searched recursively for .txt files (symbolic links followed; FIFOs and devices
refused). A file holding several articles of an archive export is analysed article by article,
and the summary and --json give one entry per article, named <file>#<N> (N from 1), with the
article's metadata (source, date, byline, headline…).

Options:
  --json           print the full analysis of each article as JSON lines (for one article of
                   an export: "article": "<file>#<N>", "number", "start", "end" and "fields")
  --pred-dir DIR   write <name>.pred.json per <name>.txt into DIR (scorer format, flat); an
                   article whose name was already written is reported, not overwritten
  --jobs N         analyse on N worker threads (default 1); the output is the same, in the
                   same order
  --jsonl          read JSON lines {"id": …, "text": "…"} from standard input and write one
                   line {"id": …, "quotes": […], …} per record (for Hadoop Streaming, Spark
                   RDD.pipe and other pipes); a bad record gives {"id", "line", "error"}
${SEPARATOR_HELP}

Exit status: 0 on success, 1 when an input cannot be read or a file cannot be written, 2 on a
usage error.`;

export function parseAnalyzeArgs(rest: readonly string[]): AnalyzeOptions {
  const inputs: string[] = [];
  let json = false;
  let predDir: string | null = null;
  let jobs = 1;
  let jsonl = false;
  let separator: string | undefined;
  let operandsOnly = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (operandsOnly) inputs.push(arg);
    else if (arg === '--') operandsOnly = true;
    else if (arg === '--json') json = true;
    else if (arg === '--jsonl') jsonl = true;
    else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a whole number of at least 1');
      jobs = n;
    }
    else if (arg === '--separator' || arg.startsWith('--separator=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      separator = separatorPattern(value).source;
    } else if (arg === '--pred-dir' || arg.startsWith('--pred-dir=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value) throw new UsageError('--pred-dir needs a folder');
      predDir = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else inputs.push(arg);
  }
  if (jsonl) {
    if (inputs.length > 0 || json || predDir !== null) throw new UsageError('--jsonl reads standard input: no files, --json or --pred-dir with it');
    return { inputs, json, predDir, jobs, jsonl, separator };
  }
  if (inputs.length === 0) throw new UsageError('no input files or folders');
  return { inputs, json, predDir, jobs, jsonl, separator };
}
