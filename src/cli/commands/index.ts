// The table of commands of `source-annotator`: name → command. Each command lives in its own file.
import type { CliCommand } from '../io';
import { agreementCommand } from './agreement';
import { analyzeCommand } from './analyze';
import { exportCommand } from './export';
import { gitSetupCommand } from './gitSetup';
import { importCommand } from './import';
import { mergeSidecarCommand } from './mergeSidecar';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: analyzeCommand,
  export: exportCommand,
  import: importCommand,
  'git-setup': gitSetupCommand,
  'merge-sidecar': mergeSidecarCommand,
  agreement: agreementCommand,
};
