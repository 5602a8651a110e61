// The table of commands of `source-annotator`: name → command. Each command lives in its own file.
import type { CliCommand } from '../io';
import { analyzeCommand } from './analyze';
import { checkCommand } from './check';
import { corpusCommand } from './corpus';
import { reanchorCommand } from './reanchor';
import { splitCommand } from './split';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: analyzeCommand,
  check: checkCommand,
  corpus: corpusCommand,
  reanchor: reanchorCommand,
  split: splitCommand,
};
