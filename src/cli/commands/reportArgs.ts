// Parses the arguments of `source-annotator report`.
import * as os from 'node:os';
import { UsageError } from '../io';
import { SEPARATOR_HELP, separatorPattern } from '../separatorOption';

export interface ReportOptions {
  readonly inputs: string[];
  readonly out: string;
  readonly jobs: number;
  /** The text of a checked `--separator` pattern. */
  readonly separator: string | undefined;
}

export const REPORT_USAGE = `Usage: source-annotator report [--out report.html] [--jobs N] <folder or file>...

Writes the corpus report of .txt articles (folders are searched recursively) as one self-contained
HTML file (inline CSS and SVG charts, no script): the most quoted voices with their quotes, per
folder (site) the quotes, the share with a speaker and the boilerplate share, the statements
quoted by several articles with how their wording differs, and tagging progress read from the
articles' sidecars (tags per label and author, flagged and orphaned tags, accepted and rejected
detections), and a timeline of articles by the publication dates archive exports give them. A
file holding several articles of an archive export counts each of them (named <file>#<N>).
Links to the articles are paths relative to the report file.

Options:
  --out FILE   where to write the report (default: report.html; - writes it to standard output)
  --jobs N     analyse on N worker threads (default: the number of CPUs, at most 8)
${SEPARATOR_HELP}

Exit status: 0 on success, 1 when an input or a sidecar cannot be read, 2 on a usage error.`;

export function parseReportArgs(rest: readonly string[]): ReportOptions {
  const inputs: string[] = [];
  let out = 'report.html';
  let jobs = Math.min(8, os.availableParallelism());
  let separator: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    // After `--`, everything is a file or folder, even a name starting with a dash.
    if (arg === '--') {
      for (const a of rest.slice(i + 1)) inputs.push(a);
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--out') {
      const v = value();
      if (!v) throw new UsageError('--out needs a file name');
      out = v;
    } else if (flag === '--jobs') {
      const v = value();
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a whole number of at least 1');
      jobs = n;
    } else if (flag === '--separator') separator = separatorPattern(value()).source;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('name at least one folder or article');
  return { inputs, out, jobs, separator };
}
