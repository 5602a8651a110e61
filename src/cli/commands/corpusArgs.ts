// Parses the arguments of `source-annotator corpus`.
import * as os from 'node:os';
import { UsageError } from '../io';
import { SEPARATOR_HELP, separatorPattern } from '../separatorOption';

export interface CorpusOptions {
  readonly inputs: string[];
  readonly json: boolean;
  readonly jobs: number;
  /** Search mode: quotes with these words and/or of this speaker instead of the report. */
  readonly search: string | null;
  readonly speaker: string | null;
  readonly limit: number;
  /** The text of a checked `--separator` pattern. */
  readonly separator: string | undefined;
}

export const CORPUS_USAGE = `Usage: source-annotator corpus [--json] [--jobs N] [--search WORDS] [--speaker NAME] <folder or file>...

Cross-article results for a corpus of .txt articles (folders are searched recursively). A file
holding several articles of an archive export counts each of them, named <file>#<N>:
  - people: speakers merged across articles (Sergei/Sergey, Erdoğan/Erdogan, with or without
    first names), with the spellings used, quote counts and article counts;
  - the same quote in several articles: identical, inside a longer quote, or reworded, with the
    words that differ;
  - repeated lines: lines found in at least 3 articles of one folder (site boilerplate).

Options:
  --json           print the results as one JSON object
  --jobs N         analyse on N worker threads (default: the number of CPUs, at most 8)
  --search WORDS   list the quotes with these words instead, best matches first
  --speaker NAME   list (or narrow the search to) the quotes of this person, any spelling
  --limit N        at most N quotes in search results (default 50)
${SEPARATOR_HELP}

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error.`;

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number of at least 1`);
  return n;
}

export function parseCorpusArgs(rest: readonly string[]): CorpusOptions {
  const inputs: string[] = [];
  let json = false;
  let jobs = Math.min(8, os.availableParallelism());
  let search: string | null = null;
  let speaker: string | null = null;
  let limit = 50;
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
    if (flag === '--json') json = true;
    else if (flag === '--jobs') jobs = positiveInt('--jobs', value());
    else if (flag === '--limit') limit = positiveInt('--limit', value());
    else if (flag === '--separator') separator = separatorPattern(value()).source;
    else if (flag === '--search' || flag === '--speaker') {
      const v = value();
      if (!v) throw new UsageError(`${flag} needs a value`);
      if (flag === '--search') search = v;
      else speaker = v;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no input folders or files');
  return { inputs, json, jobs, search, speaker, limit, separator };
}
