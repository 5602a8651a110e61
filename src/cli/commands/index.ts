// The table of commands of `source-annotator`: name → command. Each command lives in its own file.
import type { CliCommand } from '../io';
import { analyzeCommand } from './analyze';
import { exportCommand } from './export';
import { importCommand } from './import';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: analyzeCommand,
  export: exportCommand,
  import: importCommand,
};
