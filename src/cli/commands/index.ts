// The table of commands of `source-annotator`: name → command. Each command lives in its own file.
import type { CliCommand } from '../io';
import { analyzeCommand } from './analyze';
import { corpusCommand } from './corpus';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: analyzeCommand,
  corpus: corpusCommand,
};
